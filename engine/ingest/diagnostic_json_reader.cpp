// SPDX-License-Identifier: MIT
#include "engine/ingest/diagnostic_json_reader.h"

#include <algorithm>
#include <charconv>
#include <cstring>

#include "engine/ingest/json_export_reader.h"
#include "engine/ingest/json_text_parser.h"
#include "engine/ingest/line_walk.h"
#include "engine/ingest/parallel_read.h"
#include "engine/ingest/read_session.h"
#include "engine/ingest/resource_id.h"

namespace kvt::engine {
namespace {

namespace od = simdjson::ondemand;

constexpr std::string_view kLongOid = "http://schemas.microsoft.com/identity/claims/objectidentifier";
constexpr std::string_view kLongUpn = "http://schemas.xmlsoap.org/ws/2005/05/identity/claims/upn";

bool keyIs(std::string_view key, std::string_view expected)
{
    if (key.size() != expected.size())
        return false;
    for (std::size_t i = 0; i < key.size(); ++i) {
        const auto a = static_cast<unsigned char>(key[i]);
        const auto b = static_cast<unsigned char>(expected[i]);
        if (a != b && (a | 0x20) != (b | 0x20))
            return false;
    }
    return true;
}

// A record being extracted; derived strings live here until the draft is appended.
struct Extraction {
    EventDraft draft;
    ResourceIdCache *resources = nullptr;
    std::string numberText;
    Problem error;
    bool haveTime = false;
};

// A string value without unescaping when it has no escape (nearly always): a view into the file
// itself, which saves simdjson's copy of every string.
std::string_view stringValue(od::value v)
{
    std::string_view token = v.raw_json_token();
    while (
        !token.empty() && (token.back() == ' ' || token.back() == '\t' || token.back() == '\r' || token.back() == '\n'))
        token.remove_suffix(1);
    if (token.size() >= 2 && token.front() == '"' && token.back() == '"' && token.find('\\') == std::string_view::npos)
        return token.substr(1, token.size() - 2);
    return v.get_string();
}

// Reads a string value; numbers and booleans are kept as their JSON text (wrong but harmless types).
bool readText(od::value v, std::string_view &out, std::string &numberText)
{
    switch (v.type()) {
    case od::json_type::string: out = stringValue(v); return true;
    case od::json_type::null: out = {}; return true;
    case od::json_type::number:
    case od::json_type::boolean:
        numberText = std::string(v.raw_json_token());
        while (!numberText.empty() && (numberText.back() == ' ' || numberText.back() == '\n'))
            numberText.pop_back();
        out = numberText;
        return true;
    default: return false;
    }
}

// Reads an integer given as a JSON number or as a numeric string ("78"), as Key Vault writes it.
bool readInteger(od::value v, std::int64_t &out)
{
    if (v.type() == od::json_type::number) {
        double d = v.get_double();
        out = static_cast<std::int64_t>(d);
        return true;
    }
    if (v.type() == od::json_type::string) {
        const std::string_view s = stringValue(v);
        if (s.empty() || s == "None")
            return true;
        const auto res = std::from_chars(s.data(), s.data() + s.size(), out);
        return res.ec == std::errc {} && res.ptr == s.data() + s.size();
    }
    return v.type() == od::json_type::null;
}

void readClaims(od::object claims, Extraction &x)
{
    for (auto field : claims) {
        const std::string_view key = field.unescaped_key();
        od::value v = field.value();
        if (v.type() != od::json_type::string)
            continue; // array-valued claims (xms_az_nwperimid) are not canonical fields
        TextField target;
        if (key == "appid")
            target = TextField::ClaimAppId;
        else if (key == "oid")
            target = TextField::ClaimOid;
        else if (key == "upn")
            target = TextField::ClaimUpn;
        else if (key == kLongOid)
            target = TextField::ClaimObjectIdentifier;
        else if (key == kLongUpn)
            target = TextField::ClaimUpnLong;
        else
            continue;
        x.draft[target] = stringValue(v);
    }
}

bool readProperties(od::object props, Extraction &x)
{
    for (auto field : props) {
        const std::string_view key = field.unescaped_key();
        od::value v = field.value();
        std::string scratch;
        if (keyIs(key, "clientInfo")) {
            if (v.type() == od::json_type::string)
                x.draft[TextField::ClientInfoS] = stringValue(v);
        } else if (keyIs(key, "requestUri")) {
            if (v.type() == od::json_type::string)
                x.draft[TextField::RequestUriS] = stringValue(v);
        } else if (keyIs(key, "id")) {
            if (v.type() == od::json_type::string)
                x.draft[TextField::IdS] = stringValue(v);
        } else if (keyIs(key, "httpStatusCode")) {
            std::int64_t code = -1;
            if (!readInteger(v, code)) {
                x.error = {IssueCode::WrongFieldType, "properties.httpStatusCode: expected an integer"};
                return false;
            }
            x.draft.httpStatusCode = static_cast<std::int32_t>(std::clamp<std::int64_t>(code, -1, 999));
        }
    }
    return true;
}

// Fills @p x from one raw diagnostic record object. False with x.error on a record-level problem.
bool extractRecord(od::object obj, Extraction &x)
{
    std::string_view resourceId;
    for (auto field : obj) {
        const std::string_view key = field.unescaped_key();
        od::value v = field.value();
        auto text = [&](TextField f, const char *name) {
            std::string_view s;
            if (!readText(v, s, x.numberText)) {
                x.error = {IssueCode::WrongFieldType, std::string(name) + ": expected a string"};
                return false;
            }
            x.draft[f] = s;
            return true;
        };
        bool ok = true;
        if (keyIs(key, "time")) {
            if (v.type() != od::json_type::string) {
                x.error = {IssueCode::WrongFieldType, "time: expected an ISO 8601 string"};
                return false;
            }
            const std::string_view s = stringValue(v);
            const auto t = parseIsoDateTime(s);
            if (!t) {
                x.error
                    = {IssueCode::BadTime, "time: '" + std::string(s.substr(0, 40)) + "' is not an ISO 8601 date-time"};
                return false;
            }
            x.draft.time = *t;
            x.haveTime = true;
        } else if (keyIs(key, "resourceId")) {
            ok = text(TextField::ResourceId, "resourceId");
            resourceId = x.draft[TextField::ResourceId];
        } else if (keyIs(key, "operationName")) {
            ok = text(TextField::OperationName, "operationName");
        } else if (keyIs(key, "operationVersion")) {
            ok = text(TextField::OperationVersion, "operationVersion");
        } else if (keyIs(key, "category")) {
            ok = text(TextField::Category, "category");
        } else if (keyIs(key, "resultType")) {
            ok = text(TextField::ResultType, "resultType");
        } else if (keyIs(key, "resultSignature")) {
            ok = text(TextField::ResultSignature, "resultSignature");
        } else if (keyIs(key, "resultDescription")) {
            ok = text(TextField::ResultDescription, "resultDescription");
        } else if (keyIs(key, "callerIpAddress")) {
            ok = text(TextField::CallerIPAddress, "callerIpAddress");
        } else if (keyIs(key, "correlationId")) {
            ok = text(TextField::CorrelationId, "correlationId");
        } else if (keyIs(key, "durationMs")) {
            std::int64_t ms = Dataset::kNoDuration;
            if (!readInteger(v, ms)) {
                x.error = {IssueCode::WrongFieldType, "durationMs: expected an integer or a numeric string"};
                return false;
            }
            x.draft.durationMs = ms;
        } else if (keyIs(key, "identity")) {
            if (v.type() == od::json_type::object) {
                od::object identity = v.get_object();
                for (auto inner : identity) {
                    if (inner.unescaped_key().value() == "claim") {
                        od::value claims = inner.value();
                        if (claims.type() == od::json_type::object)
                            readClaims(claims.get_object(), x);
                    }
                }
            }
        } else if (keyIs(key, "properties")) {
            if (v.type() == od::json_type::object && !readProperties(v.get_object(), x))
                return false;
        }
        if (!ok)
            return false;
    }
    if (!x.haveTime) {
        x.error = {IssueCode::MissingTime, "missing 'time': every record needs a timestamp"};
        return false;
    }
    if (!resourceId.empty()) {
        const ResourceParts &parts = x.resources->parts(resourceId);
        x.draft[TextField::SubscriptionId] = parts.subscriptionId;
        x.draft[TextField::ResourceGroup] = parts.resourceGroup;
        x.draft[TextField::ResourceProvider] = parts.resourceProvider;
        x.draft[TextField::ResourceType] = parts.resourceType;
        x.draft[TextField::Resource] = parts.resource;
    }
    return true;
}

// Parses raw records and feeds a ReadSession.
class Ingest {
public:
    Ingest(std::string_view bytes, const ReadContext &ctx, Dataset &out) : m_session(bytes, ctx, out) { }

    // Parses and appends one record; @p offset is its position in the file content.
    void record(std::size_t offset, std::size_t length)
    {
        Extraction x;
        x.resources = &m_resources;
        std::size_t errorOffset = 0;
        const std::string_view bytes = m_session.bytes();
        const auto visit = [&x](od::object obj) { return extractRecord(obj, x); };
        if (m_parser.parse(bytes.substr(offset, length), bytes.size() - offset, visit, x.error, errorOffset)) {
            m_session.append(x.draft, offset, length);
            if (m_session.wantsColumns())
                m_session.setColumns(fieldNamesOf(bytes.substr(offset, length)));
        } else
            m_session.reject(offset + errorOffset, x.error);
    }
    bool tick(std::size_t offset) { return m_session.tick(offset); }
    ReadOutcome take() { return m_session.take(); }

private:
    ReadSession m_session;
    JsonTextParser m_parser;
    ResourceIdCache m_resources;
};

// Reads the lines of bytes[begin, stop), which starts at a line start.
ReadOutcome readJsonLines(
    std::string_view bytes, std::size_t begin, std::size_t stop, const ReadContext &ctx, Dataset &out)
{
    Ingest ingest(bytes, ctx, out);
    forEachLine(
        bytes, begin, stop, [&](std::size_t offset, std::size_t length) { ingest.record(offset, length); },
        [&](std::size_t next) { return ingest.tick(next); });
    return ingest.take();
}

} // namespace

ReadOutcome readDiagnosticJson(std::string_view bytes, const ReadContext &ctx, Dataset &out)
{
    return readLinesInParts(bytes, ctx, out, [&](std::size_t begin, std::size_t end, const ReadContext &c, Dataset &d) {
        return readJsonLines(bytes, begin, end, c, d);
    });
}

} // namespace kvt::engine
