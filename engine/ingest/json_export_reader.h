// SPDX-License-Identifier: MIT
// Readers for JSON exports other than raw diagnostic records: Log Analytics rows (data export,
// az CLI), Log Analytics API and Kusto v1/v2 responses, Elastic hits/NDJSON/_bulk/_source and
// ES|QL responses (data-formats.md sections 2, 4 and 5).
#pragma once

#include "ingest/diagnostic_json_reader.h"

namespace kvt::engine {

/// How records sit in a JSON export.
enum class JsonShape {
    ObjectLines,   ///< one object per line: LA data export, Elastic NDJSON hits or _source, _bulk pairs
    ObjectArray,   ///< one array of objects: az CLI, LA rows, Elastic hits
    LaTables,      ///< {"tables":[{"columns":[{"name"}],"rows":[[…]]}]}
    KustoV1,       ///< {"Tables":[{"Columns":[{"ColumnName"}],"Rows":[[…]]}]}
    KustoV2,       ///< [{"FrameType":"DataSetHeader"},{"FrameType":"DataTable","TableKind":"PrimaryResult",…}]
    ElasticSearch, ///< {"hits":{"hits":[{"_source":{…}}]}}
    EsqlColumns    ///< {"columns":[{"name"}],"values":[[…]]}
};

/// Reads @p bytes of @p shape into @p out; each record or row is appended or counted as rejected.
/// @p localTimeOffset shifts `[Local Time]` columns to UTC.
ReadOutcome readJsonExport(std::string_view bytes, JsonShape shape, const ReadContext &ctx, Dataset &out);

} // namespace kvt::engine
