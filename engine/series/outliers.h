// SPDX-License-Identifier: MIT
// series_outliers(): Tukey-fence scores of a series, as the engine computes them.
#pragma once

#include <cstdint>
#include <span>
#include <string_view>
#include <vector>

namespace kvt::engine {

enum class OutlierMethod {
    CTukey, ///< "ctukey": 10th/90th percentiles, normalised (the default)
    Tukey ///< "tukey": 25th/75th percentiles
};

/// The engine's normalisation factor for the 10/90 pair, fitted to real engine output
/// (kql-semantics.md 1.2: 2.7726056055079353 from 840 points, 2.772605605507915 from 16).
inline constexpr double kCTukeyNormalisation = 2.772605605507915;

/// The arithmetic behind every score, so a score can be explained on demand.
struct OutlierStats {
    double lowPercentile = 10; ///< P used for the lower fence
    double highPercentile = 90;
    double low = 0; ///< value of the lower percentile of the learning points
    double high = 0;
    double range = 0; ///< high - low
    double normalisation = kCTukeyNormalisation;
    /// Points strictly outside [low, high] while range == 0: their score is ±infinity (the spec's
    /// recommended reading of an undocumented case, kql-semantics.md 1.2), so they always flag.
    std::vector<std::size_t> zeroRangePoints;
};

/// Scores @p r into @p scores (same size): 0 inside [low, high], NF·(r-high)/R above, NF·(r-low)/R
/// below. The percentiles come from the first @p learnCount points whose @p valid entry is non-zero
/// (@p valid empty = all valid). Invalid points score 0. @p sortBuffer is scratch space.
OutlierStats scoreOutliers(std::span<const double> r, std::size_t learnCount, OutlierMethod method,
    std::span<const std::uint8_t> valid, std::span<double> scores, std::vector<double> &sortBuffer);

/// Convenience form of series_outliers(series, kind) over the whole series.
std::vector<double> seriesOutliers(std::span<const double> r, OutlierMethod method = OutlierMethod::CTukey);

std::string_view outlierMethodName(OutlierMethod m);

} // namespace kvt::engine
