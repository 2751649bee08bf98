// SPDX-License-Identifier: MIT
// Order statistics as Kusto computes them for the series functions.
#pragma once

#include <span>

namespace kvt::engine {

/// Percentile of an ascending-sorted sample by linear interpolation between closest ranks
/// (Hyndman-Fan type 7, numpy's default): h = (n-1)·P/100, q[⌊h⌋] + (h-⌊h⌋)·(q[⌊h⌋+1]-q[⌊h⌋]).
/// @p sorted must not be empty.
double percentileType7(std::span<const double> sorted, double percent);

/// Same result as percentileType7 on the sorted sample, in linear time: @p sample is reordered
/// (nth_element), not sorted. @p sample must not be empty.
double percentileType7Unsorted(std::span<double> sample, double percent);

/// Median of an ascending-sorted, non-empty sample (mean of the two middle values for even n).
double medianOfSorted(std::span<const double> sorted);

} // namespace kvt::engine
