// SPDX-License-Identifier: MIT
// The Sentinel rule "Azure Key Vault access TimeSeries anomaly", stage by stage, over the canonical
// store (kql-semantics.md sections 0, 4 and 5).
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "engine/rules/sentinel_params.h"
#include "engine/series/decompose.h"
#include "engine/series/make_series.h"
#include "engine/store/dataset.h"

namespace kvt::engine {

/// One scored series (stage TimeSeriesData + series_decompose_anomalies).
struct ScoredSeries {
    std::string key;
    std::vector<double> counts;
    AnomalyResult result;
};

/// A row of the rule's TimeSeriesAlerts (after mv-expand, `anomalies > 0`, `baseline > threshold`).
struct AnomalyRow {
    std::string key; ///< CallerIPAddress (or Resource)
    Ticks bin = 0; ///< AnomalyHour = TimeGenerated = bin start
    double count = 0; ///< HourlyCount
    std::int64_t baseline = 0; ///< truncated, as `to typeof(long)`
    double baselineReal = 0;
    double score = 0;
    int flag = 0;
};

/// A final alert row, with the rule's own columns.
struct AlertRow {
    std::string resource;
    std::string idS;
    std::string clientInfoS;
    Ticks latestAnomalyTime = 0;
    std::uint64_t eventCount = 0; ///< joined right-side groups, not records (spec 5.10)
    std::vector<std::string> operationNames;
    std::vector<std::string> requestUrls;
    std::vector<std::string> accounts;
    std::string accountMax; ///< greatest CallerObjectId (spec 5.13)
    std::string callerIp;
    std::vector<std::size_t> recordIds; ///< the records behind this alert, for the drill-down
};

/// What happened to one in-window anomaly between the model and the final output.
struct AnomalyOutcome {
    std::string key;
    Ticks bin = 0;
    std::uint64_t recordsInBin = 0; ///< qualifying records of the key in the whole bin
    std::uint64_t recordsJoined = 0; ///< records the chosen drill-down joined
    std::size_t alerts = 0; ///< final rows it produced
    bool silenced = false; ///< flagged by the model, no alert row
    std::string reason; ///< why it was silenced or reduced, in words
};

struct SentinelResult {
    SentinelParams params; ///< as run, `now` resolved
    TimeAxis axis;
    std::vector<ScoredSeries> series; ///< every key, sorted
    std::vector<AnomalyRow> timeSeriesAlerts; ///< every bin that passed the model and baseline filters
    std::vector<AnomalyRow> anomalies; ///< those inside the alert window
    std::vector<AlertRow> alerts;
    std::vector<AnomalyOutcome> outcomes; ///< one per anomaly
};

/// Runs the rule over one dataset, caching what parameter changes do not invalidate:
/// series counts (until the time range, bin, key, allow-list or operations change) and scores
/// (until the model parameters change). A threshold change only re-flags; an allow-list or
/// operation change rescans the counts and rescores only the keys whose series changed.
/// Not thread-safe: one runner per thread.
class SentinelRule {
public:
    explicit SentinelRule(std::shared_ptr<const Dataset> data);

    SentinelResult run(const SentinelParams &params);

    /// Counters for tests and benchmarks: how often the expensive stages actually ran.
    int seriesBuilds() const { return m_seriesBuilds; }
    int scoreRuns() const { return m_scoreRuns; } ///< full rescoring passes (model changes)
    int seriesScored() const { return m_seriesScored; } ///< series decomposed in total

private:
    struct Cache;
    void refreshSeries(const SentinelParams &params, const TimeAxis &axis, Ticks windowStart);
    void refreshScores(const SentinelParams &params);

    std::shared_ptr<const Dataset> m_data;
    std::shared_ptr<Cache> m_cache;
    int m_seriesBuilds = 0;
    int m_scoreRuns = 0;
    int m_seriesScored = 0;
};

} // namespace kvt::engine
