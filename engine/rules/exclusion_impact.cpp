// SPDX-License-Identifier: MIT
#include "engine/rules/exclusion_impact.h"

#include <algorithm>
#include <map>

#include "engine/rules/row_filter.h"

namespace kvt::engine {
namespace {

void addOnce(std::vector<std::string> &list, const std::string &value)
{
    if (std::find(list.begin(), list.end(), value) == list.end())
        list.push_back(value);
}

// The value of @p kind a record carries as the Sentinel rule reads it.
std::string_view sentinelValue(const Dataset &d, ExclusionKind kind, std::size_t r)
{
    switch (kind) {
    case ExclusionKind::AppId: return d.text(TextField::ClaimAppId, r);
    case ExclusionKind::CallerIp: return d.text(TextField::CallerIPAddress, r);
    case ExclusionKind::Account: break;
    }
    const std::string_view upn = d.text(TextField::ClaimUpn, r); // CallerObjectUPN
    return upn.empty() ? d.text(TextField::ClaimUpnLong, r) : upn;
}

// The list of @p p (a SentinelParams, const or not) an exclusion of @p kind goes into.
template <typename P> auto &sentinelList(P &p, ExclusionKind kind)
{
    switch (kind) {
    case ExclusionKind::AppId: return p.allowAppIds;
    case ExclusionKind::CallerIp: return p.excludeCallers;
    case ExclusionKind::Account: break;
    }
    return p.excludeAccounts;
}

// The same for an ElasticBurstParams.
template <typename P> auto &burstList(P &p, ExclusionKind kind)
{
    switch (kind) {
    case ExclusionKind::AppId: return p.excludeAppIds;
    case ExclusionKind::CallerIp: return p.excludeIps;
    case ExclusionKind::Account: break;
    }
    return p.excludeAccounts;
}

// The value as the ES|QL rule lists it: an address as `source.ip` (without a port).
std::string burstValue(const Exclusion &e)
{
    return e.kind == ExclusionKind::CallerIp ? std::string(ecsSourceIp(e.value)) : e.value;
}

std::vector<std::string> difference(const std::vector<std::string> &a, const std::vector<std::string> &b)
{
    std::vector<std::string> out;
    std::set_difference(a.begin(), a.end(), b.begin(), b.end(), std::back_inserter(out));
    return out;
}

} // namespace

std::string_view exclusionKindName(ExclusionKind k)
{
    switch (k) {
    case ExclusionKind::AppId: return "appid";
    case ExclusionKind::CallerIp: return "ip";
    case ExclusionKind::Account: break;
    }
    return "account";
}

SentinelParams withExclusion(SentinelParams p, const Exclusion &e)
{
    addOnce(sentinelList(p, e.kind), e.value);
    return p;
}

ElasticBurstParams withExclusion(ElasticBurstParams p, const Exclusion &e)
{
    addOnce(burstList(p, e.kind), burstValue(e));
    return p;
}

bool excludes(const SentinelParams &p, const Exclusion &e)
{
    const auto &list = sentinelList(p, e.kind);
    return std::find(list.begin(), list.end(), e.value) != list.end();
}

bool excludes(const ElasticBurstParams &p, const Exclusion &e)
{
    const auto &list = burstList(p, e.kind);
    return std::find(list.begin(), list.end(), burstValue(e)) != list.end();
}

std::vector<ExclusionCandidate> exclusionCandidates(const Dataset &data, const SentinelParams &sentinel,
    const ElasticBurstParams &burst, ExclusionKind kind, std::size_t limit)
{
    const RowFilter sentinelReads(data, sentinel);
    const BurstInputFilter burstReads(data, burst);
    std::map<std::string_view, ExclusionCandidate> byValue;
    for (std::size_t r = 0; r < data.size(); ++r) {
        const bool s = sentinelReads.passes(r), b = burstReads.passes(r);
        if (!s && !b)
            continue;
        const std::string_view v = sentinelValue(data, kind, r);
        if (v.empty())
            continue;
        ExclusionCandidate &c = byValue[v];
        c.sentinelRecords += s ? 1 : 0;
        c.burstRecords += b ? 1 : 0;
    }
    std::vector<ExclusionCandidate> out;
    for (auto &[v, c] : byValue) {
        c.value = std::string(v);
        out.push_back(std::move(c));
    }
    std::stable_sort(out.begin(), out.end(), [](const ExclusionCandidate &a, const ExclusionCandidate &b) {
        return a.sentinelRecords + a.burstRecords > b.sentinelRecords + b.burstRecords;
    });
    out.resize(std::min(out.size(), limit));
    return out;
}

ExclusionImpact exclusionImpact(const Dataset &data, const SentinelParams &sentinel, const ElasticBurstParams &burst,
    const BacktestResult &before, const std::vector<BurstBacktestRun> &burstsBefore, const Exclusion &e,
    const std::atomic<bool> *cancel)
{
    ExclusionImpact impact;
    impact.exclusion = e;
    impact.sentinel = withExclusion(sentinel, e);
    impact.burst = withExclusion(burst, e);
    if (before.runs.empty())
        return impact;
    const Ticks firstDay = startOfDay(before.runs.front().now);
    const Ticks lastDay = startOfDay(before.runs.back().now);
    const Ticks runAt = before.runs.front().now - firstDay;
    const BacktestResult after = runBacktest(data, impact.sentinel, firstDay, lastDay, runAt, cancel);
    if (cancel && cancel->load())
        return impact;
    const std::vector<BurstBacktestRun> burstsAfter
        = burstBacktest(runElasticBurst(data, impact.burst), firstDay, lastDay, runAt);

    const std::size_t n = before.runs.size();
    impact.runs.resize(n);
    // The records each rule stops reading, by run: the Sentinel rule's evaluated day is the day before
    // the run's; the ES|QL run reads the 24 hours before it.
    const RowFilter sentinelBefore(data, sentinel), sentinelAfter(data, impact.sentinel);
    const BurstInputFilter burstBefore(data, burst), burstAfter(data, impact.burst);
    const auto runIndex = [&](Ticks t, Ticks shift) -> std::optional<std::size_t> {
        const Ticks day = startOfDay(t - shift) + kTicksPerDay;
        if (day < firstDay || day > lastDay)
            return std::nullopt;
        return static_cast<std::size_t>((day - firstDay) / kTicksPerDay);
    };
    for (std::size_t r = 0; r < data.size(); ++r) {
        const Ticks t = data.time(r);
        if (sentinelBefore.passes(r) && !sentinelAfter.passes(r))
            if (const auto i = runIndex(t, 0))
                ++impact.runs[*i].recordsRemoved;
        if (burstBefore.passes(r) && !burstAfter.passes(r))
            if (const auto i = runIndex(t, runAt))
                ++impact.runs[*i].burstRecordsRemoved;
    }
    for (std::size_t i = 0; i < n; ++i) {
        ExclusionRunImpact &run = impact.runs[i];
        const BacktestRun &a = before.runs[i], &b = after.runs[i];
        run.now = a.now;
        run.alertsBefore = a.alerts.size();
        run.alertsAfter = b.alerts.size();
        run.anomaliesBefore = a.anomalies.size();
        run.anomaliesAfter = b.anomalies.size();
        const auto keysA = a.keys(), keysB = b.keys();
        run.keysLost = difference(keysA, keysB);
        run.keysGained = difference(keysB, keysA);
        run.burstsBefore = i < burstsBefore.size() ? burstsBefore[i].bursts.size() : 0;
        run.burstsAfter = burstsAfter[i].bursts.size();
        impact.alertsBefore += run.alertsBefore;
        impact.alertsAfter += run.alertsAfter;
        impact.anomaliesBefore += run.anomaliesBefore;
        impact.anomaliesAfter += run.anomaliesAfter;
        impact.burstsBefore += run.burstsBefore;
        impact.burstsAfter += run.burstsAfter;
        impact.recordsRemoved += run.recordsRemoved;
        impact.burstRecordsRemoved += run.burstRecordsRemoved;
    }
    return impact;
}

} // namespace kvt::engine
