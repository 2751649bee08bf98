// SPDX-License-Identifier: MIT
// What a backtest says in the analyst's terms: alerts per day, the busiest keys, and with a pinned A
// what B gains and loses, per day and per key. Pure; QtCore only.
#pragma once

#include <string>
#include <vector>

#include "model/backtest_job.h"

namespace kvt::model {

/// One scheduled run. The A fields are -1 / empty without a pinned side.
struct BacktestDayRow {
    engine::Ticks now = 0;
    int alerts = 0; ///< B (current): the Sentinel rule's alert rows
    int anomalies = 0;
    int bursts = 0; ///< the ES|QL rule's alerts
    int alertsA = -1;
    int burstsA = -1;
    std::vector<std::string> alertingKeys; ///< keys with an alert row in B's run, sorted
    std::vector<std::string> gained; ///< alerting in B, not in A
    std::vector<std::string> lost; ///< alerting in A, not in B
};

/// One key over every run.
struct BacktestKeyRow {
    std::string key;
    int alerts = 0; ///< B's alert rows over all runs
    int days = 0; ///< runs in which B alerts on it
    int alertsA = -1;
    int daysA = -1;
    engine::Ticks lastAlertNow = 0; ///< B's last run that alerted on it (0: none); A's when B has none
};

struct BacktestSummary {
    bool compared = false; ///< a pinned A is part of it
    std::vector<BacktestDayRow> days;
    /// Keys that alert on either side: most B alerts first; compared, the greatest change first.
    std::vector<BacktestKeyRow> keys;
    int alerts = 0, alertsA = -1, bursts = 0, burstsA = -1;
    int alertingDays = 0; ///< runs with at least one B alert
};

BacktestSummary summarizeBacktest(const BacktestOutcome &outcome);

} // namespace kvt::model
