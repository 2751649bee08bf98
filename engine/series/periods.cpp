// SPDX-License-Identifier: MIT
#include "series/periods.h"

#include <algorithm>
#include <cmath>

#include "series/fit_line.h"

namespace kvt::engine {
namespace {

// Linear detrend of the finite points; non-finite points become 0 (they carry no information).
std::vector<double> detrended(std::span<const double> x)
{
    std::vector<double> line(x.size());
    fitLineInto(x, x.size(), line);
    std::vector<double> d(x.size());
    for (std::size_t i = 0; i < x.size(); ++i)
        d[i] = std::isfinite(x[i]) ? x[i] - line[i] : 0.0;
    return d;
}

// Adjusted R² of per-phase means on an already detrended series.
double scoreDetrended(std::span<const double> d, int period, std::vector<double> &sums, std::vector<int> &counts)
{
    const std::size_t n = d.size();
    const auto p = static_cast<std::size_t>(period);
    sums.assign(p, 0.0);
    counts.assign(p, 0);
    double total = 0, ssTot = 0;
    for (std::size_t i = 0; i < n; ++i) {
        sums[i % p] += d[i];
        ++counts[i % p];
        total += d[i];
    }
    const double mean = total / static_cast<double>(n);
    for (std::size_t i = 0; i < n; ++i)
        ssTot += (d[i] - mean) * (d[i] - mean);
    if (ssTot <= 0)
        return 0.0;
    // SS explained by the phase means = Σ count·(phaseMean − mean)².
    double ssModel = 0;
    for (std::size_t k = 0; k < p; ++k)
        if (counts[k] > 0) {
            const double m = sums[k] / counts[k];
            ssModel += counts[k] * (m - mean) * (m - mean);
        }
    const double r2 = std::min(1.0, ssModel / ssTot);
    const double dfTotal = static_cast<double>(n) - 1.0;
    const double dfResidual = static_cast<double>(n) - static_cast<double>(p);
    if (dfResidual <= 0)
        return 0.0;
    const double adjusted = 1.0 - (1.0 - r2) * dfTotal / dfResidual;
    return std::clamp(adjusted, 0.0, 1.0);
}

} // namespace

int maxDetectablePeriod(std::size_t n)
{
    return static_cast<int>(n / kMinCycles);
}

double periodScore(std::span<const double> x, int period)
{
    if (period < kMinPeriod || period > maxDetectablePeriod(x.size()))
        return 0.0;
    std::vector<double> sums;
    std::vector<int> counts;
    return scoreDetrended(detrended(x), period, sums, counts);
}

std::vector<PeriodScore> detectPeriods(std::span<const double> x, double minPeriod, double maxPeriod, int count)
{
    std::vector<PeriodScore> result;
    const int lo = std::max(kMinPeriod, static_cast<int>(std::ceil(minPeriod)));
    const int hi = std::min(maxDetectablePeriod(x.size()), static_cast<int>(std::floor(maxPeriod)));
    if (hi >= lo && count > 0) {
        const std::vector<double> d = detrended(x);
        std::vector<double> sums;
        std::vector<int> counts;
        std::vector<double> score(static_cast<std::size_t>(hi + 2), 0.0);
        for (int p = lo; p <= hi; ++p)
            score[static_cast<std::size_t>(p)] = scoreDetrended(d, p, sums, counts);
        std::vector<PeriodScore> peaks;
        for (int p = lo; p <= hi; ++p) {
            const double s = score[static_cast<std::size_t>(p)];
            const bool peak = (p == lo || s >= score[static_cast<std::size_t>(p - 1)]) && s >= score[static_cast<std::size_t>(p + 1)];
            if (peak && s >= kMinReportedScore)
                peaks.push_back({p, s});
        }
        // Best first; among equal scores the shorter period (the fundamental) first.
        std::stable_sort(peaks.begin(), peaks.end(), [](const PeriodScore &a, const PeriodScore &b) { return a.score > b.score; });
        for (const auto &candidate : peaks) {
            const bool harmonic = std::any_of(result.begin(), result.end(), [&](const PeriodScore &r) {
                return candidate.period % r.period == 0;
            });
            if (!harmonic)
                result.push_back(candidate);
            if (static_cast<int>(result.size()) == count)
                break;
        }
    }
    result.resize(static_cast<std::size_t>(std::max(count, 0)), PeriodScore{});
    return result;
}

PeriodScore autodetectPeriod(std::span<const double> x, double threshold)
{
    const auto best = detectPeriods(x, 0, static_cast<double>(x.size()), 1);
    if (best.empty() || best.front().period == 0)
        return {};
    if (best.front().score >= threshold)
        return best.front();
    return {0, best.front().score};
}

} // namespace kvt::engine
