// SPDX-License-Identifier: MIT
// Rows of the Sentinel rule's result as JSON, with the rule's own column names (spec/cli.md).
#pragma once

#include <string>

#include "engine/report/json_writer.h"
#include "engine/rules/sentinel_rule.h"

namespace kvt::engine {

/// A TimeSeriesAlerts row in the alert window; @p keyColumn is the series key's column name.
void writeAnomalyRow(JsonWriter &w, const AnomalyRow &row, std::string_view keyColumn);
/// A final alert row, with the rule's entity mapping.
void writeAlertRow(JsonWriter &w, const AlertRow &row);
/// Why an anomaly raised the alerts it did, in words (empty for a plain alert); the JSON `reason`.
std::string outcomeReason(const AnomalyOutcome &outcome);
/// What the join did with one anomaly.
void writeOutcome(JsonWriter &w, const AnomalyOutcome &outcome);
/// One scored series as `kvtriage-cli series` prints it (baseline before truncation).
void writeScoredSeries(JsonWriter &w, const ScoredSeries &series);

} // namespace kvt::engine
