// SPDX-License-Identifier: MIT
#include "engine/series/outliers.h"

#include <algorithm>
#include <cmath>
#include <limits>

#include "engine/series/statistics.h"

namespace kvt::engine {

std::string_view outlierMethodName(OutlierMethod m)
{
    return m == OutlierMethod::Tukey ? "tukey" : "ctukey";
}

OutlierStats scoreOutliers(std::span<const double> r, std::size_t learnCount, OutlierMethod method,
    std::span<const std::uint8_t> valid, std::span<double> scores, std::vector<double> &sortBuffer)
{
    OutlierStats stats;
    if (method == OutlierMethod::Tukey) {
        stats.lowPercentile = 25;
        stats.highPercentile = 75;
        stats.normalisation = 1.0; // classic Tukey: the fences sit at 1.5 (kql-semantics.md 1.2, INFER)
    }
    sortBuffer.clear();
    for (std::size_t i = 0; i < std::min(learnCount, r.size()); ++i)
        if (valid.empty() || valid[i])
            sortBuffer.push_back(r[i]);
    std::fill(scores.begin(), scores.end(), 0.0);
    if (sortBuffer.empty())
        return stats;
    // Two order statistics are all that is needed: linear-time selection beats a sort on long
    // series; on short ones (the rule's 14 days) a sort is cheaper.
    if (sortBuffer.size() <= 32) {
        std::sort(sortBuffer.begin(), sortBuffer.end());
        stats.low = percentileType7(sortBuffer, stats.lowPercentile);
        stats.high = percentileType7(sortBuffer, stats.highPercentile);
    } else {
        stats.low = percentileType7Unsorted(sortBuffer, stats.lowPercentile);
        stats.high = percentileType7Unsorted(sortBuffer, stats.highPercentile);
    }
    stats.range = stats.high - stats.low;
    constexpr double kInf = std::numeric_limits<double>::infinity();
    for (std::size_t i = 0; i < r.size(); ++i) {
        if (!valid.empty() && !valid[i])
            continue;
        const double v = r[i];
        if (v > stats.high) {
            if (stats.range > 0) {
                scores[i] = stats.normalisation * (v - stats.high) / stats.range;
            } else {
                scores[i] = kInf;
                stats.zeroRangePoints.push_back(i);
            }
        } else if (v < stats.low) {
            if (stats.range > 0) {
                scores[i] = stats.normalisation * (v - stats.low) / stats.range;
            } else {
                scores[i] = -kInf;
                stats.zeroRangePoints.push_back(i);
            }
        }
    }
    return stats;
}

std::vector<double> seriesOutliers(std::span<const double> r, OutlierMethod method)
{
    std::vector<double> scores(r.size());
    std::vector<double> buffer;
    scoreOutliers(r, r.size(), method, {}, scores, buffer);
    return scores;
}

} // namespace kvt::engine
