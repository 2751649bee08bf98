// SPDX-License-Identifier: MIT
#include "model/backtest_summary.h"

#include <algorithm>
#include <cstdlib>
#include <map>

namespace kvt::model {
namespace {

// The series key of an alert row: the rule keys by caller or by vault.
const std::string &alertKey(const engine::AlertRow &a, engine::SeriesKey key)
{
    return key == engine::SeriesKey::Resource ? a.resource : a.callerIp;
}

std::vector<std::string> alertingKeys(const engine::BacktestRun &run, engine::SeriesKey key)
{
    std::vector<std::string> keys;
    for (const auto &a : run.alerts)
        keys.push_back(alertKey(a, key));
    std::sort(keys.begin(), keys.end());
    keys.erase(std::unique(keys.begin(), keys.end()), keys.end());
    return keys;
}

std::vector<std::string> minus(const std::vector<std::string> &a, const std::vector<std::string> &b)
{
    std::vector<std::string> out;
    std::set_difference(a.begin(), a.end(), b.begin(), b.end(), std::back_inserter(out));
    return out;
}

struct KeyTally {
    int alerts = 0, days = 0, alertsA = 0, daysA = 0;
    engine::Ticks last = 0, lastA = 0;
};

} // namespace

BacktestSummary summarizeBacktest(const BacktestOutcome &outcome)
{
    BacktestSummary s;
    const BacktestSide &b = outcome.current;
    const BacktestSide *a = outcome.pinned ? &*outcome.pinned : nullptr;
    s.compared = a != nullptr;
    s.alertsA = a ? 0 : -1;
    s.burstsA = a ? 0 : -1;
    std::map<std::string, KeyTally> tallies;
    for (std::size_t i = 0; i < b.sentinel.runs.size(); ++i) {
        const engine::BacktestRun &run = b.sentinel.runs[i];
        BacktestDayRow day;
        day.now = run.now;
        day.alerts = static_cast<int>(run.alerts.size());
        day.anomalies = static_cast<int>(run.anomalies.size());
        day.bursts = i < b.burst.size() ? static_cast<int>(b.burst[i].bursts.size()) : 0;
        day.alertingKeys = alertingKeys(run, b.params.sentinel.seriesKey);
        for (const auto &alert : run.alerts) {
            KeyTally &t = tallies[alertKey(alert, b.params.sentinel.seriesKey)];
            ++t.alerts;
            t.last = run.now;
        }
        for (const auto &key : day.alertingKeys)
            ++tallies[key].days;
        if (a && i < a->sentinel.runs.size()) {
            const engine::BacktestRun &runA = a->sentinel.runs[i];
            day.alertsA = static_cast<int>(runA.alerts.size());
            day.burstsA = i < a->burst.size() ? static_cast<int>(a->burst[i].bursts.size()) : 0;
            const auto keysA = alertingKeys(runA, a->params.sentinel.seriesKey);
            day.gained = minus(day.alertingKeys, keysA);
            day.lost = minus(keysA, day.alertingKeys);
            for (const auto &alert : runA.alerts) {
                KeyTally &t = tallies[alertKey(alert, a->params.sentinel.seriesKey)];
                ++t.alertsA;
                t.lastA = runA.now;
            }
            for (const auto &key : keysA)
                ++tallies[key].daysA;
            s.alertsA += day.alertsA;
            s.burstsA += day.burstsA;
        }
        s.alerts += day.alerts;
        s.bursts += day.bursts;
        s.alertingDays += day.alerts > 0 ? 1 : 0;
        s.days.push_back(std::move(day));
    }
    for (const auto &[key, t] : tallies)
        s.keys.push_back({key, t.alerts, t.days, a ? t.alertsA : -1, a ? t.daysA : -1, t.last ? t.last : t.lastA});
    std::stable_sort(s.keys.begin(), s.keys.end(), [compared = s.compared](const auto &x, const auto &y) {
        if (compared) {
            const int dx = std::abs(x.alerts - x.alertsA), dy = std::abs(y.alerts - y.alertsA);
            if (dx != dy)
                return dx > dy;
        }
        return x.alerts > y.alerts;
    });
    return s;
}

} // namespace kvt::model
