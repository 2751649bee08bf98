// SPDX-License-Identifier: MIT
#include "engine/rules/backtest.h"

#include <algorithm>

#include "engine/rules/right_side.h"
#include "engine/rules/row_filter.h"
#include "engine/rules/series_binning.h"

namespace kvt::engine {
namespace {

TextField keyField(SeriesKey k)
{
    return k == SeriesKey::Resource ? TextField::Resource : TextField::CallerIPAddress;
}

// A day's look-back, as SentinelRule::run sets it.
TimeAxis lookbackAxis(const SentinelParams &p, Ticks now)
{
    return TimeAxis::fromRange(startOfDay(now - p.lookbackDays * kTicksPerDay), startOfDay(now), p.bin);
}

DecomposeParams decomposeParams(const SentinelParams &p)
{
    DecomposeParams dp;
    dp.threshold = p.scoreThreshold;
    dp.seasonality = p.seasonality;
    dp.trend = p.trend;
    dp.method = p.method;
    return dp;
}

// What every day reads: the counts over the union of the look-backs, and the rows the right side
// may join, by time.
struct SharedInputs {
    SeriesTable table;
    std::vector<std::pair<Ticks, std::size_t>> rightRows; ///< (time, row) of rows passing the shared filters
};

SharedInputs sharedInputs(const Dataset &data, const SentinelParams &params, const TimeAxis &all)
{
    const RowFilter filter(data, params);
    std::vector<std::uint8_t> keep(data.size(), 0);
    SharedInputs in;
    for (std::size_t r = 0; r < data.size(); ++r) {
        if (!filter.passes(r))
            continue;
        keep[r] = filter.callerUsable(r) ? 1 : 0;
        in.rightRows.emplace_back(data.time(r), r);
    }
    in.table = makeDatasetSeries(data, keyField(params.seriesKey), all, keep);
    std::sort(in.rightRows.begin(), in.rightRows.end());
    return in;
}

// One day from the shared counts: the stages of SentinelRule::run on a slice of them.
BacktestRun runDay(const Dataset &data, const SentinelParams &dayParams, const SharedInputs &in, AnomalyScorer &scorer,
    AnomalyResult &scratch)
{
    const Ticks now = *dayParams.now;
    SentinelResult out;
    out.params = dayParams;
    out.axis = lookbackAxis(dayParams, now);
    const TimeAxis &all = in.table.axis;
    const auto offset = static_cast<std::size_t>((out.axis.from - all.from) / all.step);
    const DecomposeParams dp = decomposeParams(dayParams);
    const Ticks windowStart = now - dayParams.alertWindow;
    for (std::size_t k = 0; k < in.table.keys.size(); ++k) {
        const auto counts = in.table.row(k).subspan(offset, out.axis.bins);
        // make-series gives a key a series only when it has a row inside the axis.
        if (std::all_of(counts.begin(), counts.end(), [](double c) { return c == 0; }))
            continue;
        scorer.score(counts, dp, scratch);
        flagScores(scratch.scores, dayParams.scoreThreshold, scratch.flags);
        for (std::size_t b = 0; b < counts.size(); ++b) {
            const std::int64_t baseline = truncateToLong(scratch.parts.baseline[b]);
            if (scratch.flags[b] <= 0 || static_cast<double>(baseline) <= dayParams.baselineThreshold)
                continue;
            const Ticks bin = out.axis.binStart(b);
            if (bin > windowStart)
                out.anomalies.push_back({in.table.keys[k], bin, counts[b], baseline, scratch.parts.baseline[b],
                    scratch.scores[b], scratch.flags[b]});
        }
    }
    BacktestRun run;
    run.now = now;
    run.axis = out.axis;
    if (!out.anomalies.empty()) {
        // The join only matches a record whose hour (faithful) or bin (full-bin) is an anomaly's,
        // and anomalies lie inside the axis: rows past its end plus an hour can never join.
        const Ticks last = out.axis.end() + kTicksPerHour;
        auto lo = std::upper_bound(in.rightRows.begin(), in.rightRows.end(), std::pair(windowStart, SIZE_MAX));
        auto hi = std::lower_bound(lo, in.rightRows.end(), std::pair(last, std::size_t {0}));
        std::vector<std::size_t> candidates;
        candidates.reserve(static_cast<std::size_t>(hi - lo));
        for (auto it = lo; it != hi; ++it)
            candidates.push_back(it->second);
        std::sort(candidates.begin(), candidates.end()); // the rule reads them in row order
        joinAndSummarize(data, dayParams, out.axis, candidates, out);
    }
    for (auto &a : out.alerts)
        a.recordIds = {};
    run.silenced = static_cast<std::size_t>(
        std::count_if(out.outcomes.begin(), out.outcomes.end(), [](const AnomalyOutcome &o) { return o.silenced; }));
    run.anomalies = std::move(out.anomalies);
    run.alerts = std::move(out.alerts);
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
    run.silenced = static_cast<std::size_t>(
        std::count_if(r.outcomes.begin(), r.outcomes.end(), [](const AnomalyOutcome &o) { return o.silenced; }));
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
    result.sharedCounts = params.bin > 0 && kTicksPerDay % params.bin == 0;
    if (!result.sharedCounts) {
        SentinelRule rule(std::shared_ptr<const Dataset>(&data, [](const Dataset *) {}));
        for (Ticks d = firstDay; d <= lastDay && !stopped(); d += kTicksPerDay) {
            day.now = d + runAt;
            result.runs.push_back(fromFullRun(rule.run(day)));
        }
        return result;
    }
    const TimeAxis firstAxis = lookbackAxis(params, firstDay + runAt);
    const TimeAxis all = TimeAxis::fromRange(firstAxis.from, lookbackAxis(params, lastDay + runAt).end(), params.bin);
    const SharedInputs in = sharedInputs(data, params, all);
    AnomalyScorer scorer;
    AnomalyResult scratch;
    for (Ticks d = firstDay; d <= lastDay && !stopped(); d += kTicksPerDay) {
        day.now = d + runAt;
        result.runs.push_back(runDay(data, day, in, scorer, scratch));
    }
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
