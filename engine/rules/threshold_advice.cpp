// SPDX-License-Identifier: MIT
#include "engine/rules/threshold_advice.h"

#include <algorithm>
#include <cmath>
#include <limits>
#include <set>

#include "engine/rules/daily_replay.h"

namespace kvt::engine {
namespace {

std::vector<double> withCurrent(std::vector<double> grid, double current)
{
    if (std::find(grid.begin(), grid.end(), current) == grid.end())
        grid.push_back(current);
    std::sort(grid.begin(), grid.end());
    return grid;
}

// An in-window point a threshold on the grid may turn into an anomaly.
struct Point {
    std::uint32_t key = 0;
    Ticks bin = 0;
    double count = 0;
    double score = 0;
    std::int64_t baseline = 0;
    double baselineReal = 0;
};

std::vector<HistogramBucket> bucketsOf(const std::vector<double> &edges)
{
    std::vector<HistogramBucket> out;
    for (std::size_t i = 0; i < edges.size(); ++i)
        out.push_back({edges[i], i + 1 < edges.size() ? edges[i + 1] : std::numeric_limits<double>::infinity(), 0});
    return out;
}

void addTo(std::vector<HistogramBucket> &buckets, double v)
{
    // The first bucket also takes everything below it.
    auto it = std::upper_bound(
        buckets.begin(), buckets.end(), v, [](double x, const HistogramBucket &b) { return x < b.from; });
    if (it != buckets.begin())
        --it;
    ++it->count;
}

// Accumulates one curve point run by run.
struct CurveTally {
    ThresholdCurvePoint point;
    std::set<std::uint32_t> keys;
};

} // namespace

std::vector<double> scoreThresholdGrid(double current)
{
    std::vector<double> grid;
    for (int i = 1; i <= 20; ++i)
        grid.push_back(0.5 * i);
    return withCurrent(std::move(grid), current);
}

std::vector<double> baselineThresholdGrid(double current)
{
    return withCurrent({0, 5, 10, 15, 20, 25, 30, 40, 50, 60, 80, 100, 150, 200, 300, 500, 1000}, current);
}

ThresholdAdvice adviseThresholds(const Dataset &data, const SentinelParams &params, Ticks firstDay, Ticks lastDay,
    Ticks runAt, const std::atomic<bool> *cancel)
{
    ThresholdAdvice advice;
    advice.params = params;
    advice.params.now.reset();
    advice.available = DailyReplay::tilesDay(params);
    if (!advice.available || firstDay > lastDay)
        return advice;
    const std::vector<double> scoreGrid = scoreThresholdGrid(params.scoreThreshold);
    const std::vector<double> baselineGrid = baselineThresholdGrid(params.baselineThreshold);
    advice.scores = bucketsOf({0, 0.5, 1, 1.5, 2, 2.5, 3, 3.5, 4, 5, 6, 7, 8, 10, 15, 20, 50});
    advice.baselines = bucketsOf(baselineThresholdGrid(params.baselineThreshold));
    std::vector<CurveTally> byScore(scoreGrid.size()), byBaseline(baselineGrid.size());
    for (std::size_t i = 0; i < scoreGrid.size(); ++i)
        byScore[i].point.threshold = scoreGrid[i];
    for (std::size_t i = 0; i < baselineGrid.size(); ++i)
        byBaseline[i].point.threshold = baselineGrid[i];
    // A point counts for the score curve when its baseline passes and its score beats the lowest
    // grid threshold; for the baseline curve when its score passes.
    const double lowestScore = std::min(scoreGrid.front(), params.scoreThreshold);

    DailyReplay replay(data, params, firstDay, lastDay, runAt);
    std::vector<Point> points;
    for (std::size_t run = 0; run < replay.runCount(); ++run) {
        if (cancel && cancel->load(std::memory_order_relaxed))
            return advice;
        const SentinelParams runParams = replay.runParams(run);
        const TimeAxis axis = replay.axis(run);
        const Ticks windowStart = *runParams.now - params.alertWindow;
        points.clear();
        replay.scoreRun(run, runParams, [&](std::size_t k, std::span<const double> counts, const AnomalyResult &r) {
            for (std::size_t b = 0; b < counts.size(); ++b) {
                const Ticks bin = axis.binStart(b);
                if (bin <= windowStart)
                    continue;
                const double score = r.scores[b];
                const std::int64_t baseline = truncateToLong(r.parts.baseline[b]);
                const bool baselinePasses = static_cast<double>(baseline) > params.baselineThreshold;
                if (baselinePasses)
                    addTo(advice.scores, score);
                if (score > params.scoreThreshold)
                    addTo(advice.baselines, static_cast<double>(baseline));
                if (score > lowestScore)
                    points.push_back(
                        {static_cast<std::uint32_t>(k), bin, counts[b], score, baseline, r.parts.baseline[b]});
            }
        });
        // Each curve point: that run's anomalies under its thresholds, joined as the run would.
        const auto tally = [&](CurveTally &t, double scoreThreshold, double baselineThreshold) {
            SentinelResult out;
            out.params = runParams;
            out.params.scoreThreshold = scoreThreshold;
            out.params.baselineThreshold = baselineThreshold;
            out.axis = axis;
            for (const Point &p : points) // in key, then bin order, as the rule lists them
                if (p.score > scoreThreshold && static_cast<double>(p.baseline) > baselineThreshold) {
                    out.anomalies.push_back(
                        {replay.keys()[p.key], p.bin, p.count, p.baseline, p.baselineReal, p.score, 1});
                    t.keys.insert(p.key);
                }
            replay.join(run, out);
            t.point.anomalies += out.anomalies.size();
            t.point.alerts += out.alerts.size();
            t.point.alertingRuns += out.alerts.empty() ? 0U : 1U;
        };
        for (CurveTally &t : byScore)
            tally(t, t.point.threshold, params.baselineThreshold);
        for (CurveTally &t : byBaseline)
            tally(t, params.scoreThreshold, t.point.threshold);
        ++advice.runs;
    }
    for (CurveTally &t : byScore) {
        t.point.keys = t.keys.size();
        advice.byScore.push_back(t.point);
    }
    for (CurveTally &t : byBaseline) {
        t.point.keys = t.keys.size();
        advice.byBaseline.push_back(t.point);
    }
    return advice;
}

} // namespace kvt::engine
