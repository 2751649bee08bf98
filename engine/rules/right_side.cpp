// SPDX-License-Identifier: MIT
// One function per stage of the query's second half (kql-semantics.md sections 0.3-0.5, 4.3-4.5):
// AnomalyHours and the left side, the right side's `summarize ... by bin(TimeGenerated, 1h), ...`,
// the innerunique join with the final `summarize ... by Resource, id_s, clientInfo_s,
// LatestAnomalyTime`, the projection of the alert rows, and what became of each anomaly.
#include "engine/rules/right_side.h"

#include <algorithm>
#include <string>
#include <tuple>

namespace kvt::engine {

JoinLeftSide::JoinLeftSide(const SentinelParams &params, const TimeAxis &axis, std::span<const AnomalyRow> anomalies)
    : m_axis(axis), m_faithful(params.drilldown == Drilldown::Faithful)
{
    for (const AnomalyRow &a : anomalies) {
        m_hours.insert(a.bin);
        m_byKey.try_emplace(a.key, &a);
    }
}

bool JoinLeftSide::matchesTime(Ticks t) const
{
    const Ticks matchAt = m_faithful ? floorTo(t, kTicksPerHour) : m_axis.from + floorTo(t - m_axis.from, m_axis.step);
    return m_hours.count(matchAt) > 0;
}

const AnomalyRow *JoinLeftSide::keptRow(std::string_view key) const
{
    const auto it = m_byKey.find(key);
    return it == m_byKey.end() ? nullptr : it->second;
}

namespace {

using AnomalyId = std::pair<std::string_view, Ticks>; // key, bin

// The `by` columns of the right side's summarize (spec 4.4).
using GroupKey = std::tuple<Ticks, std::string_view, std::string_view, std::string_view, std::string_view,
    std::string_view, std::string_view, std::string_view, std::string_view>;

struct Group {
    std::uint64_t perOperationCount = 0;
    Ticks latest = 0; ///< LatestAnomalyTime = arg_max(TimeGenerated, *)
    std::vector<std::size_t> records;
};

struct RightSide {
    std::map<GroupKey, Group> groups;
    std::map<AnomalyId, std::uint64_t> joinedPerAnomaly;
};

// `column_ifexists(name, default)`: a column exists when the loaded data carry it at all.
struct RightColumns {
    bool objid = false, oid = false, id = false, uri = false, client = false, ip = false;
};

bool hasColumn(const Dataset &data, TextField f)
{
    return data.pool(f).size() > 1;
}

RightColumns rightColumns(const Dataset &data, const SentinelParams &params)
{
    RightColumns c;
    c.objid = hasColumn(data, TextField::ClaimObjectIdentifier)
        || (params.claimBackfill && hasColumn(data, TextField::ClaimOid));
    c.oid = hasColumn(data, TextField::ClaimOid)
        || (params.claimBackfill && hasColumn(data, TextField::ClaimObjectIdentifier));
    c.id = hasColumn(data, TextField::IdS);
    c.uri = hasColumn(data, TextField::RequestUriS);
    c.client = hasColumn(data, TextField::ClientInfoS);
    c.ip = hasColumn(data, TextField::CallerIPAddress);
    return c;
}

// The right side's extend (column_ifexists defaults, the optional claim backfill) and its by-columns.
GroupKey rightGroupKey(const Dataset &data, const RightColumns &cols, bool claimBackfill, std::size_t r)
{
    auto columnOr = [&](TextField f, bool exists) { return exists ? data.text(f, r) : std::string_view("None"); };
    std::string_view objid = data.text(TextField::ClaimObjectIdentifier, r);
    std::string_view oid = data.text(TextField::ClaimOid, r);
    if (claimBackfill) {
        if (objid.empty())
            objid = oid;
        if (oid.empty())
            oid = data.text(TextField::ClaimObjectIdentifier, r);
    }
    return {floorTo(data.time(r), kTicksPerHour), data.text(TextField::Resource, r),
        data.text(TextField::OperationName, r), columnOr(TextField::IdS, cols.id),
        columnOr(TextField::CallerIPAddress, cols.ip), cols.objid ? objid : std::string_view("None"),
        cols.oid ? oid : std::string_view(""), columnOr(TextField::RequestUriS, cols.uri),
        columnOr(TextField::ClientInfoS, cols.client)};
}

// The right side: rows in the alert window whose DateHour is an anomaly hour (faithful), or whose
// bin is an anomalous bin (full-bin), of keys the left side has (the inner join drops the others),
// summarized by the by-columns.
RightSide summarizeRightSide(const Dataset &data, const SentinelParams &params, const JoinLeftSide &left,
    std::span<const std::size_t> candidates)
{
    const TextField keyField = seriesKeyField(params.seriesKey);
    const RightColumns cols = rightColumns(data, params);
    RightSide right;
    for (const std::size_t r : candidates) {
        const Ticks t = data.time(r);
        if (!left.matchesTime(t))
            continue;
        const AnomalyRow *kept = left.keptRow(data.text(keyField, r));
        if (!kept)
            continue;
        Group &g = right.groups[rightGroupKey(data, cols, params.claimBackfill, r)];
        ++g.perOperationCount;
        g.latest = g.records.empty() ? t : std::max(g.latest, t);
        g.records.push_back(r);
        ++right.joinedPerAnomaly[{kept->key, kept->bin}];
    }
    return right;
}

// A row of the final summarize, before its make_set caps.
struct Final {
    std::uint64_t eventCount = 0;
    std::set<std::string_view> operations, urls, accounts;
    std::string_view accountMax;
    bool haveMax = false;
    std::string_view callerIp;
    std::vector<std::size_t> records;
    std::set<AnomalyId> anomalies;
};
using FinalKey = std::tuple<std::string_view, std::string_view, std::string_view, Ticks>;

// The innerunique join on the key, the recomputed CallerObjectId, then `summarize EventCount=count(),
// make_set(...), AccountMax=arg_max(CallerObjectId, *) by Resource, id_s, clientInfo_s, LatestAnomalyTime`.
std::map<FinalKey, Final> joinAndSummarizeFinal(const RightSide &right, const JoinLeftSide &left, bool byResource)
{
    std::map<FinalKey, Final> finals;
    for (const auto &[key, g] : right.groups) {
        const auto &[hour, resource, op, idS, ip, objid, oid, uri, client] = key;
        const AnomalyRow &kept = *left.keptRow(byResource ? resource : ip);
        const std::string_view callerObjectId = oid.empty() ? objid : oid;
        Final &f = finals[{resource, idS, client, g.latest}];
        ++f.eventCount;
        f.operations.insert(op);
        f.urls.insert(uri);
        f.accounts.insert(callerObjectId);
        // arg_max(CallerObjectId, *): the greatest id (byte order), first row on ties.
        if (!f.haveMax || callerObjectId > f.accountMax) {
            f.accountMax = callerObjectId;
            f.callerIp = byResource ? ip : std::string_view(kept.key);
            f.haveMax = true;
        }
        f.records.insert(f.records.end(), g.records.begin(), g.records.end());
        f.anomalies.insert({kept.key, kept.bin});
    }
    return finals;
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

// The alert rows with the rule's columns (make_set caps 1000 and 100); returns how many alerts each
// anomaly fed.
std::map<AnomalyId, std::size_t> projectAlerts(std::map<FinalKey, Final> &finals, std::vector<AlertRow> &alerts)
{
    std::map<AnomalyId, std::size_t> alertsPerAnomaly;
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
        alerts.push_back(std::move(a));
    }
    return alertsPerAnomaly;
}

OutcomeKind outcomeKind(const AnomalyOutcome &o, bool kept, bool faithful)
{
    if (!kept)
        return OutcomeKind::FoldedIntoOtherAnomaly;
    if (o.silenced)
        return faithful ? OutcomeKind::SilencedByFirstHourJoin : OutcomeKind::NoRecordInWindow;
    return faithful && o.recordsJoined < o.recordsInBin ? OutcomeKind::AlertedPartly : OutcomeKind::Alerted;
}

// Per anomaly: what the model flagged and what the join let through.
void anomalyOutcomes(const SentinelParams &params, const TimeAxis &axis, const JoinLeftSide &left,
    const RightSide &right, const std::map<AnomalyId, std::size_t> &alertsPerAnomaly, SentinelResult &out)
{
    const bool faithful = params.drilldown == Drilldown::Faithful;
    for (const AnomalyRow &a : out.anomalies) {
        AnomalyOutcome o;
        o.key = a.key;
        o.bin = a.bin;
        o.recordsInBin = static_cast<std::uint64_t>(a.count);
        const AnomalyId id {a.key, a.bin};
        o.recordsJoined = right.joinedPerAnomaly.count(id) ? right.joinedPerAnomaly.at(id) : 0;
        o.alerts = alertsPerAnomaly.count(id) ? alertsPerAnomaly.at(id) : 0;
        o.silenced = o.alerts == 0;
        o.kind = outcomeKind(o, left.keptRow(a.key) == &a, faithful);
        o.joinedFrom = a.bin;
        o.joinedTo = a.bin + (faithful ? kTicksPerHour : axis.step);
        out.outcomes.push_back(std::move(o));
    }
}

} // namespace

void joinAndSummarize(const Dataset &data, const SentinelParams &params, const TimeAxis &axis,
    std::span<const std::size_t> candidates, SentinelResult &out)
{
    const JoinLeftSide left(params, axis, out.anomalies);
    const RightSide right = summarizeRightSide(data, params, left, candidates);
    auto finals = joinAndSummarizeFinal(right, left, params.seriesKey == SeriesKey::Resource);
    const auto alertsPerAnomaly = projectAlerts(finals, out.alerts);
    anomalyOutcomes(params, axis, left, right, alertsPerAnomaly, out);
}

} // namespace kvt::engine
