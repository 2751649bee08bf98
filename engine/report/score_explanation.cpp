// SPDX-License-Identifier: MIT
#include "engine/report/score_explanation.h"

#include <algorithm>
#include <cmath>

namespace kvt::engine {

std::string_view verdictName(Verdict v)
{
    switch (v) {
    case Verdict::Alerted: return "alerted";
    case Verdict::BelowThreshold: return "below-threshold";
    case Verdict::DropIgnored: return "drop-ignored";
    case Verdict::BaselineNotAbove: return "baseline-not-above";
    case Verdict::OutsideAlertWindow: return "outside-alert-window";
    case Verdict::SilencedByJoin: return "silenced-by-join";
    case Verdict::FoldedIntoOtherAnomaly: return "folded-into-other-anomaly";
    }
    return "below-threshold";
}

namespace {

// Relative distance within which a comparison counts as a tie the engine's rounding could flip.
constexpr double kNearTie = 1e-9;

SeasonalFigures seasonalFigures(const SentinelParams &params, const Decomposition &parts, std::size_t bin)
{
    SeasonalFigures s;
    s.seasonality = params.seasonality;
    s.source = parts.periodSource;
    s.period = parts.period;
    s.periodScore = parts.periodScore;
    if (parts.period > 0)
        s.phase = bin % static_cast<std::size_t>(parts.period);
    s.value = parts.seasonal[bin];
    return s;
}

// Which side of the fences the residual lies on decides the formula; the same strict comparisons as
// scoreOutliers(), so the branch named is the branch that produced the stored score.
ScoreBranch branchOf(double count, double r, const OutlierStats &stats)
{
    if (!std::isfinite(count))
        return ScoreBranch::Ignored;
    if (r > stats.high)
        return stats.range > 0 ? ScoreBranch::Above : ScoreBranch::AboveZeroRange;
    if (r < stats.low)
        return stats.range > 0 ? ScoreBranch::Below : ScoreBranch::BelowZeroRange;
    return ScoreBranch::Inside;
}

ScoreFigures scoreFigures(const SentinelResult &result, const ScoredSeries &s, std::size_t bin)
{
    const AnomalyResult &r = s.result;
    const OutlierStats &stats = r.outliers;
    ScoreFigures f;
    f.residual = r.parts.residual[bin];
    f.method = result.params.method;
    f.lowPercentile = stats.lowPercentile;
    f.highPercentile = stats.highPercentile;
    f.low = stats.low;
    f.high = stats.high;
    f.range = stats.range;
    f.normalisation = stats.normalisation;
    // The rule passes no test points: every valid point is learned from.
    f.learningPoints = s.counts.size() - std::min(s.counts.size(), r.parts.ignoredPoints);
    f.branch = branchOf(s.counts[bin], f.residual, stats);
    if (f.branch == ScoreBranch::Above)
        f.excess = f.residual - f.high;
    else if (f.branch == ScoreBranch::Below)
        f.excess = f.residual - f.low;
    f.score = r.scores[bin];
    f.threshold = result.params.scoreThreshold;
    f.flag = r.flags[bin];
    const double eps = kNearTie * std::max(1.0, std::abs(f.threshold));
    f.nearThreshold = std::abs(f.score - f.threshold) <= eps || std::abs(f.score + f.threshold) <= eps;
    return f;
}

std::optional<AnomalyOutcome> outcomeOf(const SentinelResult &result, std::string_view key, Ticks bin)
{
    const auto it = std::find_if(result.outcomes.begin(), result.outcomes.end(),
        [&](const AnomalyOutcome &o) { return o.bin == bin && o.key == key; });
    if (it == result.outcomes.end())
        return std::nullopt;
    return *it;
}

StageFigures stageFigures(const SentinelResult &result, const ScoreExplanation &e)
{
    const SentinelParams &p = result.params;
    StageFigures st;
    st.baselineLong = truncateToLong(e.baseline);
    st.baselineThreshold = p.baselineThreshold;
    st.baselinePasses = static_cast<double>(st.baselineLong) > p.baselineThreshold;
    const double eps = kNearTie * std::max(1.0, std::abs(e.baseline));
    const auto passes = [&](double b) { return static_cast<double>(truncateToLong(b)) > p.baselineThreshold; };
    st.nearBaselineThreshold = passes(e.baseline - eps) != passes(e.baseline + eps);
    st.now = p.now.value_or(0);
    st.alertWindow = p.alertWindow;
    st.windowStart = st.now - p.alertWindow;
    st.inWindow = e.binStart > st.windowStart;
    st.drilldown = p.drilldown;
    st.outcome = outcomeOf(result, e.key, e.binStart);
    return st;
}

// The first stage, in query order, that stopped the point; the join's outcome when none did.
Verdict verdictOf(const ScoreFigures &score, const StageFigures &stages)
{
    if (score.flag == 0)
        return Verdict::BelowThreshold;
    if (score.flag < 0)
        return Verdict::DropIgnored;
    if (!stages.baselinePasses)
        return Verdict::BaselineNotAbove;
    if (!stages.inWindow)
        return Verdict::OutsideAlertWindow;
    // A result holds an outcome for every in-window anomaly; without one there is no alert row.
    if (!stages.outcome)
        return Verdict::SilencedByJoin;
    switch (stages.outcome->kind) {
    case OutcomeKind::Alerted:
    case OutcomeKind::AlertedPartly: return Verdict::Alerted;
    case OutcomeKind::SilencedByFirstHourJoin:
    case OutcomeKind::NoRecordInWindow: return Verdict::SilencedByJoin;
    case OutcomeKind::FoldedIntoOtherAnomaly: return Verdict::FoldedIntoOtherAnomaly;
    }
    return Verdict::SilencedByJoin;
}

} // namespace

ScoreExplanation explainPoint(const SentinelResult &result, std::size_t series, std::size_t bin)
{
    const ScoredSeries &s = result.series[series];
    const Decomposition &parts = s.result.parts;
    ScoreExplanation e;
    e.key = s.key;
    e.keyColumn = result.shape.keyColumn;
    e.series = series;
    e.bin = bin;
    e.bins = s.counts.size();
    e.binStart = result.axis.binStart(bin);
    e.step = result.axis.step;
    e.count = s.counts[bin];
    e.trendKind = result.params.trend;
    e.trend = parts.trend[bin];
    e.seasonal = seasonalFigures(result.params, parts, bin);
    e.baseline = parts.baseline[bin];
    e.score = scoreFigures(result, s, bin);
    e.stages = stageFigures(result, e);
    e.verdict = verdictOf(e.score, e.stages);
    return e;
}

std::optional<std::size_t> findSeries(const SentinelResult &result, std::string_view key)
{
    // The series come sorted by key (byte order), as make-series groups them.
    const auto it = std::lower_bound(result.series.begin(), result.series.end(), key,
        [](const ScoredSeries &s, std::string_view k) { return std::string_view(s.key) < k; });
    if (it == result.series.end() || it->key != key)
        return std::nullopt;
    return static_cast<std::size_t>(it - result.series.begin());
}

std::optional<std::size_t> binIndexOf(const SentinelResult &result, Ticks t)
{
    const std::int64_t b = result.axis.binOf(t);
    if (b < 0)
        return std::nullopt;
    return static_cast<std::size_t>(b);
}

} // namespace kvt::engine
