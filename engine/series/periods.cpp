// SPDX-License-Identifier: MIT
#include "engine/series/periods.h"

#include <algorithm>
#include <cmath>

#include "engine/series/fit_line.h"

namespace kvt::engine {
namespace {

// Linear detrend of the finite points; non-finite points become 0 (they carry no information).
std::vector<double> detrended(std::span<const double> x)
{
    std::vector<double> d(x.size());
    fitLineInto(x, x.size(), d);
    for (std::size_t i = 0; i < x.size(); ++i)
        d[i] = std::isfinite(x[i]) ? x[i] - d[i] : 0.0;
    return d;
}

// R² of per-phase means on an already detrended series. No degrees-of-freedom penalty: the
// 4-cycle minimum bounds what noise alone can explain (about (p-1)/(n-1) <= 1/4), and the penalty
// would reject the documented 25-point period-6 case at series_seasonal's 0.7.
class PhaseScorer {
public:
    explicit PhaseScorer(std::span<const double> d) : m_d(d)
    {
        double total = 0;
        for (const double v : d)
            total += v;
        m_mean = d.empty() ? 0.0 : total / static_cast<double>(d.size());
        for (const double v : d)
            m_ssTot += (v - m_mean) * (v - m_mean);
    }

    double score(int period)
    {
        const auto p = static_cast<std::size_t>(period);
        if (m_ssTot <= 0 || p == 0)
            return 0.0;
        // SS explained by the phase means = Σ count·(phaseMean − mean)² = Σ sum²/count, with the
        // sums taken over the centred series. A strided pass per phase keeps each sum in a register.
        const std::size_t n = m_d.size();
        double ssModel = 0;
        for (std::size_t k = 0; k < p && k < n; ++k) {
            double sum = 0;
            std::size_t count = 0;
            for (std::size_t j = k; j < n; j += p, ++count)
                sum += m_d[j];
            sum -= static_cast<double>(count) * m_mean;
            ssModel += sum * sum / static_cast<double>(count);
        }
        return std::clamp(ssModel / m_ssTot, 0.0, 1.0);
    }

private:
    std::span<const double> m_d;
    double m_mean = 0;
    double m_ssTot = 0;
};

} // namespace

int maxDetectablePeriod(std::size_t n)
{
    return static_cast<int>(n / kMinCycles);
}

double periodScore(std::span<const double> x, int period)
{
    if (period < kMinPeriod || period > maxDetectablePeriod(x.size()))
        return 0.0;
    const std::vector<double> d = detrended(x);
    return PhaseScorer(d).score(period);
}

std::vector<PeriodScore> detectPeriods(std::span<const double> x, double minPeriod, double maxPeriod, int count)
{
    std::vector<PeriodScore> result;
    const int lo = std::max(kMinPeriod, static_cast<int>(std::ceil(minPeriod)));
    const int hi = std::min(maxDetectablePeriod(x.size()), static_cast<int>(std::floor(maxPeriod)));
    if (hi >= lo && count > 0) {
        const std::vector<double> d = detrended(x);
        PhaseScorer scorer(d);
        std::vector<double> score(static_cast<std::size_t>(hi + 2), 0.0);
        for (int p = lo; p <= hi; ++p)
            score[static_cast<std::size_t>(p)] = scorer.score(p);
        std::vector<PeriodScore> peaks;
        for (int p = lo; p <= hi; ++p) {
            const double s = score[static_cast<std::size_t>(p)];
            const bool peak = (p == lo || s >= score[static_cast<std::size_t>(p - 1)])
                && s >= score[static_cast<std::size_t>(p + 1)];
            if (peak && s >= kMinReportedScore)
                peaks.push_back({p, s});
        }
        // Best first; among equal scores the shorter period (the fundamental) first.
        std::stable_sort(
            peaks.begin(), peaks.end(), [](const PeriodScore &a, const PeriodScore &b) { return a.score > b.score; });
        for (const auto &candidate : peaks) {
            const bool harmonic = std::any_of(
                result.begin(), result.end(), [&](const PeriodScore &r) { return candidate.period % r.period == 0; });
            if (!harmonic)
                result.push_back(candidate);
            if (static_cast<int>(result.size()) == count)
                break;
        }
    }
    result.resize(static_cast<std::size_t>(std::max(count, 0)), PeriodScore {});
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
