// SPDX-License-Identifier: MIT
// CSV exports: the Log Analytics / Sentinel portal's "Export to CSV", plain CSV with a header
// (Kibana reports too) and Kusto `.export` CSV without a header (data-formats.md 4.1, 4.4, 5).
#pragma once

#include <string>
#include <vector>

#include "engine/core/ticks.h"
#include "engine/ingest/diagnostic_json_reader.h"

namespace kvt::engine {

struct CsvOptions {
    std::vector<std::string> columns; ///< names for a file without a header row (`--columns`)
    Ticks localTimeOffset = 0; ///< local time minus UTC, for `[Local Time]` columns (`--utc-offset`)
    bool localOffsetGiven = false;
};

/// True when the first line of @p bytes is a CSV header naming a time column and another known field.
bool looksLikeCsvHeader(std::string_view bytes);

/// The fields of the first CSV record of @p text (RFC 4180 quoting undone); for showing one record
/// beside its header. Empty when a quote is never closed.
std::vector<std::string> splitCsvRecord(std::string_view text);

/// Reads CSV records; rows that do not parse, or have no usable time, are rejected with line and
/// column. Kibana's formula escaping (a leading ' before = + - @) is undone.
ReadOutcome readCsv(std::string_view bytes, const CsvOptions &options, const ReadContext &ctx, Dataset &out);

} // namespace kvt::engine
