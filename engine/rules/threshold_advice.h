// SPDX-License-Identifier: MIT
// What the Sentinel rule's two thresholds would have given over the backtest's daily runs: the alert
// volume at each score threshold and each baseline threshold, and how the points those thresholds
// decide on are spread. Every figure is the rule's own (the same scoring and join as each day's run),
// so the curve at the current thresholds is the backtest's total.
#pragma once

#include <atomic>
#include <cstdint>
#include <vector>

#include "engine/rules/sentinel_rule.h"

namespace kvt::engine {

/// The rule's output over every run with one threshold changed.
struct ThresholdCurvePoint {
    double threshold = 0;
    std::size_t anomalies = 0; ///< in-window anomalies (after the baseline filter), all runs
    std::size_t alerts = 0; ///< the rule's alert rows, all runs
    std::size_t alertingRuns = 0; ///< runs with at least one alert
    std::size_t keys = 0; ///< distinct keys with an anomaly in some run
};

/// Points with a value in [from, to); the last bucket of a histogram is open (to = +infinity).
struct HistogramBucket {
    double from = 0;
    double to = 0;
    std::uint64_t count = 0;
};

struct ThresholdAdvice {
    SentinelParams params; ///< as replayed (`now` unset)
    std::size_t runs = 0;
    /// False when the bin does not divide a day: each day would need its own pass of counts for every
    /// threshold, so no advice is computed (the backtest itself still runs).
    bool available = true;
    std::vector<ThresholdCurvePoint> byScore; ///< at params.baselineThreshold, thresholds ascending
    std::vector<ThresholdCurvePoint> byBaseline; ///< at params.scoreThreshold, thresholds ascending
    /// The in-window points whose baseline passes, by score: what the score threshold cuts.
    std::vector<HistogramBucket> scores;
    /// The in-window points whose score passes (positive anomalies), by truncated baseline: what the
    /// baseline threshold cuts.
    std::vector<HistogramBucket> baselines;
};

/// 0.5 to 10 in steps of 0.5, with @p current added where it is not one of them.
std::vector<double> scoreThresholdGrid(double current);
/// 0 to 1000 in growing steps, with @p current added where it is not one of them.
std::vector<double> baselineThresholdGrid(double current);

/// Replays @p params (its `now` ignored) on the runs of runBacktest(@p firstDay .. @p lastDay at
/// @p runAt) for every threshold of the two grids. @p cancel, when set, stops between runs (the
/// answer is then incomplete: check it before using the result). Reads only: safe from any thread.
ThresholdAdvice adviseThresholds(const Dataset &data, const SentinelParams &params, Ticks firstDay, Ticks lastDay,
    Ticks runAt, const std::atomic<bool> *cancel = nullptr);

} // namespace kvt::engine
