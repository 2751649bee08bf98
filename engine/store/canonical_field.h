// SPDX-License-Identifier: MIT
// The canonical fields of a Key Vault audit record (data-formats.md section 7), named by the
// AzureDiagnostics columns the Sentinel rule reads.
#pragma once

#include <array>
#include <cstddef>
#include <optional>
#include <string_view>

namespace kvt::engine {

/// Text fields, each stored as an interned column.
enum class TextField : std::size_t {
    OperationName,
    OperationVersion,
    Category,
    ResultType,
    ResultSignature,
    ResultDescription,
    CallerIPAddress,
    CorrelationId,
    ResourceId,
    SubscriptionId,
    ResourceGroup,
    ResourceProvider,
    ResourceType,
    Resource,
    IdS, ///< properties.id: the object URI
    RequestUriS, ///< properties.requestUri
    ClientInfoS, ///< properties.clientInfo (user agent)
    ClaimAppId, ///< identity.claim.appid
    ClaimOid, ///< identity.claim.oid (data-plane shape)
    ClaimUpn, ///< identity.claim.upn (data-plane shape)
    ClaimObjectIdentifier, ///< identity.claim["http://schemas.microsoft.com/identity/claims/objectidentifier"]
    ClaimUpnLong, ///< identity.claim["http://schemas.xmlsoap.org/ws/2005/05/identity/claims/upn"]
    // Fields only Elastic exports carry (the integration's GeoIP and shipper fields, which the ES|QL
    // rule reports). No AzureDiagnostics column: stored only when a file has them (see isSparseField).
    EcsGeoCityName, ///< source.geo.city_name (or geo.city_name)
    EcsGeoRegionName, ///< source.geo.region_name (or geo.region_name)
    EcsGeoCountryName, ///< source.geo.country_name (or geo.country_name)
    EcsAsOrganizationName, ///< source.as.organization.name
    EcsCloudRegion, ///< cloud.region
    EcsAgentName, ///< agent.name
    Count
};

inline constexpr std::size_t kTextFieldCount = static_cast<std::size_t>(TextField::Count);

/// AzureDiagnostics column name of each text field, in TextField order (empty for ECS-only fields).
inline constexpr std::array<std::string_view, kTextFieldCount> kTextFieldNames {
    "OperationName", "OperationVersion", "Category", "ResultType", "ResultSignature", "ResultDescription",
    "CallerIPAddress", "CorrelationId", "ResourceId", "SubscriptionId", "ResourceGroup", "ResourceProvider",
    "ResourceType", "Resource", "id_s", "requestUri_s", "clientInfo_s", "identity_claim_appid_g",
    "identity_claim_oid_g", "identity_claim_upn_s",
    "identity_claim_http_schemas_microsoft_com_identity_claims_objectidentifier_g",
    "identity_claim_http_schemas_xmlsoap_org_ws_2005_05_identity_claims_upn_s", "", "", "", "", "",
    "", // ECS-only fields: no AzureDiagnostics column
};

/// True for the fields most exports never carry: their columns are created only when a record has
/// a value, so they cost nothing otherwise.
constexpr bool isSparseField(std::size_t f)
{
    return f >= static_cast<std::size_t>(TextField::EcsGeoCityName);
}

/// The ECS / Elastic Azure-integration name of each text field (data-formats.md section 7), the
/// names the ES|QL rule reads; empty where ECS has no field of its own (ResourceType is folded into
/// azure.resource.provider there).
inline constexpr std::array<std::string_view, kTextFieldCount> kEcsFieldNames {
    "event.action",
    "azure.platformlogs.operationVersion",
    "azure.platformlogs.category",
    "azure.platformlogs.result_type",
    "azure.platformlogs.result_signature",
    "azure.platformlogs.result_description",
    "source.ip",
    "azure.correlation_id",
    "azure.resource.id",
    "azure.subscription_id",
    "azure.resource.group",
    "azure.resource.provider",
    "",
    "azure.resource.name",
    "azure.platformlogs.properties.id",
    "azure.platformlogs.properties.requestUri",
    "azure.platformlogs.properties.clientInfo",
    "azure.platformlogs.identity.claim.appid",
    "azure.platformlogs.identity.claim.oid",
    "azure.platformlogs.identity.claim.upn",
    "azure.platformlogs.identity.claim.http://schemas.microsoft.com/identity/claims/objectidentifier",
    "azure.platformlogs.identity.claim.http://schemas.xmlsoap.org/ws/2005/05/identity/claims/upn",
    "source.geo.city_name",
    "source.geo.region_name",
    "source.geo.country_name",
    "source.as.organization.name",
    "cloud.region",
    "agent.name",
};
inline constexpr std::string_view kEcsTimeName = "@timestamp";
inline constexpr std::string_view kEcsDurationName = "event.duration"; ///< nanoseconds in ECS
inline constexpr std::string_view kEcsHttpStatusCodeName = "azure.platformlogs.properties.httpStatusCode";

/// The ECS `source.ip` of a caller address as Key Vault writes it: the Elastic pipeline keeps the
/// address and drops a port ("10.0.0.1:5000" -> "10.0.0.1", "[2001:db8::1]:443" -> "2001:db8::1");
/// a bare IPv6 address or anything else (e.g. "<Redacted>") is unchanged.
std::string_view ecsSourceIp(std::string_view caller);

inline constexpr std::string_view kTimeGeneratedName = "TimeGenerated";
inline constexpr std::string_view kDurationMsName = "DurationMs";
inline constexpr std::string_view kHttpStatusCodeName = "httpStatusCode_d";

constexpr std::string_view textFieldName(TextField f)
{
    return kTextFieldNames[static_cast<std::size_t>(f)];
}

/// The field with AzureDiagnostics column name @p name (case-sensitive, as in KQL).
std::optional<TextField> textFieldByName(std::string_view name);

} // namespace kvt::engine
