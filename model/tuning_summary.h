// SPDX-License-Identifier: MIT
// What a tuning step did and how far the parameters are from the deployed rules: the pure logic
// behind the tuning panel, kept out of the widget so it can be tested without a window.
#pragma once

#include <QString>

#include <optional>
#include <string>
#include <vector>

#include "engine/rules/elastic_burst.h"
#include "engine/rules/sentinel_params.h"
#include "engine/rules/sentinel_rule.h"

namespace kvt::model {

struct RuleResults;

/// The figures of one result that the analyst compares between two parameter sets.
struct ResultsFigures {
    std::size_t alerts = 0; ///< final alert rows of the Sentinel rule
    std::vector<std::string> anomalousKeys; ///< keys whose summarizeKeys status is Alerting, sorted
    std::optional<std::size_t> bursts; ///< ES|QL alert rows, when that rule ran
    bool operator==(const ResultsFigures &) const = default;
};

/// Before and after one change. @c before is empty for the first result of a snapshot.
struct TuningDelta {
    std::optional<ResultsFigures> before;
    ResultsFigures after;
    std::vector<std::string> gained; ///< anomalous after, not before (sorted)
    std::vector<std::string> lost; ///< anomalous before, not after (sorted)
    bool operator==(const TuningDelta &) const = default;
};

/// The figures of @p sentinel (and of @p burst, when given). Safe from any thread.
ResultsFigures figuresOf(const engine::SentinelResult &sentinel, const engine::ElasticBurstResult *burst = nullptr);
/// Both rules' figures of published results.
ResultsFigures figuresOf(const RuleResults &results);

/// The keys gained and lost between @p before and @p after.
TuningDelta compareFigures(const std::optional<ResultsFigures> &before, const ResultsFigures &after);

/// One line: "Alerts 2 → 1 · anomalous keys 2 → 1 · ES|QL bursts 3 · gained: none · lost: 10.0.0.1".
/// At most @p listed keys are named per list, the rest counted ("+4 more").
QString describeDelta(const TuningDelta &delta, int listed = 5);

/// The deployed Sentinel rule: the parameter table's defaults, evaluated at @p now.
engine::SentinelParams deployedSentinelParams(std::optional<engine::Ticks> now = std::nullopt);
/// The options whose values differ from the deployed rule, in table order. An unset `now` is the
/// scheduled run (defaultNow of @p data), so choosing that same instant explicitly differs from nothing.
std::vector<std::string> changedFromDeployed(const engine::SentinelParams &params, const engine::Dataset *data);
/// The ES|QL options that differ from the chosen preset's form of the rule (the preset row: from the
/// table's default), in table order.
std::vector<std::string> changedFromDeployed(const engine::ElasticBurstParams &params);

/// The name of a well-known Microsoft application id ("Azure Resource Graph"); empty when unknown.
QString wellKnownAppName(const QString &appId);

/// The slider of a number parameter: its span and step, from the row's range or, where the row has
/// none, from its default (0 to four times the default, in at least 100 round steps).
struct SliderSpan {
    double low = 0, high = 0, step = 1;
    int decimals = 2; ///< what the spin box beside it shows
};
SliderSpan sliderSpan(std::optional<double> min, std::optional<double> max, double defaultValue);

} // namespace kvt::model
