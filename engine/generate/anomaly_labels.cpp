// SPDX-License-Identifier: MIT
#include "engine/generate/anomaly_labels.h"

#include <cmath>

#include <nlohmann/json.hpp>

namespace kvt::engine {

nlohmann::json labelsJson(const GeneratorOptions &options, const GenerationSummary &summary)
{
    nlohmann::json anomalies = nlohmann::json::array();
    for (const auto &a : summary.anomalies) {
        anomalies.push_back({{"kind", a.kind}, {"CallerIPAddress", a.callerIp}, {"Resource", a.vault},
            {"day", formatIsoDateTime(a.day)}, {"start", formatIsoDateTime(a.day + a.startHour * kTicksPerHour)},
            {"hours", a.hours}, {"extra_records", a.extraRecords},
            {"typical_daily", std::round(a.typicalDaily * 10) / 10}, {"note", a.expectation}});
    }
    return {{"generator", "kvtriage-cli generate"}, {"seed", options.seed}, {"days", options.days},
        {"keys", options.keys}, {"scenario", options.scenario}, {"first", formatIsoDateTime(summary.first)},
        {"end", formatIsoDateTime(summary.end)}, {"records", summary.records}, {"anomalies", anomalies}};
}

} // namespace kvt::engine
