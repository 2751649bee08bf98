// SPDX-License-Identifier: MIT
#include "engine/rules/backtest.h"

#include <algorithm>

#include "engine/rules/daily_replay.h"

namespace kvt::engine {
namespace {

std::size_t silencedCount(const SentinelResult &r)
{
    return static_cast<std::size_t>(
        std::count_if(r.outcomes.begin(), r.outcomes.end(), [](const AnomalyOutcome &o) { return o.silenced; }));
}

// One day from the shared counts: the stages of SentinelRule::run on a slice of them.
BacktestRun runDay(DailyReplay &replay, std::size_t i)
{
    SentinelResult out;
    out.params = replay.runParams(i);
    out.axis = replay.axis(i);
    const SentinelParams &p = out.params;
    const Ticks windowStart = *p.now - p.alertWindow;
    std::vector<int> flags;
    replay.scoreRun(i, p, [&](std::size_t k, std::span<const double> counts, const AnomalyResult &r) {
        flags.resize(counts.size());
        flagScores(r.scores, p.scoreThreshold, flags);
        for (std::size_t b = 0; b < counts.size(); ++b) {
            const std::int64_t baseline = truncateToLong(r.parts.baseline[b]);
            if (flags[b] <= 0 || static_cast<double>(baseline) <= p.baselineThreshold)
                continue;
            const Ticks bin = out.axis.binStart(b);
            if (bin > windowStart)
                out.anomalies.push_back(
                    {replay.keys()[k], bin, counts[b], baseline, r.parts.baseline[b], r.scores[b], flags[b]});
        }
    });
    replay.join(i, out);
    BacktestRun run;
    run.now = *p.now;
    run.axis = out.axis;
    run.silenced = silencedCount(out);
    run.anomalies = std::move(out.anomalies);
    run.alerts = std::move(out.alerts);
    for (auto &a : run.alerts)
        a.recordIds = {};
    return run;
}

BacktestRun fromFullRun(const SentinelResult &r)
{
    BacktestRun run;
    run.now = *r.params.now;
    run.axis = r.axis;
    run.anomalies = r.anomalies;
    run.alerts = r.alerts;
    for (auto &a : run.alerts)
        a.recordIds = {};
    run.silenced = silencedCount(r);
    return run;
}

} // namespace

std::vector<std::string> BacktestRun::keys() const
{
    std::vector<std::string> out;
    for (const auto &a : anomalies)
        out.push_back(a.key);
    std::sort(out.begin(), out.end());
    out.erase(std::unique(out.begin(), out.end()), out.end());
    return out;
}

BacktestDays defaultBacktestDays(const Dataset &data, const SentinelParams &params)
{
    if (data.empty())
        return {1, 0};
    // The first run whose look-back starts on the first record's day: day - lookback = that day.
    const Ticks first = startOfDay(data.firstTime()) + params.lookbackDays * kTicksPerDay;
    // The run that evaluates the last record's day runs the day after it.
    const Ticks last = startOfDay(data.lastTime()) + kTicksPerDay;
    return {first, last};
}

BacktestResult runBacktest(const Dataset &data, const SentinelParams &params, Ticks firstDay, Ticks lastDay,
    Ticks runAt, const std::atomic<bool> *cancel)
{
    BacktestResult result;
    result.params = params;
    result.params.now.reset();
    if (firstDay > lastDay)
        return result;
    const auto stopped = [cancel] { return cancel && cancel->load(std::memory_order_relaxed); };
    SentinelParams day = params;
    // Every look-back is a slice of one axis only when bins tile a day.
    result.sharedCounts = DailyReplay::tilesDay(params);
    if (!result.sharedCounts) {
        SentinelRule rule(std::shared_ptr<const Dataset>(&data, [](const Dataset *) {}));
        for (Ticks d = firstDay; d <= lastDay && !stopped(); d += kTicksPerDay) {
            day.now = d + runAt;
            result.runs.push_back(fromFullRun(rule.run(day)));
        }
        return result;
    }
    DailyReplay replay(data, params, firstDay, lastDay, runAt);
    for (std::size_t i = 0; i < replay.runCount() && !stopped(); ++i)
        result.runs.push_back(runDay(replay, i));
    return result;
}

std::vector<BurstBacktestRun> burstBacktest(
    const ElasticBurstResult &bursts, Ticks firstDay, Ticks lastDay, Ticks runAt)
{
    std::vector<BurstBacktestRun> runs;
    for (Ticks d = firstDay; d <= lastDay; d += kTicksPerDay)
        runs.push_back({d + runAt, {}, {}});
    for (std::size_t i = 0; i < bursts.alerts.size(); ++i) {
        // The run at `now` covers window starts in [now - 1d, now).
        const Ticks t = bursts.alerts[i].timeWindow - runAt;
        const Ticks day = startOfDay(t) + kTicksPerDay;
        if (day >= firstDay && day <= lastDay)
            runs[static_cast<std::size_t>((day - firstDay) / kTicksPerDay)].bursts.push_back(i);
    }
    for (auto &run : runs) {
        for (const std::size_t i : run.bursts)
            run.identities.push_back(bursts.alerts[i].identity);
        std::sort(run.identities.begin(), run.identities.end());
        run.identities.erase(std::unique(run.identities.begin(), run.identities.end()), run.identities.end());
    }
    return runs;
}

} // namespace kvt::engine
