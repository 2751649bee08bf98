// SPDX-License-Identifier: MIT
#include "engine/report/burst_output.h"

#include <algorithm>

#include "engine/report/alerts_csv.h"

namespace kvt::engine {
namespace {

struct ListColumn {
    const char *name;
    std::vector<std::string> BurstRow::*member;
};

// The STATS columns of the seed query, in its order (counts handled beside them).
constexpr ListColumn kLists[] = {
    {"actor_name", &BurstRow::actorName},
    {"app_id", &BurstRow::appId},
    {"object_id", &BurstRow::objectId},
    {"source_ip", &BurstRow::sourceIp},
    {"city_name", &BurstRow::cityName},
    {"region_name", &BurstRow::regionName},
    {"country_name", &BurstRow::countryName},
    {"as_org", &BurstRow::asOrg},
    {"actions", &BurstRow::actions},
    {"vault_names", &BurstRow::vaultNames},
    {"result_type", &BurstRow::resultType},
    {"cloud_region", &BurstRow::cloudRegion},
    {"agent_name", &BurstRow::agentName},
    {"subscription_id", &BurstRow::subscriptionId},
    {"resource_group", &BurstRow::resourceGroup},
    {"resource_ids", &BurstRow::resourceIds},
};

std::string listText(const std::vector<std::string> &values)
{
    JsonWriter w;
    w.strings(values);
    return w.take();
}

// A column of the published rule's `keep`, in its order: a list (VALUES) or a count.
struct PublishedColumn {
    const char *name;
    std::vector<std::string> BurstRow::*list;
    std::uint64_t BurstRow::*count;
};

constexpr PublishedColumn kPublished[] = {
    {"Esql_priv.azure_platformlogs_identity_claim_upn_values", &BurstRow::actorName, nullptr},
    {nullptr, nullptr, &BurstRow::actorUniqueCount}, // named after the grouping identity
    {"Esql.azure_platformlogs_identity_claim_appid_values", &BurstRow::appId, nullptr},
    {"Esql.source_ip_values", &BurstRow::sourceIp, nullptr},
    {"Esql.source_geo_city_values", &BurstRow::cityName, nullptr},
    {"Esql.source_geo_region_values", &BurstRow::regionName, nullptr},
    {"Esql.source_geo_country_values", &BurstRow::countryName, nullptr},
    {"Esql.source_as_organization_name_values", &BurstRow::asOrg, nullptr},
    {"Esql.event_action_values", &BurstRow::actions, nullptr},
    {"Esql.event_count", nullptr, &BurstRow::actionCount},
    {"Esql.event_action_count_distinct", nullptr, &BurstRow::distinctActions},
    {"Esql.azure_resource_name_count_distinct", nullptr, &BurstRow::vaultsAccessed},
    {"Esql.azure_resource_name_values", &BurstRow::vaultNames, nullptr},
    {"Esql.azure_platformlogs_result_type_values", &BurstRow::resultType, nullptr},
    {"Esql.cloud_region_values", &BurstRow::cloudRegion, nullptr},
    {"Esql.agent_name_values", &BurstRow::agentName, nullptr},
    {"Esql.azure_subscription_id_values", &BurstRow::subscriptionId, nullptr},
    {"Esql.azure_resource_group_values", &BurstRow::resourceGroup, nullptr},
    {"Esql.azure_resource_id_values", &BurstRow::resourceIds, nullptr},
};

constexpr const char *kPublishedTime = "Esql.time_window_date_trunc";

// `Esql.azure_platformlogs_identity_claim_upn_count_distinct` for the published grouping; the
// same pattern for another identity.
std::string countDistinctName(BurstIdentity groupBy)
{
    std::string name = "Esql." + std::string(burstIdentityColumn(groupBy)) + "_count_distinct";
    std::replace(name.begin() + 5, name.end(), '.', '_');
    return name;
}

std::string publishedName(const PublishedColumn &c, BurstIdentity groupBy)
{
    return c.name ? c.name : countDistinctName(groupBy);
}

// The published rule keeps no BY column; grouped by anything but the UPN, the identity is shown.
bool showsIdentity(const ElasticBurstParams &p)
{
    return p.preset == BurstPreset::Proposed || p.groupBy != BurstIdentity::Upn;
}

void writePublishedRow(JsonWriter &w, const BurstRow &row, const ElasticBurstParams &params)
{
    w.key(kPublishedTime).string(formatIsoDateTime(row.timeWindow));
    if (showsIdentity(params))
        w.key(burstIdentityColumn(params.groupBy)).string(row.identity);
    for (const auto &c : kPublished) {
        w.key(publishedName(c, params.groupBy));
        c.list ? w.strings(row.*c.list) : w.integer(static_cast<long long>(row.*c.count));
    }
}

std::string publishedCsv(const ElasticBurstResult &result, const ElasticBurstParams &params)
{
    std::string out = kPublishedTime;
    if (showsIdentity(params))
        out += "," + std::string(burstIdentityColumn(params.groupBy));
    for (const auto &c : kPublished)
        out += "," + publishedName(c, params.groupBy);
    out += "\r\n";
    for (const auto &row : result.alerts) {
        out += formatIsoDateTime(row.timeWindow);
        if (showsIdentity(params)) {
            out += ',';
            appendCsvField(row.identity, out);
        }
        for (const auto &c : kPublished) {
            out += ',';
            c.list ? appendCsvField(listText(row.*c.list), out) : void(out += std::to_string(row.*c.count));
        }
        out += "\r\n";
    }
    return out;
}

void writeProposedRow(JsonWriter &w, const BurstRow &row, const ElasticBurstParams &params)
{
    w.key("time_window").string(formatIsoDateTime(row.timeWindow));
    w.key(burstIdentityColumn(params.groupBy)).string(row.identity);
    for (const auto &c : kLists) {
        w.key(c.name).strings(row.*c.member);
        if (std::string_view(c.name) == "actor_name")
            w.key("actor_unique_count").integer(static_cast<long long>(row.actorUniqueCount));
        if (std::string_view(c.name) == "actions") {
            w.key("action_count").integer(static_cast<long long>(row.actionCount));
            w.key("distinct_actions").integer(static_cast<long long>(row.distinctActions));
            w.key("vaults_accessed").integer(static_cast<long long>(row.vaultsAccessed));
        }
    }
}

} // namespace

std::string burstCountDistinctColumn(const ElasticBurstParams &params)
{
    return params.preset == BurstPreset::Published ? countDistinctName(params.groupBy) : "actor_unique_count";
}

void writeBurstRow(JsonWriter &w, const BurstRow &row, const ElasticBurstParams &params)
{
    w.beginObject();
    if (params.preset == BurstPreset::Published)
        writePublishedRow(w, row, params);
    else
        writeProposedRow(w, row, params);
    w.key("window_end").string(formatIsoDateTime(row.windowEnd));
    w.key("records").integer(static_cast<long long>(row.recordIds.size()));
    w.endObject();
}

std::string burstAlertsCsv(const ElasticBurstResult &result, const ElasticBurstParams &params)
{
    if (params.preset == BurstPreset::Published)
        return publishedCsv(result, params);
    std::string out = "time_window,";
    out += burstIdentityColumn(params.groupBy);
    for (const auto &c : kLists) {
        out += ',';
        out += c.name;
    }
    out += ",actor_unique_count,action_count,distinct_actions,vaults_accessed\r\n";
    for (const auto &row : result.alerts) {
        out += formatIsoDateTime(row.timeWindow);
        out += ',';
        appendCsvField(row.identity, out);
        for (const auto &c : kLists) {
            out += ',';
            appendCsvField(listText(row.*c.member), out);
        }
        for (const std::uint64_t n : {row.actorUniqueCount, row.actionCount, row.distinctActions, row.vaultsAccessed}) {
            out += ',';
            out += std::to_string(n);
        }
        out += "\r\n";
    }
    return out;
}

} // namespace kvt::engine
