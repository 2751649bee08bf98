// SPDX-License-Identifier: MIT
#include "engine/bench/backtest_bench.h"

#include <algorithm>
#include <chrono>
#include <functional>

#include "engine/bench/rule_bench.h"
#include "engine/rules/backtest.h"

namespace kvt::engine {
namespace {

double bestMilliseconds(int repetitions, const std::function<void()> &body)
{
    double best = 1e300;
    for (int r = 0; r < repetitions; ++r) {
        const auto start = std::chrono::steady_clock::now();
        body();
        best = std::min(
            best, std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start).count());
    }
    return best;
}

} // namespace

std::vector<BenchFigure> runBacktestBenchmarks(const BacktestBenchOptions &o)
{
    GeneratorOptions g;
    g.keys = o.keys;
    g.days = o.runs + 14;
    g.records = o.records;
    const auto data = generateDataset(g);
    const SentinelParams params;
    const BacktestDays days = defaultBacktestDays(*data, params);
    const Ticks runAt = 5 * kTicksPerMinute;
    std::size_t keys = 0, runs = 0;
    const double single = bestMilliseconds(o.repetitions, [&] {
        SentinelParams p = params;
        p.now = days.last + runAt;
        keys = SentinelRule(data).run(p).series.size();
    });
    const double backtest = bestMilliseconds(
        o.repetitions, [&] { runs = runBacktest(*data, params, days.first, days.last, runAt).runs.size(); });
    const ElasticBurstParams burstParams;
    ElasticBurstResult bursts;
    const double burstOnce = bestMilliseconds(o.repetitions, [&] { bursts = runElasticBurst(*data, burstParams); });
    const double burstBacktestMs = bestMilliseconds(o.repetitions, [&] {
        bursts = runElasticBurst(*data, burstParams);
        runs = std::max(runs, burstBacktest(bursts, days.first, days.last, runAt).size());
    });
    return {
        {"sentinel backtest, every day (baseline: one single-day run)", keys, runs, backtest, single, 1000},
        {"es|ql backtest, every day (baseline: the rule run once)", bursts.alerts.size(), runs, burstBacktestMs,
            burstOnce, 1000},
    };
}

} // namespace kvt::engine
