// SPDX-License-Identifier: MIT
// Readers for JSON exports other than raw diagnostic records: Log Analytics rows (data export,
// az CLI), Log Analytics API and Kusto v1/v2 responses, Elastic hits/NDJSON/_bulk/_source and
// ES|QL responses (data-formats.md sections 2, 4 and 5).
#pragma once

#include "engine/ingest/diagnostic_json_reader.h"
#include "engine/ingest/input_format.h"

namespace kvt::engine {

/// Reads @p bytes of @p shape into @p out; each record or row is appended or counted as rejected.
ReadOutcome readJsonExport(std::string_view bytes, JsonShape shape, const ReadContext &ctx, Dataset &out);

/// The names of one JSON object's fields as the generic readers flatten them (`properties.id`,
/// `identity.claim.appid`...), each with the canonical field it fills.
std::vector<ColumnMapping> fieldNamesOf(std::string_view objectText);

} // namespace kvt::engine
