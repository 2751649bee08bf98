// SPDX-License-Identifier: MIT
// The scheduled Sentinel rule replayed once a day (queryFrequency 1d) over the loaded history: what
// it would have raised on each day. One pass of counts serves every day; each day's look-back is a
// slice of it, scored and joined as that day's run would.
#pragma once

#include <atomic>
#include <optional>
#include <string>
#include <vector>

#include "engine/rules/elastic_burst.h"
#include "engine/rules/sentinel_rule.h"

namespace kvt::engine {

/// One scheduled run.
struct BacktestRun {
    Ticks now = 0; ///< the run time (the day at 00:00 UTC plus the run-at time of day)
    TimeAxis axis; ///< its look-back
    std::vector<AnomalyRow> anomalies; ///< in-window anomalies (after the baseline filter)
    std::vector<AlertRow> alerts; ///< the rule's output rows (recordIds left empty: ask the day's run)
    std::size_t silenced = 0; ///< anomalies the join turned into no alert
    /// The anomalous keys, sorted (byte order), without repeats.
    std::vector<std::string> keys() const;
};

struct BacktestResult {
    SentinelParams params; ///< as run (`now` unset: each run has its own)
    std::vector<BacktestRun> runs; ///< one per day, in day order
    bool sharedCounts = true; ///< false when the bin does not divide a day and each day ran alone
};

/// The days a backtest covers by default: every day whose run has a full look-back inside the data
/// (its first bin starts on or after the first record's day) up to the run that evaluates the last
/// record's day. Both are day starts (UTC); empty data or too short a history gives first > last.
struct BacktestDays {
    Ticks first = 0;
    Ticks last = 0;
};
BacktestDays defaultBacktestDays(const Dataset &data, const SentinelParams &params);

/// Runs the Sentinel rule with @p params (its `now` ignored) once per day from @p firstDay to
/// @p lastDay (day starts, inclusive) at @p runAt past midnight. Each run equals
/// `SentinelRule(data).run(params with now = day + runAt)` in anomalies and alerts. @p cancel, when
/// set, stops between days (the runs so far are returned). Reads only: safe from any thread.
BacktestResult runBacktest(const Dataset &data, const SentinelParams &params, Ticks firstDay, Ticks lastDay,
    Ticks runAt, const std::atomic<bool> *cancel = nullptr);

/// The ES|QL rule on the same days: each run at day + @p runAt raises the bursts whose window starts
/// in the 24 hours before it (a daily schedule with a one-day look-back; the rule's windows do not
/// depend on when it runs, so one pass of bursts serves every day).
struct BurstBacktestRun {
    Ticks now = 0;
    std::vector<std::size_t> bursts; ///< indices into ElasticBurstResult::alerts
    std::vector<std::string> identities; ///< their identities, sorted, without repeats
};
std::vector<BurstBacktestRun> burstBacktest(
    const ElasticBurstResult &bursts, Ticks firstDay, Ticks lastDay, Ticks runAt);

} // namespace kvt::engine
