// SPDX-License-Identifier: MIT
#include "engine/bench/rule_bench.h"

#include <algorithm>
#include <chrono>

#include "engine/generate/generator.h"
#include "engine/rules/elastic_burst.h"
#include "engine/rules/sentinel_rule.h"

namespace kvt::engine {
namespace {

using Clock = std::chrono::steady_clock;

double millisecondsOf(const std::function<void()> &body)
{
    const auto start = Clock::now();
    body();
    return std::chrono::duration<double, std::milli>(Clock::now() - start).count();
}

} // namespace

std::shared_ptr<const Dataset> generateDataset(std::uint64_t records)
{
    GeneratorOptions o;
    o.records = records;
    o.days = 21;
    return generateDataset(o);
}

std::shared_ptr<const Dataset> generateDataset(const GeneratorOptions &o)
{
    auto data = std::make_shared<Dataset>();
    data->reserve(static_cast<std::size_t>(o.records + o.records / 10));
    generateAuditEvents(o, [&](std::vector<OwnedEvent> &day) {
        for (const auto &e : day) {
            EventDraft d;
            d.time = e.time;
            for (std::size_t f = 0; f < kTextFieldCount; ++f)
                d.text[f] = e.text[f];
            d.durationMs = e.durationMs;
            d.httpStatusCode = e.httpStatusCode;
            data->append(d, {});
        }
        return true;
    });
    return data;
}

std::vector<BenchFigure> runRuleBenchmarks(std::uint64_t records, int repetitions)
{
    const auto data = generateDataset(records);
    const std::size_t n = data->size();
    // Baseline: one pass reading the two columns every rule row check touches first.
    volatile std::int64_t sink = 0;
    double baseline = 1e300;
    for (int r = 0; r < repetitions; ++r)
        baseline = std::min(baseline, millisecondsOf([&] {
            std::int64_t s = 0;
            const auto &times = data->times();
            const auto &ops = data->column(TextField::OperationName);
            for (std::size_t i = 0; i < n; ++i)
                s += times[i] + ops[i];
            sink = sink + s;
        }));

    double whole = 1e300, threshold = 1e300, allow = 1e300, burst = 1e300, sliding = 1e300;
    for (int r = 0; r < repetitions; ++r) {
        SentinelRule rule(data);
        SentinelParams p;
        whole = std::min(whole, millisecondsOf([&] { rule.run(p); }));
        p.scoreThreshold = 2.5;
        threshold = std::min(threshold, millisecondsOf([&] { rule.run(p); }));
        p.allowAppIds.clear();
        allow = std::min(allow, millisecondsOf([&] { rule.run(p); }));
        ElasticBurstParams e;
        burst = std::min(burst, millisecondsOf([&] { runElasticBurst(*data, e); }));
        e.sliding = true;
        sliding = std::min(sliding, millisecondsOf([&] { runElasticBurst(*data, e); }));
    }
    return {
        {"whole Sentinel rule, cold caches", n, 0, whole, baseline, 200},
        {"threshold change (cached series and scores)", n, 0, threshold, baseline, 16},
        {"allow-list change", n, 0, allow, baseline, 100},
        {"ES|QL burst rule, fixed 1-minute windows", n, 0, burst, baseline, 300},
        {"ES|QL burst rule, sliding windows (our variant)", n, 0, sliding, baseline, 300},
    };
}

} // namespace kvt::engine
