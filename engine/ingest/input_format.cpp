// SPDX-License-Identifier: MIT
#include "engine/ingest/input_format.h"

#include <algorithm>
#include <array>
#include <cstring>
#include <vector>

#include <simdjson.h>

#include "engine/ingest/csv_reader.h"
#include "engine/ingest/field_mapper.h"
#include "engine/ingest/json_scan.h"

namespace kvt::engine {
namespace {

namespace od = simdjson::ondemand;

struct FormatEntry {
    InputFormat format;
    std::string_view name;
};
constexpr std::array<FormatEntry, 10> kFormats {{
    {InputFormat::AzureDiagnosticsJson, "azure-diagnostics-json"},
    {InputFormat::LogAnalyticsJson, "log-analytics-json"},
    {InputFormat::AzCliJson, "az-cli-json"},
    {InputFormat::LogAnalyticsApi, "log-analytics-api"},
    {InputFormat::KustoV1, "kusto-v1"},
    {InputFormat::KustoV2, "kusto-v2"},
    {InputFormat::ElasticJson, "elastic-json"},
    {InputFormat::EsqlJson, "esql-json"},
    {InputFormat::Csv, "csv"},
    {InputFormat::CsvHeaderless, "csv-headerless"},
}};

// The top-level keys of the first JSON object of @p text (or of the first element of an array).
struct FirstObject {
    bool parsed = false;
    bool inArray = false;
    std::vector<std::string> keys;
    bool has(std::string_view k) const { return std::find(keys.begin(), keys.end(), k) != keys.end(); }
};

FirstObject firstObject(std::string_view text)
{
    FirstObject f;
    simdjson::padded_string copy(text);
    od::parser parser;
    try {
        od::document doc = parser.iterate(copy);
        od::object obj;
        if (doc.type() == od::json_type::array) {
            f.inArray = true;
            for (auto element : doc.get_array()) {
                obj = element.get_object();
                break;
            }
        } else {
            obj = doc.get_object();
        }
        for (auto field : obj)
            f.keys.emplace_back(std::string_view(field.unescaped_key()));
        f.parsed = true;
    } catch (const simdjson::simdjson_error &) {
    }
    return f;
}

// Decides the format from the first object's keys; Unknown when nothing fits.
SniffResult classify(const FirstObject &f)
{
    SniffResult r;
    const JsonShape records = f.inArray ? JsonShape::ObjectArray : JsonShape::ObjectLines;
    auto pick = [&](InputFormat format, JsonShape shape) {
        r.format = format;
        r.shape = shape;
        return r;
    };
    if (!f.inArray) {
        if (f.has("records")) {
            r.format = InputFormat::AzureDiagnosticsJson;
            r.layout = JsonLayout::RecordsEnvelope;
            r.shape = JsonShape::RecordsEnvelope;
            return r;
        }
        if (f.has("tables"))
            return pick(InputFormat::LogAnalyticsApi, JsonShape::LaTables);
        if (f.has("Tables"))
            return pick(InputFormat::KustoV1, JsonShape::KustoV1);
        if (f.has("hits"))
            return pick(InputFormat::ElasticJson, JsonShape::ElasticSearch);
        if (f.has("columns") && f.has("values"))
            return pick(InputFormat::EsqlJson, JsonShape::EsqlColumns);
        if (f.has("time") && (f.has("operationName") || f.has("resourceId"))) {
            r.format = InputFormat::AzureDiagnosticsJson;
            return r;
        }
    }
    if (f.inArray && f.has("FrameType"))
        return pick(InputFormat::KustoV2, JsonShape::KustoV2);
    if (f.has("TableName"))
        return pick(InputFormat::AzCliJson, records);
    if (f.has("_source") || f.has("_index") || f.has("@timestamp") || f.has("index") || f.has("create")
        || f.has("event") || f.has("event.action"))
        return pick(InputFormat::ElasticJson, records);
    if (f.has("time") && (f.has("operationName") || f.has("resourceId")))
        return pick(
            InputFormat::LogAnalyticsJson, records); // raw records inside an array: the generic reader maps them
    // Log Analytics rows: a TimeGenerated column (possibly with a zone suffix) and other known columns.
    const bool hasTime = std::any_of(
        f.keys.begin(), f.keys.end(), [](const std::string &k) { return k.rfind("TimeGenerated", 0) == 0; });
    if (hasTime && std::any_of(f.keys.begin(), f.keys.end(), [](const std::string &k) {
            return RecordBuilder::isKnownName(k);
        }))
        return pick(InputFormat::LogAnalyticsJson, records);
    r.reason = "not a recognised Key Vault export: the first JSON object has no known field "
               "(TimeGenerated, time, @timestamp, OperationName...)";
    return r;
}

} // namespace

std::string_view formatName(InputFormat f)
{
    for (const auto &e : kFormats)
        if (e.format == f)
            return e.name;
    return "unknown";
}

std::optional<InputFormat> formatByName(std::string_view name)
{
    for (const auto &e : kFormats)
        if (e.name == name)
            return e.format;
    return std::nullopt;
}

std::string_view layoutName(JsonLayout l)
{
    return l == JsonLayout::RecordsEnvelope ? "records-envelope" : "json-lines";
}

SniffResult sniffFormat(std::string_view bytes)
{
    SniffResult result;
    if (bytes.size() >= 3 && bytes.substr(0, 3) == "\xEF\xBB\xBF")
        bytes.remove_prefix(3);
    std::size_t pos = bytes.find_first_not_of(" \t\r\n");
    if (pos == std::string_view::npos) {
        result.reason = "the file is empty";
        result.problem = IssueCode::EmptyFile;
        return result;
    }
    if (bytes[pos] != '{' && bytes[pos] != '[') {
        if (looksLikeCsvHeader(bytes)) {
            result.format = InputFormat::Csv;
            return result;
        }
        result.reason = "not a recognised Key Vault export: expected JSON records (JSON Lines, an array or an API "
                        "response) or CSV with a header (a CSV without one needs --columns)";
        return result;
    }
    // A record per line is the common case: look at the first lines one by one.
    constexpr std::size_t kLongestSniffedLine = std::size_t {1} << 20;
    if (bytes[pos] == '{') {
        constexpr int kLinesToTry = 20;
        std::size_t p = pos;
        for (int i = 0; i < kLinesToTry && p < bytes.size(); ++i) {
            const void *nl = std::memchr(bytes.data() + p, '\n', bytes.size() - p);
            const std::size_t end
                = nl ? static_cast<std::size_t>(static_cast<const char *>(nl) - bytes.data()) : bytes.size();
            const std::string_view line = bytes.substr(p, end - p);
            if (line.size() > kLongestSniffedLine)
                break; // a one-line document (or a giant record): judged by its opening keys below
            if (line.find_first_not_of(" \t\r") != std::string_view::npos) {
                const FirstObject f = firstObject(line);
                if (f.parsed)
                    return classify(f);
                if (i == 0 && line.find_first_not_of(" \t\r{") == std::string_view::npos)
                    break; // "{" alone: a pretty-printed document
            }
            p = end + 1;
        }
    }
    // A whole-file document (pretty-printed object, array, API response) of any size, even cut
    // short: the structural scan finds its opening keys or its first element without parsing it all.
    constexpr std::size_t kSniffedPrefix = std::size_t {64} << 20;
    const std::string_view head = bytes.substr(0, pos + kSniffedPrefix);
    FirstObject f;
    if (bytes[pos] == '[') {
        const std::size_t first = skipJsonWhitespace(head, pos + 1);
        if (first < head.size() && head[first] == ']') {
            result.reason = "an empty JSON array: the file holds no records";
            result.problem = IssueCode::NoRecords;
            return result;
        }
        const std::size_t end = skipJsonValue(head, first);
        if (end != std::string_view::npos)
            f = firstObject(head.substr(first, end - first));
        f.inArray = true;
    } else {
        f.keys = jsonObjectKeys(head, pos);
        f.parsed = !f.keys.empty();
    }
    if (f.parsed) {
        SniffResult r = classify(f);
        if (r.format != InputFormat::Unknown && !f.inArray && r.shape == JsonShape::ObjectLines
            && r.format != InputFormat::AzureDiagnosticsJson) {
            r.format = InputFormat::Unknown; // one pretty-printed object is not a stream of records
            r.reason = "not a recognised Key Vault export: a single JSON object spread over several lines";
        }
        return r;
    }
    result.reason = "not a recognised Key Vault export: the first lines are not valid JSON records";
    return result;
}

} // namespace kvt::engine
