// SPDX-License-Identifier: MIT
// The second half of the Sentinel rule: AnomalyHours, the raw-record side, the innerunique join and
// the final summarize.
#pragma once

#include <span>

#include "engine/rules/sentinel_rule.h"

namespace kvt::engine {

/// Fills @p out.alerts and @p out.outcomes from @p out.anomalies. @p candidates are the rows inside
/// the alert window that pass the shared filters, in row order.
void joinAndSummarize(const Dataset &data, const SentinelParams &params, const TimeAxis &axis,
    std::span<const std::size_t> candidates, SentinelResult &out);

} // namespace kvt::engine
