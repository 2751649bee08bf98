// SPDX-License-Identifier: MIT
// Period detection for series_periods_detect() and the Seasonality = -1 of series_decompose().
#pragma once

#include <span>
#include <vector>

namespace kvt::engine {

/// Kusto's scoring algorithm is undocumented (kql-semantics.md 1.5). Ours, written to satisfy every
/// real-engine constraint listed there:
///  - score(p) = R² of a per-phase-mean seasonal model fitted to the linearly detrended series,
///    in [0, 1] (1 = the phase explains all detrended variance);
///  - candidates are whole periods from max(4, minPeriod) to min(maxPeriod, n/4): at least 4 full
///    cycles. The documented bound is n/2, but the engine does not detect a perfect two-cycle series
///    (series_seasonal example), and this is what keeps the rule's 14-point daily series
///    non-seasonal, as the spec recommends;
///  - a period is reported when its score is a local maximum, at least kMinReportedScore, and not a
///    multiple of a better period already reported.
/// It finds 168 on the 840-point msticpy series and 14 on the 60-point documented example (score
/// 0.96 where the engine prints 0.84: the scores are not comparable, the periods are).
struct PeriodScore {
    int period = 0;
    double score = 0;
};

inline constexpr int kMinPeriod = 4;
inline constexpr int kMinCycles = 4;
inline constexpr double kMinReportedScore = 0.5;
/// Seasonality_threshold default of series_decompose() / series_decompose_anomalies().
inline constexpr double kDecomposeSeasonalityThreshold = 0.6;
/// Threshold series_seasonal() uses when it autodetects.
inline constexpr double kSeasonalAutodetectThreshold = 0.7;

/// The largest period autodetection considers for a series of @p n points.
int maxDetectablePeriod(std::size_t n);

/// Score of one candidate period (0 when it is outside the detectable range).
double periodScore(std::span<const double> x, int period);

/// series_periods_detect(x, minPeriod, maxPeriod, count): @p count entries, best first, padded
/// with {0, 0} when fewer periods qualify.
std::vector<PeriodScore> detectPeriods(std::span<const double> x, double minPeriod, double maxPeriod, int count);

/// The period autodetection uses: the best detected period if its score is >= @p threshold,
/// otherwise {0, best score}. Same result for the same input on every call.
PeriodScore autodetectPeriod(std::span<const double> x, double threshold);

} // namespace kvt::engine
