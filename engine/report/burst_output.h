// SPDX-License-Identifier: MIT
// Output rows of the ES|QL burst rule, with the seed query's column names (JSON and CSV).
#pragma once

#include <string>

#include "engine/report/json_writer.h"
#include "engine/rules/elastic_burst.h"

namespace kvt::engine {

/// One alert row as a JSON object: time_window, the BY column, then the STATS columns in the seed's
/// order (multi-valued columns as lists), plus window_end and records.
void writeBurstRow(JsonWriter &w, const BurstRow &row, const ElasticBurstParams &params);

/// The name of the column that must equal 1 (one identity per window): `actor_unique_count`, or the
/// published rule's `Esql.<identity>_count_distinct`.
std::string burstCountDistinctColumn(const ElasticBurstParams &params);

/// The alert rows as CSV, same columns; lists as JSON array text.
std::string burstAlertsCsv(const ElasticBurstResult &result, const ElasticBurstParams &params);

} // namespace kvt::engine
