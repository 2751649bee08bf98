// SPDX-License-Identifier: MIT
#include "engine/rules/right_side.h"

#include <algorithm>
#include <map>
#include <set>
#include <string>
#include <tuple>

namespace kvt::engine {
namespace {

// The `by` columns of the right side's summarize (spec 4.4).
using GroupKey = std::tuple<Ticks, std::string_view, std::string_view, std::string_view, std::string_view,
    std::string_view, std::string_view, std::string_view, std::string_view>;

struct Group {
    std::uint64_t perOperationCount = 0;
    Ticks latest = 0; ///< LatestAnomalyTime = arg_max(TimeGenerated, *)
    std::vector<std::size_t> records;
};

// `column_ifexists(name, default)`: the column exists when the loaded data carry it at all.
std::string_view columnOr(const Dataset &data, TextField f, std::size_t row, std::string_view fallback, bool exists)
{
    return exists ? data.text(f, row) : fallback;
}

bool hasColumn(const Dataset &data, TextField f)
{
    return data.pool(f).size() > 1;
}

template <typename Set> std::vector<std::string> capped(const Set &values, std::size_t cap)
{
    std::vector<std::string> out;
    for (const auto &v : values) {
        if (out.size() == cap)
            break;
        out.emplace_back(v);
    }
    return out;
}

std::string hourRange(Ticks hour)
{
    const std::string start = formatIsoDateTime(hour).substr(11, 5);
    const std::string end = formatIsoDateTime(hour + kTicksPerHour).substr(11, 5);
    return start + "-" + end;
}

} // namespace

void joinAndSummarize(const Dataset &data, const SentinelParams &params, const TimeAxis &axis,
    std::span<const std::size_t> candidates, SentinelResult &out)
{
    const bool byResource = params.seriesKey == SeriesKey::Resource;
    const TextField keyField = byResource ? TextField::Resource : TextField::CallerIPAddress;

    // AnomalyHours: the TimeGenerated (bin start) of every in-window anomaly, all keys together.
    std::set<Ticks> anomalyHours;
    // innerunique: one left row per key survives; we keep the first in bin order.
    std::map<std::string_view, const AnomalyRow *> leftByKey;
    for (const AnomalyRow &a : out.anomalies) {
        anomalyHours.insert(a.bin);
        leftByKey.try_emplace(a.key, &a);
    }

    const bool objidExists = hasColumn(data, TextField::ClaimObjectIdentifier)
        || (params.claimBackfill && hasColumn(data, TextField::ClaimOid));
    const bool oidExists = hasColumn(data, TextField::ClaimOid)
        || (params.claimBackfill && hasColumn(data, TextField::ClaimObjectIdentifier));
    const bool idExists = hasColumn(data, TextField::IdS);
    const bool uriExists = hasColumn(data, TextField::RequestUriS);
    const bool clientExists = hasColumn(data, TextField::ClientInfoS);
    const bool ipExists = hasColumn(data, TextField::CallerIPAddress);

    // The right side: rows in the alert window whose DateHour is an anomaly hour (faithful), or
    // whose bin is an anomalous bin (full-bin), grouped by the summarize's by-columns.
    std::map<GroupKey, Group> groups;
    std::map<std::pair<std::string_view, Ticks>, std::uint64_t> joinedPerAnomaly;
    for (const std::size_t r : candidates) {
        const Ticks t = data.time(r);
        const Ticks hour = floorTo(t, kTicksPerHour);
        const Ticks bin = axis.from + floorTo(t - axis.from, axis.step);
        const Ticks matchAt = params.drilldown == Drilldown::Faithful ? hour : bin;
        if (!anomalyHours.count(matchAt))
            continue;
        const std::string_view joinKey = data.text(keyField, r);
        if (!leftByKey.count(joinKey))
            continue; // the inner join drops right rows of keys without an anomaly
        std::string_view objid = data.text(TextField::ClaimObjectIdentifier, r);
        std::string_view oid = data.text(TextField::ClaimOid, r);
        if (params.claimBackfill) {
            if (objid.empty())
                objid = oid;
            if (oid.empty())
                oid = data.text(TextField::ClaimObjectIdentifier, r);
        }
        const GroupKey key {hour, data.text(TextField::Resource, r), data.text(TextField::OperationName, r),
            columnOr(data, TextField::IdS, r, "None", idExists),
            columnOr(data, TextField::CallerIPAddress, r, "None", ipExists),
            objidExists ? objid : std::string_view("None"), oidExists ? oid : std::string_view(""),
            columnOr(data, TextField::RequestUriS, r, "None", uriExists),
            columnOr(data, TextField::ClientInfoS, r, "None", clientExists)};
        Group &g = groups[key];
        ++g.perOperationCount;
        g.latest = g.records.empty() ? t : std::max(g.latest, t);
        g.records.push_back(r);
        ++joinedPerAnomaly[{leftByKey.at(joinKey)->key, leftByKey.at(joinKey)->bin}];
    }

    // Join on the key, recompute CallerObjectId, then summarize by Resource, id_s, clientInfo_s,
    // LatestAnomalyTime.
    struct Final {
        std::uint64_t eventCount = 0;
        std::set<std::string_view> operations, urls, accounts;
        std::string_view accountMax;
        bool haveMax = false;
        std::string_view callerIp;
        std::vector<std::size_t> records;
        std::set<std::pair<std::string_view, Ticks>> anomalies;
    };
    std::map<std::tuple<std::string_view, std::string_view, std::string_view, Ticks>, Final> finals;
    for (const auto &[key, g] : groups) {
        const auto &[hour, resource, op, idS, ip, objid, oid, uri, client] = key;
        const AnomalyRow &left = *leftByKey.at(byResource ? resource : ip);
        const std::string_view callerObjectId = oid.empty() ? objid : oid;
        Final &f = finals[{resource, idS, client, g.latest}];
        ++f.eventCount;
        f.operations.insert(op);
        f.urls.insert(uri);
        f.accounts.insert(callerObjectId);
        // arg_max(CallerObjectId, *): the greatest id (byte order), first row on ties.
        if (!f.haveMax || callerObjectId > f.accountMax) {
            f.accountMax = callerObjectId;
            f.callerIp = byResource ? ip : std::string_view(left.key);
            f.haveMax = true;
        }
        f.records.insert(f.records.end(), g.records.begin(), g.records.end());
        f.anomalies.insert({left.key, left.bin});
    }

    std::map<std::pair<std::string_view, Ticks>, std::size_t> alertsPerAnomaly;
    for (auto &[key, f] : finals) {
        const auto &[resource, idS, client, latest] = key;
        AlertRow a;
        a.resource = resource;
        a.idS = idS;
        a.clientInfoS = client;
        a.latestAnomalyTime = latest;
        a.eventCount = f.eventCount;
        a.operationNames = capped(f.operations, 1000);
        a.requestUrls = capped(f.urls, 100);
        a.accounts = capped(f.accounts, 100);
        a.accountMax = f.accountMax;
        a.callerIp = f.callerIp;
        std::sort(f.records.begin(), f.records.end());
        a.recordIds = std::move(f.records);
        for (const auto &an : f.anomalies)
            ++alertsPerAnomaly[an];
        out.alerts.push_back(std::move(a));
    }

    // Per anomaly: what the model flagged and what the join let through.
    for (const AnomalyRow &a : out.anomalies) {
        AnomalyOutcome o;
        o.key = a.key;
        o.bin = a.bin;
        o.recordsInBin = static_cast<std::uint64_t>(a.count);
        const std::pair<std::string_view, Ticks> id {a.key, a.bin};
        o.recordsJoined = joinedPerAnomaly.count(id) ? joinedPerAnomaly.at(id) : 0;
        o.alerts = alertsPerAnomaly.count(id) ? alertsPerAnomaly.at(id) : 0;
        o.silenced = o.alerts == 0;
        if (leftByKey.at(a.key) != &a) {
            o.reason
                = "another anomaly of the same key was kept by the innerunique join; its records are reported there";
        } else if (o.silenced && params.drilldown == Drilldown::Faithful) {
            o.reason = "flagged by the model, silenced by the join: no qualifying record of this key in "
                + hourRange(a.bin) + " UTC, the only hour the deployed rule joins (spec 5.7)";
        } else if (o.silenced) {
            o.reason = "flagged by the model, but no qualifying record of this key inside the alert window";
        } else if (params.drilldown == Drilldown::Faithful && o.recordsJoined < o.recordsInBin) {
            o.reason = "the alert describes only " + std::to_string(o.recordsJoined) + " of "
                + std::to_string(o.recordsInBin) + " records: those of " + hourRange(a.bin) + " UTC (spec 5.7)";
        }
        out.outcomes.push_back(std::move(o));
    }
}

} // namespace kvt::engine
