// SPDX-License-Identifier: MIT
#include "engine/report/backtest_document.h"

#include "engine/core/json_writer.h"
#include "engine/report/params_json.h"

namespace kvt::engine {
namespace {

void writeRuns(JsonWriter &w, const BacktestResult &r)
{
    w.beginArray();
    for (const BacktestRun &run : r.runs) {
        const std::vector<std::string> keys = run.keys();
        w.beginObject();
        w.key("now").string(formatIsoDateTime(run.now));
        w.key("alerts").integer(static_cast<long long>(run.alerts.size()));
        w.key("anomalous_keys").integer(static_cast<long long>(keys.size()));
        w.key("keys").strings(keys);
        w.key("anomalies").integer(static_cast<long long>(run.anomalies.size()));
        w.key("silenced").integer(static_cast<long long>(run.silenced));
        w.endObject();
    }
    w.endArray();
}

void writeBurstRuns(JsonWriter &w, const std::vector<BurstBacktestRun> &runs)
{
    w.beginArray();
    for (const BurstBacktestRun &run : runs) {
        w.beginObject();
        w.key("now").string(formatIsoDateTime(run.now));
        w.key("alerts").integer(static_cast<long long>(run.bursts.size()));
        w.key("anomalous_keys").integer(static_cast<long long>(run.identities.size()));
        w.key("keys").strings(run.identities);
        w.endObject();
    }
    w.endArray();
}

} // namespace

std::string backtestDocument(const BacktestResult &runs, const BacktestResult *compare)
{
    JsonWriter w;
    w.beginObject();
    w.key("rule").string("sentinel-timeseries");
    w.key("params");
    writeParams(w, runs.params);
    w.key("runs");
    writeRuns(w, runs);
    if (compare) {
        w.key("compare_params");
        writeParams(w, compare->params);
        w.key("compare");
        writeRuns(w, *compare);
    }
    w.endObject();
    return w.take() + "\n";
}

std::string burstBacktestDocument(const ElasticBurstParams &params, const std::vector<BurstBacktestRun> &runs,
    const ElasticBurstParams *compareParams, const std::vector<BurstBacktestRun> *compare)
{
    JsonWriter w;
    w.beginObject();
    w.key("rule").string("elastic-burst");
    w.key("params");
    writeParams(w, params);
    w.key("runs");
    writeBurstRuns(w, runs);
    if (compareParams && compare) {
        w.key("compare_params");
        writeParams(w, *compareParams);
        w.key("compare");
        writeBurstRuns(w, *compare);
    }
    w.endObject();
    return w.take() + "\n";
}

} // namespace kvt::engine
