// SPDX-License-Identifier: MIT
#include "engine/generate/diagnostic_json_writer.h"

#include "engine/core/json_text.h"
#include "engine/core/ticks.h"

namespace kvt::engine {

namespace {

void field(std::string &out, const char *name, std::string_view value, bool first = false)
{
    if (!first)
        out += ',';
    out += '"';
    out += name;
    out += "\":";
    appendJsonString(value, out);
}

} // namespace

void appendDiagnosticJsonLine(const OwnedEvent &e, std::string &out)
{
    out += '{';
    field(out, "time", formatIsoDateTime(e.time), true);
    field(out, "resourceId", e[TextField::ResourceId]);
    field(out, "operationName", e[TextField::OperationName]);
    field(out, "operationVersion", e[TextField::OperationVersion]);
    field(out, "category", e[TextField::Category]);
    field(out, "resultType", e[TextField::ResultType]);
    field(out, "resultSignature", e[TextField::ResultSignature]);
    field(out, "resultDescription", e[TextField::ResultDescription]);
    field(out, "durationMs", std::to_string(e.durationMs));
    field(out, "callerIpAddress", e[TextField::CallerIPAddress]);
    field(out, "correlationId", e[TextField::CorrelationId]);

    out += R"(,"identity":{"claim":{)";
    bool first = true;
    auto claim = [&](const char *name, TextField f) {
        if (e[f].empty())
            return;
        field(out, name, e[f], first);
        first = false;
    };
    claim("http://schemas.microsoft.com/identity/claims/objectidentifier", TextField::ClaimObjectIdentifier);
    claim("http://schemas.xmlsoap.org/ws/2005/05/identity/claims/upn", TextField::ClaimUpnLong);
    claim("oid", TextField::ClaimOid);
    claim("upn", TextField::ClaimUpn);
    claim("appid", TextField::ClaimAppId);
    out += "}}";

    out += R"(,"properties":{)";
    field(out, "clientInfo", e[TextField::ClientInfoS], true);
    field(out, "requestUri", e[TextField::RequestUriS]);
    if (!e[TextField::IdS].empty())
        field(out, "id", e[TextField::IdS]);
    out += ",\"httpStatusCode\":";
    out += std::to_string(e.httpStatusCode);
    out += R"(,"isAccessPolicyMatch":true,"tlsVersion":"TLS1_2"}})";
    out += '\n';
}

} // namespace kvt::engine
