// SPDX-License-Identifier: MIT
// What the series chart draws for the Sentinel rule: the counts the rule scores (after its filters),
// the baseline, the anomaly markers, the alert window and the evaluated bin. Pure, QtCore only.
#pragma once

#include <vector>

#include "engine/rules/sentinel_rule.h"
#include "model/chart_data_builder.h"

namespace kvt::model {

struct RuleChartOptions {
    bool showScores = false; ///< each key's score on a secondary axis, with the ±threshold band
    int maxPoints = 2000; ///< per line, after min/max decimation (markers are never decimated)
};

/// Lines for the series at indices @p series of @p result, each point at its bin's centre (in that order; out-of-range
/// indices are skipped); line i gets colour index i. Markers are filled when the point produced an alert and hollow
/// when the baseline filter, the alert window or the join stopped it (drops never alert).
ChartData buildRuleChartData(
    const engine::SentinelResult &result, const std::vector<std::size_t> &series, const RuleChartOptions &options = {});

} // namespace kvt::model
