// SPDX-License-Identifier: MIT
// Why one point of one series scored what it did, and which stage of the Sentinel rule decided it, as
// figures read from a SentinelResult (kql-semantics.md 1.1-1.3, 4.2, 5.2-5.7). The words live in model/.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "engine/rules/sentinel_rule.h"

namespace kvt::engine {

/// The stage of the rule that decided a point, in the order the query applies them.
enum class Verdict {
    Alerted, ///< every stage passed and the join raised alert rows (AnomalyOutcome Alerted / AlertedPartly)
    BelowThreshold, ///< flag 0: the score is within ±scorethreshold (strict comparison)
    DropIgnored, ///< flag -1: a drop; the rule keeps `anomalies > 0` only
    BaselineNotAbove, ///< the truncated baseline is not above baselinethreshold
    OutsideAlertWindow, ///< the bin starts at or before now - alert window
    SilencedByJoin, ///< an in-window anomaly the join raised nothing for (SilencedByFirstHourJoin / NoRecordInWindow)
    FoldedIntoOtherAnomaly ///< innerunique kept another anomaly of the same key, whose alerts hold the records
};

/// "alerted", "below-threshold", "drop-ignored", "baseline-not-above", "outside-alert-window",
/// "silenced-by-join", "folded-into-other-anomaly".
std::string_view verdictName(Verdict v);

/// Which branch of series_outliers() gave the score.
enum class ScoreBranch {
    Inside, ///< low <= r <= high: score 0
    Above, ///< r > high: NF·(r - high) / (high - low)
    Below, ///< r < low: NF·(r - low) / (high - low)
    AboveZeroRange, ///< r > high while high == low: +infinity (kql-semantics.md 1.2, our reading)
    BelowZeroRange, ///< r < low while high == low: -infinity
    Ignored ///< a non-finite count: left out of the learning, score 0
};

/// The seasonal part at the point, or why there is none.
struct SeasonalFigures {
    int seasonality = -1; ///< the rule's argument: -1 autodetect, 0 none, N forced
    PeriodSource source = PeriodSource::None;
    int period = 0; ///< 0 when no period was used
    double periodScore = 0; ///< best autodetect score (Detected and NotDetected)
    double periodThreshold = kDecomposeSeasonalityThreshold; ///< a period is used when its score is >= this
    std::size_t phase = 0; ///< bin % period (0 without a period)
    double value = 0; ///< the seasonal component at the point
};

/// The ctukey arithmetic of the point: the fences of the residuals and the branch that gave the score.
struct ScoreFigures {
    double residual = 0; ///< count - baseline
    OutlierMethod method = OutlierMethod::CTukey;
    double lowPercentile = 10; ///< P of the lower fence (10 for ctukey)
    double highPercentile = 90;
    double low = 0; ///< the lower fence: that percentile of the learning residuals
    double high = 0;
    double range = 0; ///< high - low
    double normalisation = kCTukeyNormalisation; ///< NF
    std::size_t learningPoints = 0; ///< residuals the fences were taken from
    ScoreBranch branch = ScoreBranch::Inside;
    double excess = 0; ///< r - high (Above), r - low (Below), 0 otherwise: the numerator before NF
    double score = 0; ///< the score the rule holds (not recomputed)
    double threshold = 3; ///< scorethreshold
    int flag = 0; ///< the flag the rule holds: +1 score > threshold, -1 score < -threshold
    /// The score lies within 1e-9 (relative) of ±threshold: Kusto's order of floating-point operations
    /// is unknown (kql-semantics.md 1.6), so the engine's flag could differ from ours here.
    bool nearThreshold = false;
};

/// The rule's filters after the model, with the numbers each compares.
struct StageFigures {
    std::int64_t baselineLong = 0; ///< `baseline to typeof(long)`: truncated toward zero
    double baselineThreshold = 25; ///< baselinethreshold
    bool baselinePasses = false; ///< baselineLong > baselineThreshold
    /// A change of the real baseline by 1e-9 (relative) would change baselinePasses (a true 26.0
    /// computed as 25.999999999999996 truncates to 25: kql-semantics.md 1.6).
    bool nearBaselineThreshold = false;
    Ticks now = 0; ///< the run time the result was computed for
    Ticks alertWindow = 0; ///< the ago(2d) span
    Ticks windowStart = 0; ///< now - alertWindow: bins must start after it
    bool inWindow = false; ///< binStart > windowStart
    Drilldown drilldown = Drilldown::Faithful;
    /// What the join did, when the point became an in-window anomaly (joinedFrom..joinedTo is the
    /// time range it matched, alerts the final rows it produced).
    std::optional<AnomalyOutcome> outcome;
};

/// Every figure behind one point's score and verdict, for an analyst to defend or tune from.
struct ScoreExplanation {
    std::string key; ///< the series key (attacker-controlled text from the logs)
    std::string keyColumn; ///< CallerIPAddress or Resource
    std::size_t series = 0; ///< index into SentinelResult::series
    std::size_t bin = 0; ///< index of the point in the series
    std::size_t bins = 0; ///< points in the series
    Ticks binStart = 0; ///< UTC
    Ticks step = kTicksPerDay; ///< bin length
    double count = 0; ///< HourlyCount: what make-series counted in the bin
    TrendKind trendKind = TrendKind::LineFit;
    double trend = 0; ///< the fitted trend at the point
    SeasonalFigures seasonal;
    double baseline = 0; ///< seasonal + trend, real
    ScoreFigures score;
    StageFigures stages;
    Verdict verdict = Verdict::BelowThreshold;
};

/// The figures of point @p bin of series @p series of @p result, read from what the result holds
/// (ScoredSeries::result, outcomes, params); nothing is recomputed but the display arithmetic
/// (excess, truncation, comparisons). Preconditions: @p series < result.series.size() and @p bin <
/// that series' point count. Safe from any thread.
ScoreExplanation explainPoint(const SentinelResult &result, std::size_t series, std::size_t bin);

/// The index of @p key in @p result.series, or nullopt.
std::optional<std::size_t> findSeries(const SentinelResult &result, std::string_view key);

/// The point of @p result's axis that starts at or contains @p t, or nullopt outside the axis.
std::optional<std::size_t> binIndexOf(const SentinelResult &result, Ticks t);

} // namespace kvt::engine
