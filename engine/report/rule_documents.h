// SPDX-License-Identifier: MIT
// The documents the rule commands print (spec/cli.md `series` and `detect`), built once here so the
// CLI, the GUI's exports and the reports produce the very same bytes.
#pragma once

#include <cstdint>
#include <string>

#include "engine/rules/elastic_burst.h"
#include "engine/rules/sentinel_rule.h"

namespace kvt::engine {

/// What was read: the `input` object of a detect document.
struct InputCounts {
    std::uint64_t records = 0;
    std::uint64_t rejected = 0;
};

/// `detect` for the Sentinel rule: rule, now, params, input, anomalies, alerts, outcomes. Ends in "\n".
std::string detectDocument(const InputCounts &input, const SentinelResult &result);

/// `series`: now, params, bins and every key's series with its decomposition. Ends in "\n".
std::string seriesDocument(const SentinelResult &result);

/// `detect --rule elastic-burst`: rule, params, input, alerts and the blind spot of the grouping
/// identity, with its note. Ends in "\n".
std::string burstDetectDocument(
    const InputCounts &input, const ElasticBurstParams &params, const ElasticBurstResult &result);

/// The blind-spot note: what the rule cannot see with this grouping identity.
std::string blindSpotNote(const BlindSpot &blindSpot, const ElasticBurstParams &params);

} // namespace kvt::engine
