// SPDX-License-Identifier: MIT
// Elastic's ES|QL rule "Excessive Secret or Key Retrieval from Azure Key Vault" (the seed query of
// shared/seeds/004), over the canonical store's ECS view.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "engine/core/ticks.h"
#include "engine/store/dataset.h"

namespace kvt::engine {

/// The identity the STATS groups by. The seed groups by UPN, which service principals and managed
/// identities do not carry: the other choices show what that grouping cannot see.
enum class BurstIdentity { Upn, AppId, ObjectId, SourceIp };

std::string_view burstIdentityName(BurstIdentity g); ///< "upn", "appid", "oid", "ip"
std::string_view burstIdentityColumn(BurstIdentity g); ///< the ECS field, e.g. azure.platformlogs.identity.claim.upn

/// The 20 read operations of the ES|QL rule.
const std::vector<std::string> &elasticReadOperations();

/// Which form of the rule the parameters start from: the query of the issue that proposed it
/// (shared/seeds/004), or the rule as merged into elastic/detection-rules (rule_id
/// c07f7898-5dc3-11f0-9f27-f661ea17fbcd: `Esql.*` output names, `Esql.event_count >= 10`).
enum class BurstPreset { Proposed, Published };

struct ElasticBurstParams {
    BurstPreset preset = BurstPreset::Proposed; ///< output names and the defaults below
    Ticks window = kTicksPerMinute; ///< DATE_TRUNC(1 minute, @timestamp)
    int minActions = 5; ///< action_count >= 5 (Elastic's shipped rule uses 10)
    int minDistinctActions = 2; ///< distinct_actions >= 2
    std::vector<std::string> operations = elasticReadOperations();
    BurstIdentity groupBy = BurstIdentity::Upn;
    bool sliding = false; ///< windows of the same length starting at every record, merged when they overlap
    // Input-side exclusions (not in either form of the rule): Kibana cannot allow-list the rule's
    // aggregated rows, so these drop records before the STATS, as a `WHERE NOT ... IN (...)` would.
    std::vector<std::string> excludeAppIds; ///< azure.platformlogs.identity.claim.appid, exact
    std::vector<std::string> excludeIps; ///< source.ip, exact
    std::vector<std::string> excludeAccounts; ///< identity.claim.upn, ASCII case-insensitive
};

/// The defaults of @p preset (proposed: the struct's defaults; published: min-actions 10).
ElasticBurstParams burstPresetParams(BurstPreset preset);

/// One output row, with the seed query's columns. Multi-valued columns hold the distinct values
/// (VALUES), sorted; an empty list where ES|QL would return null.
struct BurstRow {
    Ticks timeWindow = 0; ///< window start
    Ticks windowEnd = 0; ///< exclusive end (fixed: start + window; sliding: last record + window)
    std::string identity; ///< the BY value (never empty: rows without it cannot pass the filter)
    std::vector<std::string> actorName, appId, objectId, sourceIp, cityName, regionName, countryName, asOrg;
    std::vector<std::string> actions, vaultNames, resultType, cloudRegion, agentName, subscriptionId, resourceGroup,
        resourceIds;
    std::uint64_t actorUniqueCount = 0;
    std::uint64_t actionCount = 0;
    std::uint64_t distinctActions = 0;
    std::uint64_t vaultsAccessed = 0;
    std::vector<std::size_t> recordIds;
};

/// What the grouping identity hides: read operations whose records lack it.
struct BlindSpot {
    std::uint64_t recordsInScope = 0; ///< records of the listed operations
    std::uint64_t recordsWithoutIdentity = 0;
    /// The callers (source IP and app id) behind those records, most records first, at most 10.
    std::vector<std::pair<std::string, std::uint64_t>> topCallers;
};

struct ElasticBurstResult {
    std::vector<BurstRow> alerts; ///< SORT time_window DESC (then by identity)
    BlindSpot blindSpot;
};

/// The records the rule reads: `event.action IN (...)` less the input-side exclusions. Each predicate
/// is a table indexed by interned id.
class BurstInputFilter {
public:
    BurstInputFilter(const Dataset &data, const ElasticBurstParams &params);
    bool passes(std::size_t row) const
    {
        if (!m_inScope[m_op[row]])
            return false;
        return !m_excludes || !(m_excludedApp[m_app[row]] || m_excludedIp[m_ip[row]] || m_excludedUpn[m_upn[row]]);
    }

private:
    const std::vector<StringId> &m_op, &m_app, &m_ip, &m_upn;
    bool m_excludes = false;
    std::vector<std::uint8_t> m_inScope, m_excludedApp, m_excludedIp, m_excludedUpn;
};

ElasticBurstResult runElasticBurst(const Dataset &data, const ElasticBurstParams &params);

} // namespace kvt::engine
