// SPDX-License-Identifier: MIT
#include "engine/report/rule_documents.h"

#include "engine/report/burst_output.h"
#include "engine/report/json_writer.h"
#include "engine/report/params_json.h"
#include "engine/report/sentinel_output.h"

namespace kvt::engine {
namespace {

void writeInput(JsonWriter &w, const InputCounts &input)
{
    w.key("input").beginObject().key("records").integer(static_cast<long long>(input.records));
    w.key("rejected").integer(static_cast<long long>(input.rejected)).endObject();
}

void writeBlindSpot(JsonWriter &w, const BlindSpot &b, const ElasticBurstParams &params)
{
    w.key("blind_spot").beginObject();
    w.key("group_by").string(burstIdentityColumn(params.groupBy));
    w.key("records_in_scope").integer(static_cast<long long>(b.recordsInScope));
    w.key("records_without_identity").integer(static_cast<long long>(b.recordsWithoutIdentity));
    w.key("note").string(blindSpotNote(b, params));
    w.key("top_callers_without_identity").beginArray();
    for (const auto &[caller, count] : b.topCallers)
        w.beginObject().key("caller").string(caller).key("records").integer(static_cast<long long>(count)).endObject();
    w.endArray().endObject();
}

} // namespace

std::string blindSpotNote(const BlindSpot &b, const ElasticBurstParams &params)
{
    if (b.recordsWithoutIdentity == 0)
        return "every in-scope record carries the grouping identity";
    return "records without the grouping identity form ES|QL's null group, which never passes "
        + burstCountDistinctColumn(params) + " == 1: the rule cannot see them (try --group-by appid or ip)";
}

std::string detectDocument(const InputCounts &input, const SentinelResult &r)
{
    JsonWriter w;
    w.beginObject();
    w.key("rule").string("sentinel-timeseries");
    w.key("now").string(formatIsoDateTime(r.params.now.value_or(0)));
    w.key("params");
    writeParams(w, r.params);
    writeInput(w, input);
    w.key("anomalies").beginArray();
    for (const auto &a : r.anomalies)
        writeAnomalyRow(w, a, r.shape.keyColumn);
    w.endArray();
    w.key("alerts").beginArray();
    for (const auto &a : r.alerts)
        writeAlertRow(w, a);
    w.endArray();
    w.key("outcomes").beginArray();
    for (const auto &o : r.outcomes)
        writeOutcome(w, o);
    w.endArray().endObject();
    return w.take() + "\n";
}

std::string seriesDocument(const SentinelResult &r)
{
    JsonWriter w;
    w.beginObject();
    w.key("now").string(formatIsoDateTime(r.params.now.value_or(0)));
    w.key("params");
    writeParams(w, r.params);
    w.key("bins").beginArray();
    for (std::size_t b = 0; b < r.axis.bins; ++b)
        w.string(formatIsoDateTime(r.axis.binStart(b)));
    w.endArray();
    w.key("series").beginArray();
    for (const auto &series : r.series)
        writeScoredSeries(w, series);
    w.endArray().endObject();
    return w.take() + "\n";
}

std::string burstDetectDocument(const InputCounts &input, const ElasticBurstParams &params, const ElasticBurstResult &r)
{
    JsonWriter w;
    w.beginObject();
    w.key("rule").string("elastic-burst");
    w.key("params");
    writeParams(w, params);
    writeInput(w, input);
    w.key("anomalies").beginArray().endArray();
    w.key("alerts").beginArray();
    for (const auto &a : r.alerts)
        writeBurstRow(w, a, params);
    w.endArray();
    writeBlindSpot(w, r.blindSpot, params);
    w.endObject();
    return w.take() + "\n";
}

} // namespace kvt::engine
