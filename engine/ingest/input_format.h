// SPDX-License-Identifier: MIT
// Input formats kvtriage can read, and content sniffing to tell them apart.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "engine/core/issue.h"

namespace kvt::engine {

enum class InputFormat {
    Unknown,
    AzureDiagnosticsJson, ///< raw diagnostic-settings records: PT1H.json JSON Lines or {"records":[…]}
    LogAnalyticsJson, ///< rows with AzureDiagnostics or AZKVAuditLogs column names (JSON Lines or array)
    AzCliJson, ///< `az monitor log-analytics query -o json`: all-string values, TableName key
    LogAnalyticsApi, ///< Log Analytics query API: {"tables":[{"columns","rows"}]}
    KustoV1, ///< Kusto REST v1: {"Tables":[{"Columns","Rows"}]}
    KustoV2, ///< Kusto REST v2: an array of frames
    ElasticJson, ///< search responses, NDJSON hits, _bulk files, plain _source lines
    EsqlJson, ///< ES|QL: {"columns","values"}
    Csv, ///< CSV with a header: portal "Export to CSV", plain, Kibana reports
    CsvHeaderless, ///< Kusto `.export` CSV without a header (column names from --columns)
};

/// How records are laid out inside a JSON file.
enum class JsonLayout { JsonLines, RecordsEnvelope };

std::string_view formatName(InputFormat f);
std::optional<InputFormat> formatByName(std::string_view name);
std::string_view layoutName(JsonLayout l);

/// How records sit in a JSON export other than raw diagnostic records.
enum class JsonShape {
    ObjectLines, ///< one object per line: LA data export, Elastic NDJSON hits or _source, _bulk pairs
    ObjectArray, ///< one array of objects: az CLI, LA rows, Elastic hits
    LaTables, ///< {"tables":[{"columns":[{"name"}],"rows":[[…]]}]}
    KustoV1, ///< {"Tables":[{"Columns":[{"ColumnName"}],"Rows":[[…]]}]}
    KustoV2, ///< [{"FrameType":"DataSetHeader"},{"FrameType":"DataTable","TableKind":"PrimaryResult",…}]
    ElasticSearch, ///< {"hits":{"hits":[{"_source":{…}}]}}
    EsqlColumns, ///< {"columns":[{"name"}],"values":[[…]]}
    RecordsEnvelope ///< {"records":[{raw diagnostic record},…]} (pre-2018 blobs, Event Hub messages)
};

struct SniffResult {
    InputFormat format = InputFormat::Unknown;
    JsonLayout layout = JsonLayout::JsonLines; ///< for AzureDiagnosticsJson
    JsonShape shape = JsonShape::ObjectLines; ///< for the other JSON formats
    std::string reason; ///< why the content was not recognised
    IssueCode problem = IssueCode::UnrecognisedFormat; ///< the same as a code: EmptyFile, NoRecords or this
};

/// Recognises the format from the first records of @p bytes (a UTF-8 BOM is allowed).
SniffResult sniffFormat(std::string_view bytes);

} // namespace kvt::engine
