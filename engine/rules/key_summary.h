// SPDX-License-Identifier: MIT
// One line per series key of a Sentinel result: what the rule made of the key, and the figures an
// analyst sorts by (the keys list of the app).
#pragma once

#include <cstdint>
#include <string_view>
#include <vector>

#include "engine/rules/sentinel_rule.h"

namespace kvt::engine {

/// What the rule did with a key, most urgent first. "Flagged" means a +1 flag (a rise): the rule's
/// `anomalies > 0` keeps rises only, so drops (-1) never alert and leave a key Quiet here.
enum class KeyStatus {
    Alerting, ///< at least one final alert row
    SilencedByJoin, ///< an in-window anomaly passed the model and the baseline, the join raised nothing
    DroppedByBaseline, ///< flagged inside the alert window, but the truncated baseline is not above the threshold
    FlaggedOutsideWindow, ///< flagged only on bins before the alert window
    Quiet ///< never flagged
};

/// "alerting", "silenced-by-join", "dropped-by-baseline", "flagged-outside-window", "quiet".
std::string_view keyStatusName(KeyStatus s);

struct KeySummary {
    std::size_t series = 0; ///< index into SentinelResult::series
    KeyStatus status = KeyStatus::Quiet;
    double latestScore = 0; ///< score of the last bin (the evaluated day with daily bins)
    double maxScore = 0;
    double latestCount = 0;
    double latestBaseline = 0; ///< real baseline of the last bin (before `to typeof(long)`)
    std::size_t alerts = 0; ///< final alert rows of the key
    std::uint64_t records = 0; ///< records the rule counted for the key over the whole axis
    std::size_t flaggedBins = 0;
};

/// One summary per series of @p result, in series order.
std::vector<KeySummary> summarizeKeys(const SentinelResult &result);

} // namespace kvt::engine
