// SPDX-License-Identifier: MIT
// series_decompose() and series_decompose_anomalies(), as kql-semantics.md section 1 specifies them.
#pragma once

#include <cstdint>
#include <optional>
#include <span>
#include <string_view>
#include <vector>

#include "engine/series/outliers.h"
#include "engine/series/periods.h"

namespace kvt::engine {

enum class TrendKind { LineFit, Average, None };

std::string_view trendName(TrendKind t);
std::optional<TrendKind> trendByName(std::string_view name);
std::optional<OutlierMethod> outlierMethodByName(std::string_view name);

/// Arguments of series_decompose_anomalies(); defaults are the engine's documented defaults
/// (the Sentinel rule passes threshold 3).
struct DecomposeParams {
    double threshold = 1.5;
    int seasonality = -1; ///< -1 autodetect, 0 none, N > 0 forced period
    TrendKind trend = TrendKind::LineFit;
    int testPoints = 0; ///< trailing points left out of the learning (fit, medians, percentiles)
    OutlierMethod method = OutlierMethod::CTukey;
    double seasonalityThreshold = kDecomposeSeasonalityThreshold;
};

/// How the period in a decomposition was chosen.
enum class PeriodSource {
    None, ///< seasonality 0: no seasonal component asked for
    Forced, ///< seasonality N
    Detected, ///< autodetect found a period scoring >= the threshold
    NotDetected ///< autodetect found none (seasonal component 0)
};

/// Every intermediate value of one series, so the GUI can explain any score on demand.
struct Decomposition {
    int period = 0;
    double periodScore = 0; ///< best autodetect score (also when below the threshold)
    PeriodSource periodSource = PeriodSource::None;
    std::vector<double> seasonal;
    std::vector<double> trend;
    std::vector<double> baseline; ///< seasonal + trend
    std::vector<double> residual; ///< x - baseline
    std::size_t ignoredPoints = 0; ///< non-finite inputs: excluded from learning, score 0, flag 0
};

struct AnomalyResult {
    Decomposition parts;
    OutlierStats outliers;
    std::vector<double> scores;
    std::vector<int> flags; ///< +1 score > threshold, -1 score < -threshold, 0 otherwise (strict)
};

/// series_decompose(): seasonal (per-phase median of the raw learning points), trend fitted to
/// the deseasonalised series, baseline, residual. Centred least squares: a linear or constant
/// series gives residuals of exactly 0. Empty input gives empty output.
Decomposition decompose(std::span<const double> x, const DecomposeParams &params);

/// Reusable scorer: keeps its buffers between calls, so scoring many series allocates nothing
/// once warmed up. One instance per thread.
class AnomalyScorer {
public:
    /// series_decompose_anomalies() on @p x into @p out (whose vectors are reused).
    void score(std::span<const double> x, const DecomposeParams &params, AnomalyResult &out);

private:
    std::vector<double> m_sortBuffer;
    std::vector<std::uint8_t> m_valid;
};

/// One-shot convenience wrapper around AnomalyScorer.
AnomalyResult decomposeAnomalies(std::span<const double> x, const DecomposeParams &params);

/// The flag rule alone: re-flagging cached scores after a threshold change needs nothing else.
void flagScores(std::span<const double> scores, double threshold, std::span<int> flags);

/// The rule's `baseline to typeof(long)`: truncation toward zero (kql-semantics.md 4.2).
std::int64_t truncateToLong(double value);

} // namespace kvt::engine
