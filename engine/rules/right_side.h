// SPDX-License-Identifier: MIT
// The second half of the Sentinel rule: AnomalyHours, the raw-record side, the innerunique join and
// the final summarize.
#pragma once

#include <map>
#include <set>
#include <span>
#include <string_view>

#include "engine/rules/sentinel_rule.h"

namespace kvt::engine {

/// The left side of the rule's join: `AnomalyHours` (the TimeGenerated of every in-window anomaly,
/// all keys together) and, per key, the one anomaly row innerunique keeps (the first in bin order).
/// Holds pointers into @p anomalies, which must outlive it.
class JoinLeftSide {
public:
    JoinLeftSide(const SentinelParams &params, const TimeAxis &axis, std::span<const AnomalyRow> anomalies);

    /// `DateHour in (AnomalyHours)` for a record at @p t (faithful), or "its bin is an anomalous
    /// bin" (full-bin).
    bool matchesTime(Ticks t) const;
    /// The anomaly row innerunique keeps for @p key; null when the key has no in-window anomaly.
    const AnomalyRow *keptRow(std::string_view key) const;

private:
    std::set<Ticks> m_hours;
    std::map<std::string_view, const AnomalyRow *> m_byKey;
    TimeAxis m_axis;
    bool m_faithful = true;
};

/// Fills @p out.alerts and @p out.outcomes from @p out.anomalies. @p candidates are the rows inside
/// the alert window that pass the shared filters, in row order.
void joinAndSummarize(const Dataset &data, const SentinelParams &params, const TimeAxis &axis,
    std::span<const std::size_t> candidates, SentinelResult &out);

} // namespace kvt::engine
