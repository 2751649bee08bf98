// SPDX-License-Identifier: MIT
#include "engine/report/sentinel_output.h"

namespace kvt::engine {

namespace {

// "00:00-01:00", the time-of-day range the join matched.
std::string hourRange(Ticks from, Ticks to)
{
    return formatIsoDateTime(from).substr(11, 5) + "-" + formatIsoDateTime(to).substr(11, 5);
}

} // namespace

std::string outcomeReason(const AnomalyOutcome &o)
{
    switch (o.kind) {
    case OutcomeKind::FoldedIntoOtherAnomaly:
        return "another anomaly of the same key was kept by the innerunique join; its records are reported there";
    case OutcomeKind::SilencedByFirstHourJoin:
        return "flagged by the model, silenced by the join: no qualifying record of this key in "
            + hourRange(o.joinedFrom, o.joinedTo) + " UTC, the only hour the deployed rule joins (spec 5.7)";
    case OutcomeKind::NoRecordInWindow:
        return "flagged by the model, but no qualifying record of this key inside the alert window";
    case OutcomeKind::AlertedPartly:
        return "the alert describes only " + std::to_string(o.recordsJoined) + " of " + std::to_string(o.recordsInBin)
            + " records: those of " + hourRange(o.joinedFrom, o.joinedTo) + " UTC (spec 5.7)";
    case OutcomeKind::Alerted: break;
    }
    return {};
}

void writeAnomalyRow(JsonWriter &w, const AnomalyRow &a, std::string_view keyColumn)
{
    // Types as after the rule's mv-expand: HourlyCount, anomalies and score real; baseline long.
    w.beginObject();
    w.key(keyColumn).string(a.key);
    w.key("AnomalyHour").string(formatIsoDateTime(a.bin));
    w.key("TimeGenerated").string(formatIsoDateTime(a.bin));
    w.key("HourlyCount").number(a.count);
    w.key("baseline").integer(a.baseline);
    w.key("anomalies").number(a.flag);
    w.key("score").number(a.score);
    w.endObject();
}

void writeAlertRow(JsonWriter &w, const AlertRow &a)
{
    w.beginObject();
    w.key("Resource").string(a.resource);
    w.key("id_s").string(a.idS);
    w.key("clientInfo_s").string(a.clientInfoS);
    w.key("LatestAnomalyTime").string(formatIsoDateTime(a.latestAnomalyTime));
    w.key("EventCount").integer(static_cast<long long>(a.eventCount));
    w.key("OperationNameList").strings(a.operationNames);
    w.key("RequestURLList").strings(a.requestUrls);
    w.key("AccountList").strings(a.accounts);
    w.key("AccountMax").string(a.accountMax);
    w.key("CallerIPAddress").string(a.callerIp);
    w.key("timestamp").string(formatIsoDateTime(a.latestAnomalyTime));
    w.key("records").integer(static_cast<long long>(a.recordIds.size()));
    // The rule's entity mapping: Account.Name <- AccountMax, IP.Address <- CallerIPAddress.
    w.key("entities").beginArray();
    w.beginObject().key("entityType").string("Account").key("Name").string(a.accountMax).endObject();
    w.beginObject().key("entityType").string("IP").key("Address").string(a.callerIp).endObject();
    w.endArray();
    w.endObject();
}

void writeOutcome(JsonWriter &w, const AnomalyOutcome &o)
{
    w.beginObject();
    w.key("key").string(o.key);
    w.key("bin").string(formatIsoDateTime(o.bin));
    w.key("records_in_bin").integer(static_cast<long long>(o.recordsInBin));
    w.key("records_joined").integer(static_cast<long long>(o.recordsJoined));
    w.key("alerts").integer(static_cast<long long>(o.alerts));
    w.key("silenced").boolean(o.silenced);
    w.key("reason").string(outcomeReason(o));
    w.endObject();
}

void writeScoredSeries(JsonWriter &w, const ScoredSeries &s)
{
    w.beginObject();
    w.key("key").string(s.key);
    w.key("period").integer(s.result.parts.period);
    w.key("counts").beginArray();
    for (const double c : s.counts)
        w.integer(static_cast<long long>(c));
    w.endArray();
    w.key("baseline").numbers(s.result.parts.baseline);
    w.key("scores").numbers(s.result.scores);
    w.key("flags").integers(s.result.flags);
    w.endObject();
}

} // namespace kvt::engine
