// SPDX-License-Identifier: MIT
#include "engine/report/burst_output.h"

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

} // namespace

void writeBurstRow(JsonWriter &w, const BurstRow &row, const ElasticBurstParams &params)
{
    w.beginObject();
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
    w.key("window_end").string(formatIsoDateTime(row.windowEnd));
    w.key("records").integer(static_cast<long long>(row.recordIds.size()));
    w.endObject();
}

std::string burstAlertsCsv(const ElasticBurstResult &result, const ElasticBurstParams &params)
{
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
