// SPDX-License-Identifier: MIT
#include "engine/ingest/field_mapper.h"

#include <charconv>
#include <unordered_map>

#include <simdjson.h>

#include "engine/ingest/resource_id.h"

namespace kvt::engine {
namespace {

using Kind = RecordBuilder::Kind;
using Target = RecordBuilder::Meaning;

constexpr std::string_view kLongOid = "http://schemas.microsoft.com/identity/claims/objectidentifier";
constexpr std::string_view kLongUpn = "http://schemas.xmlsoap.org/ws/2005/05/identity/claims/upn";

const std::unordered_map<std::string_view, Target> &names()
{
    using F = TextField;
    static const std::unordered_map<std::string_view, Target> kNames = [] {
        std::unordered_map<std::string_view, Target> m;
        auto text = [&](F f, std::initializer_list<std::string_view> aliases) {
            for (auto a : aliases)
                m[a] = {Kind::Text, f};
        };
        // AzureDiagnostics names (the canonical ones), AZKVAuditLogs, raw diagnostic JSON, ECS.
        for (std::size_t i = 0; i < kTextFieldCount; ++i)
            if (!kTextFieldNames[i].empty())
                m[kTextFieldNames[i]] = {Kind::Text, static_cast<F>(i)};
        text(F::OperationName, {"operationName", "event.action", "azure.platformlogs.operation_name"});
        text(F::OperationVersion, {"operationVersion", "azure.platformlogs.operationVersion"});
        text(F::Category, {"category", "azure.platformlogs.category"});
        text(F::ResultType, {"resultType", "azure.platformlogs.result_type"});
        text(F::ResultSignature, {"resultSignature", "azure.platformlogs.result_signature"});
        text(F::ResultDescription, {"resultDescription", "azure.platformlogs.result_description"});
        text(F::CallerIPAddress, {"CallerIpAddress", "callerIpAddress", "source.ip", "source.address"});
        text(F::CorrelationId, {"correlationId", "azure.correlation_id"});
        text(F::ResourceId, {"resourceId", "azure.resource.id"});
        text(F::SubscriptionId, {"_SubscriptionId", "azure.subscription_id"});
        text(F::ResourceGroup, {"azure.resource.group"});
        text(F::Resource, {"azure.resource.name"});
        text(F::IdS, {"Id", "properties.id", "azure.platformlogs.properties.id"});
        text(F::RequestUriS, {"RequestUri", "properties.requestUri", "azure.platformlogs.properties.requestUri"});
        text(F::ClientInfoS, {"ClientInfo", "properties.clientInfo", "azure.platformlogs.properties.clientInfo"});
        // The integration fills both source.geo.* and geo.* from one GeoIP look-up (data-formats.md 5).
        text(F::EcsGeoCityName, {"source.geo.city_name", "geo.city_name"});
        text(F::EcsGeoRegionName, {"source.geo.region_name", "geo.region_name"});
        text(F::EcsGeoCountryName, {"source.geo.country_name", "geo.country_name"});
        text(F::EcsAsOrganizationName, {"source.as.organization.name"});
        text(F::EcsCloudRegion, {"cloud.region"});
        text(F::EcsAgentName, {"agent.name"});
        for (auto a : {"TimeGenerated", "time", "@timestamp"})
            m[a] = {Kind::Time, F::Count};
        for (auto a : {"DurationMs", "durationMs"})
            m[a] = {Kind::DurationMs, F::Count};
        m["event.duration"] = {Kind::DurationNs, F::Count};
        for (auto a : {"httpStatusCode_d", "HttpStatusCode", "properties.httpStatusCode",
                 "azure.platformlogs.properties.httpStatusCode"})
            m[a] = {Kind::HttpStatus, F::Count};
        for (auto a : {"_ResourceId", "cloud.resource_id", "azure.resource_id"})
            m[a] = {Kind::LowerResourceId, F::Count};
        m["Type"] = {Kind::TableType, F::Count};
        for (auto a : {"Identity", "identity", "AdditionalFields", "Properties", "properties",
                 "azure.platformlogs.identity", "azure.platformlogs.properties"})
            m[a] = {Kind::Dynamic, F::Count};
        return m;
    }();
    return kNames;
}

// Claim paths: raw `identity.claim.X`, AZKVAuditLogs `Identity.claim.X`, ECS `azure.platformlogs.identity.claim.X`.
std::optional<std::string_view> claimName(std::string_view name)
{
    for (std::string_view prefix : {"identity.claim.", "Identity.claim.", "azure.platformlogs.identity.claim."})
        if (name.size() > prefix.size() && name.substr(0, prefix.size()) == prefix)
            return name.substr(prefix.size());
    return std::nullopt;
}

TextField claimField(std::string_view claim)
{
    if (claim == "appid")
        return TextField::ClaimAppId;
    if (claim == "oid")
        return TextField::ClaimOid;
    if (claim == "upn")
        return TextField::ClaimUpn;
    if (claim == kLongOid)
        return TextField::ClaimObjectIdentifier;
    if (claim == kLongUpn)
        return TextField::ClaimUpnLong;
    return TextField::Count;
}

bool parseInt(std::string_view s, std::int64_t &out)
{
    // Numbers may arrive as "200", "200.0" (a real column) or "16".
    if (const auto dot = s.find('.');
        dot != std::string_view::npos && s.find_first_not_of('0', dot + 1) == std::string_view::npos)
        s = s.substr(0, dot);
    const auto res = std::from_chars(s.data(), s.data() + s.size(), out);
    return res.ec == std::errc {} && res.ptr == s.data() + s.size();
}

bool isAbsent(std::string_view v)
{
    return v.empty() || v == "None" || v == "null";
}

} // namespace

bool RecordBuilder::isKnownName(std::string_view name)
{
    return names().count(name) > 0 || claimName(name).has_value();
}

void RecordBuilder::reset()
{
    for (auto &t : m_text)
        t.clear();
    m_time.clear();
    m_timeIsLocal = false;
    m_lowerResourceId.clear();
    m_durationMs.reset();
    m_httpStatus.reset();
    m_nameIndex = 0;
}

void RecordBuilder::setText(TextField f, std::string_view value, bool overwrite)
{
    std::string &slot = m_text[static_cast<std::size_t>(f)];
    if (overwrite || slot.empty())
        slot.assign(value);
}

void RecordBuilder::setClaim(std::string_view claim, std::string_view value)
{
    if (const TextField f = claimField(claim); f != TextField::Count)
        setText(f, value);
}

// A dynamic column as JSON text: {"claim":{...}} for Identity, a bag of columns for AdditionalFields,
// the properties object for Properties. Its members are offered under their flattened names.
void RecordBuilder::setDynamic(std::string_view name, std::string_view json)
{
    namespace od = simdjson::ondemand;
    simdjson::padded_string copy(json);
    od::parser parser;
    try {
        od::document doc = parser.iterate(copy);
        if (doc.type() != od::json_type::object)
            return;
        const bool identity = name == "Identity" || name == "identity" || name == "azure.platformlogs.identity";
        const bool additional = name == "AdditionalFields";
        const std::string prefix = identity ? std::string(name) + "." : additional ? std::string() : "properties.";
        for (auto field : doc.get_object()) {
            const std::string key = prefix + std::string(std::string_view(field.unescaped_key()));
            od::value v = field.value();
            if (v.type() == od::json_type::object && identity) {
                for (auto claim : v.get_object()) {
                    od::value cv = claim.value();
                    if (cv.type() == od::json_type::string)
                        setClaim(claim.unescaped_key().value(), cv.get_string().value());
                }
            } else if (v.type() == od::json_type::string) {
                set(key, v.get_string().value());
            } else if (v.type() == od::json_type::number || v.type() == od::json_type::boolean) {
                set(key, std::string(v.raw_json_token()));
            }
        }
    } catch (const simdjson::simdjson_error &) {
        // Not JSON after all: nothing to map from it.
    }
}

RecordBuilder::Meaning RecordBuilder::lookUp(std::string_view name)
{
    // Portal CSV headers carry the display zone: "TimeGenerated [UTC]", "TimeGenerated [Local Time]".
    bool local = false;
    if (const auto bracket = name.find(" ["); bracket != std::string_view::npos) {
        local = name.substr(bracket) == " [Local Time]";
        name = name.substr(0, bracket);
    }
    if (const auto claim = claimName(name)) {
        const TextField f = claimField(*claim);
        return f == TextField::Count ? Meaning {} : Meaning {Kind::Claim, f, false};
    }
    const auto it = names().find(name);
    if (it == names().end())
        return {};
    Meaning m = it->second;
    m.localTime = local;
    return m;
}

namespace {

std::string canonicalOf(const RecordBuilder::Meaning &m)
{
    using K = RecordBuilder::Kind;
    switch (m.kind) {
    case K::Text:
    case K::Claim: {
        const std::string_view name = textFieldName(m.field);
        return std::string(name.empty() ? kEcsFieldNames[static_cast<std::size_t>(m.field)] : name);
    }
    case K::Time: return std::string(kTimeGeneratedName);
    case K::DurationMs:
    case K::DurationNs: return std::string(kDurationMsName);
    case K::HttpStatus: return std::string(kHttpStatusCodeName);
    case K::LowerResourceId: return std::string(textFieldName(TextField::ResourceId));
    case K::TableType: return std::string(textFieldName(TextField::Category));
    case K::Dynamic: return "(members mapped by name)";
    case K::Ignore: break;
    }
    return {};
}

} // namespace

std::string RecordBuilder::canonicalNameOf(std::string_view name)
{
    return canonicalOf(lookUp(name));
}

std::vector<ColumnMapping> RecordBuilder::namesOfLastRecord() const
{
    std::vector<ColumnMapping> out;
    for (std::size_t i = 0; i < m_nameIndex && i < m_recentNames.size(); ++i)
        out.push_back(ColumnMapping {m_recentNames[i].first, canonicalOf(m_recentNames[i].second)});
    return out;
}

const RecordBuilder::Meaning &RecordBuilder::meaningOf(std::string_view name)
{
    const std::size_t i = m_nameIndex++;
    if (i < m_recentNames.size()) {
        auto &[known, meaning] = m_recentNames[i];
        if (known != name) {
            known.assign(name);
            meaning = lookUp(name);
        }
        return meaning;
    }
    return m_recentNames.emplace_back(std::string(name), lookUp(name)).second;
}

void RecordBuilder::set(std::string_view name, std::string_view value)
{
    const Meaning &t = meaningOf(name);
    if (t.kind == Kind::Ignore || isAbsent(value))
        return;
    std::int64_t n = 0;
    switch (t.kind) {
    case Kind::Text:
    case Kind::Claim: setText(t.field, value); break;
    case Kind::Time:
        m_time.assign(value);
        m_timeIsLocal = t.localTime;
        break;
    case Kind::DurationMs:
        if (parseInt(value, n))
            m_durationMs = n;
        break;
    case Kind::DurationNs:
        if (parseInt(value, n))
            m_durationMs = n / 1'000'000;
        break;
    case Kind::HttpStatus:
        if (parseInt(value, n))
            m_httpStatus = static_cast<std::int32_t>(n);
        break;
    case Kind::LowerResourceId: m_lowerResourceId.assign(value); break;
    case Kind::Dynamic: {
        const std::string owned(name); // setDynamic offers members by name, reusing the name cache
        setDynamic(owned.substr(0, owned.find(" [")), value);
        break;
    }
    case Kind::TableType:
        // AZKVAuditLogs holds only AuditEvent records and has no Category column.
        if (value == "AZKVAuditLogs")
            setText(TextField::Category, "AuditEvent", false);
        break;
    case Kind::Ignore: break;
    }
}

bool RecordBuilder::finish(EventDraft &out, Problem &error)
{
    const auto t = parseExportDateTime(m_time);
    if (!t) {
        error = m_time.empty()
            ? Problem {IssueCode::MissingTime, "missing time: the record has no TimeGenerated, time or @timestamp"}
            : Problem {IssueCode::BadTime, "time: '" + m_time.substr(0, 40) + "' is not a date-time"};
        return false;
    }
    out.time = *t - (m_timeIsLocal ? m_localOffset : 0);
    // AZKVAuditLogs and ECS carry only a resource id: derive the AzureDiagnostics columns from it
    // (upper-cased, as Log Analytics stores them).
    std::string &resourceId = m_text[static_cast<std::size_t>(TextField::ResourceId)];
    if (resourceId.empty() && !m_lowerResourceId.empty()) {
        resourceId = m_lowerResourceId;
        for (char &c : resourceId)
            if (c >= 'a' && c <= 'z')
                c = static_cast<char>(c - 'a' + 'A');
    }
    if (!resourceId.empty()) {
        const ResourceParts &parts = m_resources.parts(resourceId);
        setText(TextField::SubscriptionId, parts.subscriptionId, false);
        setText(TextField::ResourceGroup, parts.resourceGroup, false);
        setText(TextField::ResourceProvider, parts.resourceProvider, false);
        setText(TextField::ResourceType, parts.resourceType, false);
        setText(TextField::Resource, parts.resource, false);
    }
    for (std::size_t i = 0; i < kTextFieldCount; ++i)
        out.text[i] = m_text[i];
    out.durationMs = m_durationMs.value_or(Dataset::kNoDuration);
    out.httpStatusCode = m_httpStatus.value_or(-1);
    return true;
}

std::optional<Ticks> parseExportDateTime(std::string_view s)
{
    if (auto iso = parseIsoDateTime(s))
        return iso;
    // Locale display forms: M/D/YYYY[,] h:mm:ss[.fff] [AM|PM]  or  D/M/YYYY HH:mm:ss[.fff].
    int a = 0, b = 0, year = 0;
    std::size_t pos = 0;
    auto number = [&](int &out) {
        const std::size_t start = pos;
        out = 0;
        while (pos < s.size() && s[pos] >= '0' && s[pos] <= '9')
            out = out * 10 + (s[pos++] - '0');
        return pos > start;
    };
    if (!number(a) || pos >= s.size() || s[pos++] != '/' || !number(b) || pos >= s.size() || s[pos++] != '/'
        || !number(year))
        return std::nullopt;
    const bool dayFirst = a > 12;
    const int month = dayFirst ? b : a, day = dayFirst ? a : b;
    while (pos < s.size() && (s[pos] == ',' || s[pos] == ' '))
        ++pos;
    int hour = 0, minute = 0, second = 0;
    if (!number(hour) || pos >= s.size() || s[pos++] != ':' || !number(minute))
        return std::nullopt;
    if (pos < s.size() && s[pos] == ':') {
        ++pos;
        if (!number(second))
            return std::nullopt;
    }
    Ticks fraction = 0;
    if (pos < s.size() && s[pos] == '.') {
        ++pos;
        Ticks scale = kTicksPerSecond;
        while (pos < s.size() && s[pos] >= '0' && s[pos] <= '9') {
            scale /= 10;
            fraction += (s[pos++] - '0') * scale;
        }
    }
    while (pos < s.size() && s[pos] == ' ')
        ++pos;
    const std::string_view suffix = s.substr(pos);
    if (suffix == "PM" || suffix == "pm")
        hour = hour % 12 + 12;
    else if (suffix == "AM" || suffix == "am")
        hour = hour % 12;
    else if (!suffix.empty())
        return std::nullopt;
    const auto t = ticksFromCivil(year, month, day, hour, minute, second);
    if (!t)
        return std::nullopt;
    return *t + fraction;
}

} // namespace kvt::engine
