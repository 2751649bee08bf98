// SPDX-License-Identifier: MIT
#include "engine/rules/elastic_burst.h"

#include <algorithm>
#include <map>
#include <set>
#include <unordered_map>

#include "engine/rules/row_filter.h"

namespace kvt::engine {

std::string_view burstIdentityName(BurstIdentity g)
{
    switch (g) {
    case BurstIdentity::AppId: return "appid";
    case BurstIdentity::ObjectId: return "oid";
    case BurstIdentity::SourceIp: return "ip";
    case BurstIdentity::Upn: break;
    }
    return "upn";
}

std::string_view burstIdentityColumn(BurstIdentity g)
{
    switch (g) {
    case BurstIdentity::AppId: return "azure.platformlogs.identity.claim.appid";
    case BurstIdentity::ObjectId: return "azure.platformlogs.identity.claim.oid";
    case BurstIdentity::SourceIp: return "source.ip";
    case BurstIdentity::Upn: break;
    }
    return "azure.platformlogs.identity.claim.upn";
}

const std::vector<std::string> &elasticReadOperations()
{
    static const std::vector<std::string> kOps {"VaultGet", "KeyGet", "KeyList", "KeyListVersions", "KeyGetDeleted",
        "KeyListDeleted", "SecretGet", "SecretList", "SecretListVersions", "SecretGetDeleted", "SecretListDeleted",
        "CertificateGet", "CertificateList", "CertificateListVersions", "CertificateGetDeleted",
        "CertificateListDeleted", "CertificatePolicyGet", "CertificateContactsGet", "CertificateIssuerGet",
        "CertificateIssuersList"};
    return kOps;
}

namespace {

// The ECS view of the canonical fields (data-formats.md section 7). The UPN is the short `upn`
// claim only: Elasticsearch keeps the long claim under its own literal key, so the seed's
// `...identity.claim.upn` never sees it. Geo, AS, cloud region and agent fields come only from
// Elastic exports (Key Vault records have none of their own); elsewhere their VALUES stay empty.
TextField identityField(BurstIdentity g)
{
    switch (g) {
    case BurstIdentity::AppId: return TextField::ClaimAppId;
    case BurstIdentity::ObjectId: return TextField::ClaimOid;
    case BurstIdentity::SourceIp: return TextField::CallerIPAddress;
    case BurstIdentity::Upn: break;
    }
    return TextField::ClaimUpn;
}

using ValueSet = std::set<std::string_view>;

// A field as the ES|QL rule sees it: the caller address as `source.ip` (without a port).
std::string_view ecsText(const Dataset &d, TextField f, std::size_t r)
{
    const std::string_view v = d.text(f, r);
    return f == TextField::CallerIPAddress ? ecsSourceIp(v) : v;
}

// Per interned caller address, the id of the first address with the same `source.ip`, so grouping by
// id groups ports of one address together; the identity for any other field.
std::vector<StringId> groupIds(const Dataset &d, TextField f)
{
    const StringPool &pool = d.pool(f);
    std::vector<StringId> ids(pool.size());
    std::map<std::string_view, StringId> first;
    for (StringId id = 0; id < pool.size(); ++id)
        ids[id]
            = f == TextField::CallerIPAddress ? first.try_emplace(ecsSourceIp(pool.view(id)), id).first->second : id;
    return ids;
}

struct Accumulator {
    ValueSet actor, app, object, ip, actions, vaults, results, subscriptions, groups, resources, identities;
    ValueSet cities, regions, countries, asOrgs, cloudRegions, agents;
    std::uint64_t count = 0;
    std::vector<std::size_t> records;

    void add(const Dataset &d, std::size_t r, TextField idField)
    {
        auto put = [&](ValueSet &set, TextField f) {
            const std::string_view v = ecsText(d, f, r);
            if (!v.empty()) // VALUES and COUNT_DISTINCT ignore nulls
                set.insert(v);
        };
        put(actor, TextField::ClaimUpn);
        put(app, TextField::ClaimAppId);
        put(object, TextField::ClaimUpn); // the seed's `object_id = VALUES(...claim.upn)`, kept as written
        put(ip, TextField::CallerIPAddress);
        put(actions, TextField::OperationName);
        put(vaults, TextField::Resource);
        put(results, TextField::ResultType);
        put(subscriptions, TextField::SubscriptionId);
        put(groups, TextField::ResourceGroup);
        put(resources, TextField::ResourceId);
        put(identities, idField);
        put(cities, TextField::EcsGeoCityName);
        put(regions, TextField::EcsGeoRegionName);
        put(countries, TextField::EcsGeoCountryName);
        put(asOrgs, TextField::EcsAsOrganizationName);
        put(cloudRegions, TextField::EcsCloudRegion);
        put(agents, TextField::EcsAgentName);
        ++count;
        records.push_back(r);
    }
};

std::vector<std::string> listOf(const ValueSet &set)
{
    return {set.begin(), set.end()};
}

BurstRow rowOf(const Accumulator &a, Ticks start, Ticks end, std::string_view identity)
{
    BurstRow row;
    row.timeWindow = start;
    row.windowEnd = end;
    row.identity = identity;
    row.actorName = listOf(a.actor);
    row.appId = listOf(a.app);
    row.objectId = listOf(a.object);
    row.sourceIp = listOf(a.ip);
    row.actions = listOf(a.actions);
    row.vaultNames = listOf(a.vaults);
    row.resultType = listOf(a.results);
    row.subscriptionId = listOf(a.subscriptions);
    row.resourceGroup = listOf(a.groups);
    row.resourceIds = listOf(a.resources);
    row.cityName = listOf(a.cities);
    row.regionName = listOf(a.regions);
    row.countryName = listOf(a.countries);
    row.asOrg = listOf(a.asOrgs);
    row.cloudRegion = listOf(a.cloudRegions);
    row.agentName = listOf(a.agents);
    row.actorUniqueCount = a.identities.size();
    row.actionCount = a.count;
    row.distinctActions = a.actions.size();
    row.vaultsAccessed = a.vaults.size();
    row.recordIds = a.records;
    return row;
}

bool passes(const BurstRow &r, const ElasticBurstParams &p)
{
    return r.actorUniqueCount == 1 && r.actionCount >= static_cast<std::uint64_t>(p.minActions)
        && r.distinctActions >= static_cast<std::uint64_t>(p.minDistinctActions);
}

// Fixed windows: `EVAL time_window = DATE_TRUNC(window, @timestamp) | STATS ... BY time_window, id`.
// Rows without the identity form ES|QL's null group, whose COUNT_DISTINCT is 0: it never passes.
// Two passes: counts and distinct actions per group by interned ids first, the VALUES lists only
// for the groups that pass.
void fixedWindows(
    const Dataset &d, const std::vector<std::size_t> &rows, const ElasticBurstParams &p, std::vector<BurstRow> &out)
{
    const TextField idField = identityField(p.groupBy);
    const std::vector<StringId> group = groupIds(d, idField);
    struct GroupKeyHash {
        std::size_t operator()(const std::pair<Ticks, StringId> &k) const
        {
            return std::hash<Ticks>()(k.first) * 31 + k.second;
        }
    };
    struct Counts {
        std::uint64_t count = 0;
        std::vector<StringId> actions;
    };
    std::unordered_map<std::pair<Ticks, StringId>, std::uint32_t, GroupKeyHash> index;
    std::vector<std::pair<Ticks, StringId>> keys;
    std::vector<Counts> counts;
    std::vector<std::uint32_t> groupOf(rows.size());
    for (std::size_t i = 0; i < rows.size(); ++i) {
        const std::size_t r = rows[i];
        const StringId id = group[d.textId(idField, r)];
        if (id == 0)
            continue; // the null group: never passes `actor_unique_count == 1`
        const std::pair<Ticks, StringId> key {floorTo(d.time(r), p.window), id};
        const auto [it, added] = index.try_emplace(key, static_cast<std::uint32_t>(keys.size()));
        if (added) {
            keys.push_back(key);
            counts.emplace_back();
        }
        Counts &c = counts[it->second];
        ++c.count;
        const StringId op = d.textId(TextField::OperationName, r);
        if (std::find(c.actions.begin(), c.actions.end(), op) == c.actions.end())
            c.actions.push_back(op);
        groupOf[i] = it->second + 1;
    }
    std::vector<Accumulator> passing(keys.size());
    std::vector<std::uint8_t> keep(keys.size(), 0);
    for (std::size_t g = 0; g < keys.size(); ++g)
        keep[g] = counts[g].count >= static_cast<std::uint64_t>(p.minActions)
                && counts[g].actions.size() >= static_cast<std::size_t>(p.minDistinctActions)
            ? 1
            : 0;
    for (std::size_t i = 0; i < rows.size(); ++i)
        if (groupOf[i] && keep[groupOf[i] - 1])
            passing[groupOf[i] - 1].add(d, rows[i], idField);
    for (std::size_t g = 0; g < keys.size(); ++g) {
        if (!keep[g])
            continue;
        const std::string_view identity = d.pool(idField).view(keys[g].second);
        BurstRow row = rowOf(passing[g], keys[g].first, keys[g].first + p.window,
            idField == TextField::CallerIPAddress ? ecsSourceIp(identity) : identity);
        if (passes(row, p))
            out.push_back(std::move(row));
    }
}

// Sliding windows: per identity, every window [t_i, t_i + window) opened by a record; qualifying
// windows that overlap are merged into one burst (so a burst straddling a minute boundary is found).
void slidingWindows(
    const Dataset &d, const std::vector<std::size_t> &rows, const ElasticBurstParams &p, std::vector<BurstRow> &out)
{
    const TextField idField = identityField(p.groupBy);
    std::map<std::string_view, std::vector<std::size_t>> byIdentity;
    for (const std::size_t r : rows)
        if (!d.text(idField, r).empty())
            byIdentity[ecsText(d, idField, r)].push_back(r);
    for (auto &[identity, list] : byIdentity) {
        std::stable_sort(list.begin(), list.end(), [&](std::size_t a, std::size_t b) { return d.time(a) < d.time(b); });
        std::size_t i = 0;
        while (i < list.size()) {
            // Find the first qualifying window starting at or after record i.
            std::size_t start = i, end = i;
            bool found = false;
            for (; start < list.size(); ++start) {
                end = start;
                Accumulator acc;
                while (end < list.size() && d.time(list[end]) < d.time(list[start]) + p.window)
                    acc.add(d, list[end++], idField);
                if (passes(rowOf(acc, 0, 0, identity), p)) {
                    found = true;
                    break;
                }
            }
            if (!found)
                break;
            // Extend while the next window (opened by a later record inside the burst) still qualifies.
            Ticks burstEnd = d.time(list[end - 1]) + p.window;
            std::size_t next = start + 1;
            while (next < end) {
                std::size_t e = next;
                Accumulator acc;
                while (e < list.size() && d.time(list[e]) < d.time(list[next]) + p.window)
                    acc.add(d, list[e++], idField);
                if (e > end && passes(rowOf(acc, 0, 0, identity), p)) {
                    end = e;
                    burstEnd = d.time(list[end - 1]) + p.window;
                }
                ++next;
            }
            Accumulator burst;
            for (std::size_t k = start; k < end; ++k)
                burst.add(d, list[k], idField);
            out.push_back(rowOf(burst, d.time(list[start]), burstEnd, identity));
            i = end;
        }
    }
}

} // namespace

BurstInputFilter::BurstInputFilter(const Dataset &d, const ElasticBurstParams &p)
    : m_op(d.column(TextField::OperationName)), m_app(d.column(TextField::ClaimAppId)),
      m_ip(d.column(TextField::CallerIPAddress)), m_upn(d.column(TextField::ClaimUpn))
{
    const auto listed = [](const std::vector<std::string> &list, std::string_view v) {
        return !v.empty() && std::find(list.begin(), list.end(), v) != list.end();
    };
    m_inScope
        = predicateTable(d.pool(TextField::OperationName), [&](std::string_view v) { return listed(p.operations, v); });
    m_excludes = !p.excludeAppIds.empty() || !p.excludeIps.empty() || !p.excludeAccounts.empty();
    m_excludedApp
        = predicateTable(d.pool(TextField::ClaimAppId), [&](std::string_view v) { return listed(p.excludeAppIds, v); });
    m_excludedIp = predicateTable(
        d.pool(TextField::CallerIPAddress), [&](std::string_view v) { return listed(p.excludeIps, ecsSourceIp(v)); });
    m_excludedUpn = predicateTable(d.pool(TextField::ClaimUpn),
        [&](std::string_view v) { return !v.empty() && inIgnoreAsciiCase(v, p.excludeAccounts); });
}

ElasticBurstResult runElasticBurst(const Dataset &d, const ElasticBurstParams &p)
{
    ElasticBurstResult result;
    const BurstInputFilter reads(d, p);

    const TextField idField = identityField(p.groupBy);
    std::vector<std::size_t> rows;
    std::map<std::string, std::uint64_t> unseen;
    for (std::size_t r = 0; r < d.size(); ++r) {
        if (!reads.passes(r))
            continue;
        rows.push_back(r);
        ++result.blindSpot.recordsInScope;
        if (d.text(idField, r).empty()) {
            ++result.blindSpot.recordsWithoutIdentity;
            ++unseen[std::string(d.text(TextField::CallerIPAddress, r)) + " app "
                + std::string(d.text(TextField::ClaimAppId, r))];
        }
    }
    std::vector<std::pair<std::string, std::uint64_t>> top(unseen.begin(), unseen.end());
    std::stable_sort(top.begin(), top.end(), [](const auto &a, const auto &b) { return a.second > b.second; });
    top.resize(std::min<std::size_t>(top.size(), 10));
    result.blindSpot.topCallers = std::move(top);

    if (p.sliding)
        slidingWindows(d, rows, p, result.alerts);
    else
        fixedWindows(d, rows, p, result.alerts);
    std::stable_sort(result.alerts.begin(), result.alerts.end(), [](const BurstRow &a, const BurstRow &b) {
        return a.timeWindow != b.timeWindow ? a.timeWindow > b.timeWindow : a.identity < b.identity;
    });
    return result;
}

} // namespace kvt::engine
