// SPDX-License-Identifier: MIT
// series_fit_line(): ordinary least squares of a series against its index.
#pragma once

#include <span>
#include <vector>

namespace kvt::engine {

/// All outputs of KQL series_fit_line(). The index runs x = 1..n (so @c interception is the
/// line's value at x = 0), @c variance is the sample variance of the input (n-1) and
/// @c rvariance the residual sum of squares over (n-1), as the engine prints them.
struct LineFit {
    double rsquare = 0;
    double slope = 0;
    double variance = 0;
    double rvariance = 0;
    double interception = 0;
    std::vector<double> lineFit;
};

/// Fits in the centred form (kql-semantics.md 1.6): a perfectly linear or constant input gives
/// residuals of exactly 0. A single point fits with slope 0; an empty series gives all zeros.
LineFit fitLine(std::span<const double> y);

/// The least-squares line through @p y[0..fitCount) evaluated at every index of @p out
/// (out.size() may exceed fitCount: test points are extrapolated). Centred form, no allocation.
void fitLineInto(std::span<const double> y, std::size_t fitCount, std::span<double> out);

} // namespace kvt::engine
