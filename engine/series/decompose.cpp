// SPDX-License-Identifier: MIT
#include "engine/series/decompose.h"

#include <algorithm>
#include <cmath>
#include <limits>

#include "engine/series/fit_line.h"
#include "engine/series/statistics.h"

namespace kvt::engine {

std::string_view trendName(TrendKind t)
{
    switch (t) {
    case TrendKind::Average: return "avg";
    case TrendKind::None: return "none";
    case TrendKind::LineFit: break;
    }
    return "linefit";
}

std::optional<TrendKind> trendByName(std::string_view name)
{
    if (name == "linefit")
        return TrendKind::LineFit;
    if (name == "avg")
        return TrendKind::Average;
    if (name == "none")
        return TrendKind::None;
    return std::nullopt;
}

std::optional<OutlierMethod> outlierMethodByName(std::string_view name)
{
    if (name == "ctukey")
        return OutlierMethod::CTukey;
    if (name == "tukey")
        return OutlierMethod::Tukey;
    return std::nullopt;
}

namespace {

// Per-phase median of the valid learning points, repeated over the whole series.
void seasonalInto(std::span<const double> x, std::span<const std::uint8_t> valid, std::size_t learn, int period,
    std::span<double> out, std::vector<double> &buffer)
{
    const auto p = static_cast<std::size_t>(period);
    for (std::size_t phase = 0; phase < p && phase < x.size(); ++phase) {
        buffer.clear();
        for (std::size_t j = phase; j < learn; j += p)
            if (valid[j])
                buffer.push_back(x[j]);
        double median = 0;
        if (!buffer.empty()) {
            std::sort(buffer.begin(), buffer.end());
            median = medianOfSorted(buffer);
        }
        for (std::size_t j = phase; j < x.size(); j += p)
            out[j] = median;
    }
}

// Trend of the deseasonalised series d over its valid learning points, evaluated everywhere.
void trendInto(std::span<const double> d, std::span<const std::uint8_t> valid, std::size_t learn, TrendKind kind,
    std::span<double> out)
{
    if (kind == TrendKind::None) {
        std::fill(out.begin(), out.end(), 0.0);
        return;
    }
    const bool allValid = std::all_of(
        valid.begin(), valid.begin() + static_cast<std::ptrdiff_t>(learn), [](std::uint8_t v) { return v != 0; });
    if (kind == TrendKind::Average) {
        double sum = 0;
        std::size_t count = 0;
        for (std::size_t i = 0; i < learn; ++i)
            if (valid[i])
                sum += d[i], ++count;
        std::fill(out.begin(), out.end(), count ? sum / static_cast<double>(count) : 0.0);
        return;
    }
    if (allValid) {
        fitLineInto(d, learn, out);
        return;
    }
    // Rare path (non-finite inputs): least squares over the valid points against their index.
    double n = 0, sx = 0, sy = 0;
    for (std::size_t i = 0; i < learn; ++i)
        if (valid[i])
            n += 1, sx += static_cast<double>(i), sy += d[i];
    if (n == 0) {
        std::fill(out.begin(), out.end(), 0.0);
        return;
    }
    const double mx = sx / n, my = sy / n;
    double sxy = 0, sxx = 0;
    for (std::size_t i = 0; i < learn; ++i)
        if (valid[i]) {
            const double dx = static_cast<double>(i) - mx;
            sxy += dx * (d[i] - my);
            sxx += dx * dx;
        }
    const double slope = sxx > 0 ? sxy / sxx : 0.0;
    for (std::size_t i = 0; i < out.size(); ++i)
        out[i] = my + slope * (static_cast<double>(i) - mx);
}

void decomposeInto(std::span<const double> x, const DecomposeParams &params, Decomposition &out,
    std::vector<std::uint8_t> &valid, std::vector<double> &buffer)
{
    const std::size_t n = x.size();
    const std::size_t learn = n - std::min<std::size_t>(n, static_cast<std::size_t>(std::max(params.testPoints, 0)));
    valid.resize(n);
    out.ignoredPoints = 0;
    for (std::size_t i = 0; i < n; ++i) {
        valid[i] = std::isfinite(x[i]) ? 1 : 0;
        out.ignoredPoints += valid[i] ? 0U : 1U;
    }
    out.seasonal.assign(n, 0.0);
    out.trend.resize(n);
    out.baseline.resize(n);
    out.residual.resize(n);

    out.period = 0;
    out.periodScore = 0;
    if (params.seasonality > 0) {
        out.period = params.seasonality;
        out.periodSource = PeriodSource::Forced;
    } else if (params.seasonality < 0) {
        const PeriodScore detected = autodetectPeriod(x.first(learn), params.seasonalityThreshold);
        out.period = detected.period;
        out.periodScore = detected.score;
        out.periodSource = detected.period > 0 ? PeriodSource::Detected : PeriodSource::NotDetected;
    } else {
        out.periodSource = PeriodSource::None;
    }
    if (out.period > 0)
        seasonalInto(x, valid, learn, out.period, out.seasonal, buffer);

    // The trend is fitted to the deseasonalised series (the seasonal median comes from raw x).
    for (std::size_t i = 0; i < n; ++i)
        out.residual[i] = valid[i] ? x[i] - out.seasonal[i] : 0.0; // d, reusing the residual buffer
    trendInto(out.residual, valid, learn, params.trend, out.trend);
    for (std::size_t i = 0; i < n; ++i) {
        out.baseline[i] = out.seasonal[i] + out.trend[i];
        out.residual[i] = valid[i] ? x[i] - out.baseline[i] : 0.0;
    }
}

} // namespace

Decomposition decompose(std::span<const double> x, const DecomposeParams &params)
{
    Decomposition out;
    std::vector<std::uint8_t> valid;
    std::vector<double> buffer;
    decomposeInto(x, params, out, valid, buffer);
    return out;
}

void AnomalyScorer::score(std::span<const double> x, const DecomposeParams &params, AnomalyResult &out)
{
    decomposeInto(x, params, out.parts, m_valid, m_sortBuffer);
    const std::size_t n = x.size();
    const std::size_t learn = n - std::min<std::size_t>(n, static_cast<std::size_t>(std::max(params.testPoints, 0)));
    out.scores.resize(n);
    out.flags.resize(n);
    out.outliers = scoreOutliers(out.parts.residual, learn, params.method, m_valid, out.scores, m_sortBuffer);
    flagScores(out.scores, params.threshold, out.flags);
}

AnomalyResult decomposeAnomalies(std::span<const double> x, const DecomposeParams &params)
{
    AnomalyResult result;
    AnomalyScorer scorer;
    scorer.score(x, params, result);
    return result;
}

void flagScores(std::span<const double> scores, double threshold, std::span<int> flags)
{
    for (std::size_t i = 0; i < scores.size(); ++i)
        flags[i] = scores[i] > threshold ? 1 : scores[i] < -threshold ? -1 : 0;
}

std::int64_t truncateToLong(double value)
{
    if (!std::isfinite(value))
        return 0;
    constexpr double kLimit = 9.2e18;
    return static_cast<std::int64_t>(std::trunc(std::clamp(value, -kLimit, kLimit)));
}

} // namespace kvt::engine
