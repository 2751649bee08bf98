// SPDX-License-Identifier: MIT
#include "engine/generate/export_writers.h"

#include <algorithm>
#include <cctype>
#include <cstdio>
#include <map>

#include "engine/core/json_writer.h"
#include "engine/generate/diagnostic_json_writer.h"

namespace kvt::engine {
namespace {

using F = TextField;

constexpr std::string_view kLongOid = "http://schemas.microsoft.com/identity/claims/objectidentifier";
constexpr std::string_view kLongUpn = "http://schemas.xmlsoap.org/ws/2005/05/identity/claims/upn";
constexpr std::string_view kWorkspace = "6c2a1f4e-0000-4000-8000-00000000cafe";

std::string lower(std::string s)
{
    std::transform(s.begin(), s.end(), s.begin(),
        [](char c) { return static_cast<char>(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c); });
    return s;
}

// A typed cell of a row-shaped export; empty optional = null.
struct Cell {
    enum class Type { String, Datetime, Long, Real, Dynamic } type = Type::String;
    std::optional<std::string> text; ///< JSON-ready text for numbers and dynamic, raw text for strings
};

using Row = std::vector<std::pair<std::string, Cell>>;

Cell str(const std::string &v)
{
    return {Cell::Type::String, v.empty() ? std::nullopt : std::optional(v)};
}

// The AzureDiagnostics row Log Analytics makes of an event (data-formats.md 1).
Row azureDiagnosticsRow(const OwnedEvent &e, std::size_t index)
{
    Row row;
    row.push_back({"TenantId", str(std::string(kWorkspace))});
    row.push_back({"TimeGenerated", {Cell::Type::Datetime, formatIsoDateTime(e.time)}});
    row.push_back({"ResourceId", str(e[F::ResourceId])});
    row.push_back({"Category", str(e[F::Category])});
    row.push_back({"ResourceGroup", str(e[F::ResourceGroup])});
    row.push_back({"SubscriptionId", str(e[F::SubscriptionId])});
    row.push_back({"ResourceProvider", str(e[F::ResourceProvider])});
    row.push_back({"Resource", str(e[F::Resource])});
    row.push_back({"ResourceType", str(e[F::ResourceType])});
    row.push_back({"OperationName", str(e[F::OperationName])});
    row.push_back({"OperationVersion", str(e[F::OperationVersion])});
    row.push_back({"ResultType", str(e[F::ResultType])});
    row.push_back({"ResultSignature", str(e[F::ResultSignature])});
    row.push_back({"ResultDescription", str(e[F::ResultDescription])});
    row.push_back({"DurationMs", {Cell::Type::Long, std::to_string(e.durationMs)}});
    row.push_back({"CallerIPAddress", str(e[F::CallerIPAddress])});
    row.push_back({"CorrelationId", str(e[F::CorrelationId])});
    row.push_back({"id_s", str(e[F::IdS])});
    row.push_back({"clientInfo_s", str(e[F::ClientInfoS])});
    row.push_back({"requestUri_s", str(e[F::RequestUriS])});
    row.push_back({"httpStatusCode_d", {Cell::Type::Real, std::to_string(e.httpStatusCode) + ".0"}});
    row.push_back({"identity_claim_appid_g", str(e[F::ClaimAppId])});
    row.push_back({"identity_claim_oid_g", str(e[F::ClaimOid])});
    row.push_back({"identity_claim_http_schemas_microsoft_com_identity_claims_objectidentifier_g",
        str(e[F::ClaimObjectIdentifier])});
    row.push_back(
        {"identity_claim_http_schemas_xmlsoap_org_ws_2005_05_identity_claims_upn_s", str(e[F::ClaimUpnLong])});
    // A busy workspace has run out of columns for some keys: they arrive in AdditionalFields
    // (data-formats.md 1.1). Every fourth record carries its UPN there.
    if (index % 4 == 3 && !e[F::ClaimUpn].empty()) {
        JsonWriter bag;
        bag.beginObject().key("identity_claim_upn_s").string(e[F::ClaimUpn]).endObject();
        row.push_back({"identity_claim_upn_s", {}});
        row.push_back({"AdditionalFields", {Cell::Type::Dynamic, bag.take()}});
    } else {
        row.push_back({"identity_claim_upn_s", str(e[F::ClaimUpn])});
        row.push_back({"AdditionalFields", {}});
    }
    row.push_back({"Type", str("AzureDiagnostics")});
    row.push_back({"_ResourceId", str(lower(e[F::ResourceId]))});
    return row;
}

// The AZKVAuditLogs row (data-formats.md 2): no Resource/Category columns, Identity as dynamic.
Row azkvRow(const OwnedEvent &e)
{
    JsonWriter identity;
    identity.beginObject().key("claim").beginObject();
    const std::pair<std::string_view, F> claims[] = {{"appid", F::ClaimAppId}, {"oid", F::ClaimOid},
        {"upn", F::ClaimUpn}, {kLongOid, F::ClaimObjectIdentifier}, {kLongUpn, F::ClaimUpnLong}};
    for (const auto &[name, field] : claims)
        if (!e[field].empty())
            identity.key(name).string(e[field]);
    identity.endObject().endObject();
    Row row;
    row.push_back({"TenantId", str(std::string(kWorkspace))});
    row.push_back({"TimeGenerated", {Cell::Type::Datetime, formatIsoDateTime(e.time)}});
    row.push_back({"OperationName", str(e[F::OperationName])});
    row.push_back({"OperationVersion", str(e[F::OperationVersion])});
    row.push_back({"ResultType", str(e[F::ResultType])});
    row.push_back({"ResultSignature", str(e[F::ResultSignature])});
    row.push_back({"ResultDescription", str(e[F::ResultDescription])});
    row.push_back({"DurationMs", {Cell::Type::Long, std::to_string(e.durationMs)}});
    row.push_back({"CallerIpAddress", str(e[F::CallerIPAddress])});
    row.push_back({"CorrelationId", str(e[F::CorrelationId])});
    row.push_back({"Identity", {Cell::Type::Dynamic, identity.take()}});
    row.push_back({"Id", str(e[F::IdS])});
    row.push_back({"RequestUri", str(e[F::RequestUriS])});
    row.push_back({"ClientInfo", str(e[F::ClientInfoS])});
    row.push_back({"HttpStatusCode", {Cell::Type::Long, std::to_string(e.httpStatusCode)}});
    row.push_back({"Type", str("AZKVAuditLogs")});
    row.push_back({"_ResourceId", str(lower(e[F::ResourceId]))});
    return row;
}

std::string_view kqlType(Cell::Type t)
{
    switch (t) {
    case Cell::Type::Datetime: return "datetime";
    case Cell::Type::Long: return "long";
    case Cell::Type::Real: return "real";
    case Cell::Type::Dynamic: return "dynamic";
    case Cell::Type::String: break;
    }
    return "string";
}

// Writes a cell as a JSON value. @p dynamicAsText: Log Analytics returns dynamic as a JSON string.
void writeCell(JsonWriter &w, const Cell &c, bool dynamicAsText)
{
    if (!c.text) {
        w.null();
        return;
    }
    switch (c.type) {
    case Cell::Type::Long:
    case Cell::Type::Real: w.raw(*c.text); break;
    case Cell::Type::Dynamic:
        if (dynamicAsText)
            w.string(*c.text);
        else
            w.raw(*c.text);
        break;
    default: w.string(*c.text);
    }
}

void writeObjectRow(JsonWriter &w, const Row &row, bool dynamicAsText)
{
    w.beginObject();
    for (const auto &[name, cell] : row) {
        if (!cell.text)
            continue; // data export omits empty columns
        w.key(name);
        writeCell(w, cell, dynamicAsText);
    }
    w.endObject();
}

// Log Analytics data export (am-AzureDiagnostics / am-AZKVAuditLogs): one row object per line.
class RowLinesWriter final : public ExportWriter {
public:
    explicit RowLinesWriter(bool azkv) : m_azkv(azkv) { }
    void write(const OwnedEvent &e, std::string &out) override
    {
        JsonWriter w;
        writeObjectRow(w, m_azkv ? azkvRow(e) : azureDiagnosticsRow(e, m_index++), false);
        out += w.take();
        out += '\n';
    }

private:
    bool m_azkv;
    std::size_t m_index = 0;
};

// `az monitor log-analytics query -o json`: an array of objects, every value through Python's str().
class AzCliWriter final : public ExportWriter {
public:
    void begin(std::string &out) override { out += "[\n"; }
    void write(const OwnedEvent &e, std::string &out) override
    {
        Row row = azureDiagnosticsRow(e, m_index++);
        row.push_back({"TableName", str("PrimaryResult")});
        std::sort(row.begin(), row.end(), [](const auto &a, const auto &b) { return a.first < b.first; });
        JsonWriter w;
        w.beginObject();
        for (const auto &[name, cell] : row)
            w.key(name).string(cell.text ? *cell.text : "None");
        w.endObject();
        if (m_index > 1)
            out += ",\n";
        out += "  " + w.take();
    }
    void end(std::string &out) override { out += "\n]\n"; }

private:
    std::size_t m_index = 0;
};

// Table-shaped responses: Log Analytics API, Kusto v1, Kusto v2 and ES|QL share this writer.
class TableWriter final : public ExportWriter {
public:
    enum class Kind { LogAnalyticsApi, KustoV1, KustoV2, Esql };
    explicit TableWriter(Kind kind) : m_kind(kind) { }

    void write(const OwnedEvent &e, std::string &out) override
    {
        (void)out;
        m_rows.push_back(m_kind == Kind::Esql ? ecsRow(e) : azureDiagnosticsRow(e, m_rows.size()));
    }

    void end(std::string &out) override
    {
        JsonWriter w;
        const bool text = m_kind == Kind::LogAnalyticsApi; // LA returns dynamic as JSON text, ADX as JSON
        if (m_kind == Kind::KustoV2) {
            w.beginArray();
            w.beginObject()
                .key("FrameType")
                .string("DataSetHeader")
                .key("IsProgressive")
                .boolean(false)
                .key("Version")
                .string("v2.0")
                .endObject();
            w.beginObject()
                .key("FrameType")
                .string("DataTable")
                .key("TableId")
                .integer(1)
                .key("TableKind")
                .string("PrimaryResult");
            w.key("TableName").string("PrimaryResult");
            columns(w, "Columns", "ColumnName", "ColumnType");
            rows(w, "Rows", text);
            w.endObject();
            w.beginObject()
                .key("FrameType")
                .string("DataSetCompletion")
                .key("HasErrors")
                .boolean(false)
                .key("Cancelled")
                .boolean(false)
                .endObject();
            w.endArray();
        } else if (m_kind == Kind::KustoV1) {
            w.beginObject().key("Tables").beginArray().beginObject().key("TableName").string("Table_0");
            columns(w, "Columns", "ColumnName", "ColumnType");
            rows(w, "Rows", text);
            w.endObject().endArray().endObject();
        } else if (m_kind == Kind::Esql) {
            w.beginObject();
            columns(w, "columns", "name", "type");
            rows(w, "values", text);
            w.endObject();
        } else {
            w.beginObject().key("tables").beginArray().beginObject().key("name").string("PrimaryResult");
            columns(w, "columns", "name", "type");
            rows(w, "rows", text);
            w.endObject().endArray().endObject();
        }
        out += w.take();
        out += '\n';
    }

private:
    static Row ecsRow(const OwnedEvent &e)
    {
        Row row;
        row.push_back({"@timestamp", {Cell::Type::Datetime, formatIsoDateTime(e.time)}});
        row.push_back({"event.action", str(e[F::OperationName])});
        row.push_back({"azure.platformlogs.identity.claim.upn", str(e[F::ClaimUpn])});
        row.push_back({"azure.platformlogs.identity.claim.appid", str(e[F::ClaimAppId])});
        row.push_back({"azure.platformlogs.identity.claim.oid", str(e[F::ClaimOid])});
        row.push_back({"source.ip", str(e[F::CallerIPAddress])});
        row.push_back({"azure.resource.name", str(e[F::Resource])});
        row.push_back({"azure.resource.group", str(e[F::ResourceGroup])});
        row.push_back({"azure.resource.id", str(e[F::ResourceId])});
        row.push_back({"azure.subscription_id", str(e[F::SubscriptionId])});
        row.push_back({"azure.platformlogs.result_type", str(e[F::ResultType])});
        return row;
    }

    void columns(JsonWriter &w, const char *key, const char *nameKey, const char *typeKey) const
    {
        w.key(key).beginArray();
        if (!m_rows.empty())
            for (const auto &[name, cell] : m_rows.front())
                w.beginObject()
                    .key(nameKey)
                    .string(name)
                    .key(typeKey)
                    .string(m_kind == Kind::Esql ? esqlType(cell.type) : kqlType(cell.type))
                    .endObject();
        w.endArray();
    }

    static std::string_view esqlType(Cell::Type t) { return t == Cell::Type::Datetime ? "date" : "keyword"; }

    void rows(JsonWriter &w, const char *key, bool dynamicAsText) const
    {
        w.key(key).beginArray();
        for (const Row &row : m_rows) {
            w.beginArray();
            for (const auto &[name, cell] : row)
                writeCell(w, cell, dynamicAsText);
            w.endArray();
        }
        w.endArray();
    }

    Kind m_kind;
    std::vector<Row> m_rows;
};

// The `_source` the Elastic Agent Azure integration builds (data-formats.md 5), nested objects.
void writeSource(JsonWriter &w, const OwnedEvent &e, bool dotted)
{
    auto opt = [&](const char *key, const std::string &v) {
        if (!v.empty())
            w.key(key).string(v);
    };
    w.beginObject();
    w.key("@timestamp").string(formatIsoDateTime(e.time));
    if (dotted) { // some shippers write flat dotted keys
        w.key("event.action").string(e[F::OperationName]);
        w.key("event.dataset").string("azure.platformlogs");
        w.key("event.duration").integer(e.durationMs * 1'000'000);
        opt("source.ip", e[F::CallerIPAddress]);
    } else {
        w.key("event")
            .beginObject()
            .key("action")
            .string(e[F::OperationName])
            .key("dataset")
            .string("azure.platformlogs");
        w.key("duration").integer(e.durationMs * 1'000'000).key("kind").string("event").endObject();
        w.key("source").beginObject();
        opt("ip", e[F::CallerIPAddress]);
        w.endObject();
    }
    w.key("data_stream").beginObject().key("dataset").string("azure.platformlogs").endObject();
    w.key("cloud").beginObject().key("provider").string("azure").endObject();
    w.key("azure").beginObject();
    w.key("platformlogs").beginObject();
    opt("operation_name", e[F::OperationName]);
    opt("operationVersion", e[F::OperationVersion]);
    opt("category", e[F::Category]);
    opt("result_type", e[F::ResultType]);
    opt("result_signature", e[F::ResultSignature]);
    opt("result_description", e[F::ResultDescription]);
    w.key("identity").beginObject().key("claim").beginObject();
    opt("appid", e[F::ClaimAppId]);
    opt("oid", e[F::ClaimOid]);
    opt("upn", e[F::ClaimUpn]);
    if (!e[F::ClaimObjectIdentifier].empty())
        w.key(kLongOid).string(e[F::ClaimObjectIdentifier]); // long claim keys stay literal, dots and all
    if (!e[F::ClaimUpnLong].empty())
        w.key(kLongUpn).string(e[F::ClaimUpnLong]);
    w.endObject().endObject();
    w.key("properties").beginObject();
    opt("clientInfo", e[F::ClientInfoS]);
    opt("requestUri", e[F::RequestUriS]);
    opt("id", e[F::IdS]);
    w.key("httpStatusCode").integer(e.httpStatusCode);
    w.endObject();
    w.endObject(); // platformlogs
    w.key("resource").beginObject();
    opt("id", e[F::ResourceId]);
    opt("name", e[F::Resource]);
    opt("group", e[F::ResourceGroup]);
    w.key("provider").string(e[F::ResourceProvider] + "/" + e[F::ResourceType]);
    w.endObject();
    opt("subscription_id", e[F::SubscriptionId]);
    opt("correlation_id", e[F::CorrelationId]);
    w.endObject(); // azure
    w.key("ecs").beginObject().key("version").string("8.11.0").endObject();
    w.endObject();
}

std::string hitId(std::size_t n)
{
    char buf[24];
    std::snprintf(buf, sizeof buf, "kv%015zu", n);
    return buf;
}

// Elastic: NDJSON hits (elasticdump), _bulk pairs, plain _source lines, or a search response.
class ElasticWriter final : public ExportWriter {
public:
    enum class Kind { Hits, Bulk, Source, Search };
    explicit ElasticWriter(Kind kind) : m_kind(kind) { }

    void begin(std::string &out) override
    {
        if (m_kind == Kind::Search)
            out += R"({"took":12,"timed_out":false,"hits":{"total":{"value":0,"relation":"gte"},"hits":[)"
                   "\n";
    }

    void write(const OwnedEvent &e, std::string &out) override
    {
        const std::string index
            = ".ds-logs-azure.platformlogs-default-" + formatIsoDateTime(e.time).substr(0, 10) + "-000001";
        JsonWriter w;
        switch (m_kind) {
        case Kind::Bulk:
            w.beginObject()
                .key("create")
                .beginObject()
                .key("_index")
                .string(index)
                .key("_id")
                .string(hitId(m_count))
                .endObject()
                .endObject();
            out += w.take() + "\n";
            writeSource(w, e, false);
            out += w.take() + "\n";
            break;
        case Kind::Source:
            writeSource(w, e, m_count % 2 == 1); // nested and dotted keys, alternating
            out += w.take() + "\n";
            break;
        case Kind::Hits:
        case Kind::Search:
            w.beginObject()
                .key("_index")
                .string(index)
                .key("_id")
                .string(hitId(m_count))
                .key("_score")
                .integer(1)
                .key("_source");
            writeSource(w, e, false);
            w.endObject();
            if (m_kind == Kind::Search && m_count > 0)
                out += ",\n";
            out += w.take();
            if (m_kind == Kind::Hits)
                out += "\n";
            break;
        }
        ++m_count;
    }

    void end(std::string &out) override
    {
        if (m_kind == Kind::Search)
            out += "\n]}}\n";
    }

private:
    Kind m_kind;
    std::size_t m_count = 0;
};

// The portal's locale display of a datetime, en-US: "11/22/2026, 10:39:53.540 AM" (ms precision).
std::string portalTime(Ticks t)
{
    const std::string iso = formatIsoDateTime(t); // YYYY-MM-DDTHH:MM:SS.fffffffZ
    const int month = std::stoi(iso.substr(5, 2)), day = std::stoi(iso.substr(8, 2)),
              hour = std::stoi(iso.substr(11, 2));
    char buf[40];
    std::snprintf(buf, sizeof buf, "%d/%d/%s, %d:%s.%s %s", month, day, iso.substr(0, 4).c_str(),
        hour % 12 == 0 ? 12 : hour % 12, iso.substr(14, 5).c_str(), iso.substr(20, 3).c_str(), hour < 12 ? "AM" : "PM");
    return buf;
}

// CSV: the portal's "Export to CSV - all columns" (zone-suffixed header, locale times, quotes around
// anything not alphanumeric), a plain CSV with ISO times, or Kusto `.export` CSV without a header.
class CsvWriter final : public ExportWriter {
public:
    enum class Kind { Portal, Plain, Headerless };
    explicit CsvWriter(Kind kind) : m_kind(kind) { }

    void write(const OwnedEvent &e, std::string &out) override
    {
        const Row row = azureDiagnosticsRow(e, m_index++);
        if (m_index == 1 && m_kind != Kind::Headerless) {
            bool first = true;
            for (const auto &[name, cell] : row) {
                out += first ? "" : ",";
                first = false;
                field(cell.type == Cell::Type::Datetime && m_kind == Kind::Portal ? name + " [UTC]" : name, out);
            }
            out += "\r\n";
        }
        bool first = true;
        for (const auto &[name, cell] : row) {
            out += first ? "" : ",";
            first = false;
            if (!cell.text)
                continue; // empty and null both export as an empty field
            field(cell.type == Cell::Type::Datetime && m_kind == Kind::Portal ? portalTime(e.time) : *cell.text, out);
        }
        out += "\r\n";
    }

private:
    void field(const std::string &v, std::string &out) const
    {
        const bool alnum
            = std::all_of(v.begin(), v.end(), [](char c) { return std::isalnum(static_cast<unsigned char>(c)); });
        const bool quote = m_kind == Kind::Portal ? !alnum : v.find_first_of(",\"\r\n") != std::string::npos;
        if (!quote) {
            out += v;
            return;
        }
        out += '"';
        for (const char c : v) {
            if (c == '"')
                out += '"';
            out += c;
        }
        out += '"';
    }

    Kind m_kind;
    std::size_t m_index = 0;
};

class DiagnosticWriter final : public ExportWriter {
public:
    void write(const OwnedEvent &e, std::string &out) override { appendDiagnosticJsonLine(e, out); }
};

} // namespace

std::vector<std::string> csvColumnNames()
{
    std::vector<std::string> names;
    for (const auto &[name, cell] : azureDiagnosticsRow(OwnedEvent {}, 0))
        names.push_back(name);
    return names;
}

const std::vector<std::string> &exportWriterFormats()
{
    static const std::vector<std::string> kFormats {"azure-diagnostics-json", "log-analytics-json",
        "azkvauditlogs-json", "az-cli-json", "log-analytics-api", "kusto-v1", "kusto-v2", "elastic-ndjson",
        "elastic-bulk", "elastic-source", "elastic-search", "esql-json", "csv", "csv-plain", "csv-headerless"};
    return kFormats;
}

std::unique_ptr<ExportWriter> makeExportWriter(std::string_view f)
{
    if (f == "azure-diagnostics-json")
        return std::make_unique<DiagnosticWriter>();
    if (f == "log-analytics-json")
        return std::make_unique<RowLinesWriter>(false);
    if (f == "azkvauditlogs-json")
        return std::make_unique<RowLinesWriter>(true);
    if (f == "az-cli-json")
        return std::make_unique<AzCliWriter>();
    if (f == "log-analytics-api")
        return std::make_unique<TableWriter>(TableWriter::Kind::LogAnalyticsApi);
    if (f == "kusto-v1")
        return std::make_unique<TableWriter>(TableWriter::Kind::KustoV1);
    if (f == "kusto-v2")
        return std::make_unique<TableWriter>(TableWriter::Kind::KustoV2);
    if (f == "esql-json")
        return std::make_unique<TableWriter>(TableWriter::Kind::Esql);
    if (f == "elastic-ndjson")
        return std::make_unique<ElasticWriter>(ElasticWriter::Kind::Hits);
    if (f == "elastic-bulk")
        return std::make_unique<ElasticWriter>(ElasticWriter::Kind::Bulk);
    if (f == "elastic-source")
        return std::make_unique<ElasticWriter>(ElasticWriter::Kind::Source);
    if (f == "elastic-search")
        return std::make_unique<ElasticWriter>(ElasticWriter::Kind::Search);
    if (f == "csv")
        return std::make_unique<CsvWriter>(CsvWriter::Kind::Portal);
    if (f == "csv-plain")
        return std::make_unique<CsvWriter>(CsvWriter::Kind::Plain);
    if (f == "csv-headerless")
        return std::make_unique<CsvWriter>(CsvWriter::Kind::Headerless);
    return nullptr;
}

} // namespace kvt::engine
