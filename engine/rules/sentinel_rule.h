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

/// Why an in-window anomaly produced the alerts it did (the words live in engine/report).
enum class OutcomeKind {
    Alerted, ///< the join attached every record of the bin (or full-bin drill-down)
    AlertedPartly, ///< faithful join: fewer records than the bin holds, those of its first hour
    SilencedByFirstHourJoin, ///< faithful join: no qualifying record of the key in the bin's first hour
    NoRecordInWindow, ///< full-bin: no qualifying record of the key inside the alert window
    FoldedIntoOtherAnomaly ///< innerunique kept another anomaly of the same key; its alerts hold the records
};

/// What happened to one in-window anomaly between the model and the final output.
struct AnomalyOutcome {
    std::string key;
    Ticks bin = 0;
    std::uint64_t recordsInBin = 0; ///< qualifying records of the key in the whole bin
    std::uint64_t recordsJoined = 0; ///< records the chosen drill-down joined
    std::size_t alerts = 0; ///< final rows it produced
    bool silenced = false; ///< flagged by the model, no alert row
    OutcomeKind kind = OutcomeKind::Alerted;
    Ticks joinedFrom = 0; ///< the time range the join matched for this bin: its first hour (faithful)
    Ticks joinedTo = 0; ///< or the whole bin (full-bin); exclusive end
};

/// How the series are keyed and binned, for labels that must not assume "caller IP" or "per day".
struct SeriesShape {
    std::string keyColumn = "CallerIPAddress"; ///< the make-series by column: CallerIPAddress or Resource
    Ticks step = kTicksPerDay; ///< bin length
};

struct SentinelResult {
    SentinelParams params; ///< as run, `now` resolved
    TimeAxis axis;
    SeriesShape shape;
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
