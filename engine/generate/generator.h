// SPDX-License-Identifier: MIT
// Deterministic synthetic Key Vault audit traffic with labelled injected anomalies.
#pragma once

#include <array>
#include <cstdint>
#include <functional>
#include <string>
#include <vector>

#include "engine/core/ticks.h"
#include "engine/store/canonical_field.h"

namespace kvt::engine {

/// One generated audit event with every canonical field filled, as a loader should read it back.
struct OwnedEvent {
    Ticks time = 0;
    std::array<std::string, kTextFieldCount> text;
    std::int64_t durationMs = 0;
    std::int32_t httpStatusCode = 200;

    std::string &operator[](TextField f) { return text[static_cast<std::size_t>(f)]; }
    const std::string &operator[](TextField f) const { return text[static_cast<std::size_t>(f)]; }
};

struct GeneratorOptions {
    std::uint64_t seed = 42;
    int days = 21;
    int keys = 200; ///< caller IPs, besides the Azure Resource Graph callers
    std::uint64_t records = 0; ///< approximate total; 0 keeps each caller's natural volume
    Ticks end = 0; ///< exclusive end (a day start); 0 = 2026-11-23T00:00:00Z
    std::string scenario = "default"; ///< "default" (anomalies injected) or "quiet" (none)
};

/// A labelled injected anomaly (written to the labels file beside the data).
struct InjectedAnomaly {
    std::string kind; ///< "spike", "new-caller", "allow-listed-burst"
    std::string callerIp;
    std::string vault;
    Ticks day = 0; ///< start of the UTC day that holds the extra records
    int startHour = 0; ///< first UTC hour of the burst (after 01:00 the deployed join misses it)
    int hours = 1;
    std::uint64_t extraRecords = 0;
    double typicalDaily = 0; ///< the caller's expected daily volume on that day without the burst
    std::string expectation; ///< what the deployed rule should do with it, in words
};

struct GenerationSummary {
    std::uint64_t records = 0;
    Ticks first = 0;
    Ticks end = 0;
    std::vector<InjectedAnomaly> anomalies;
};

/// Generates day by day; @p sink receives each day's events in time order and returns false to stop.
/// Same options, same events, on every machine.
GenerationSummary generateAuditEvents(
    const GeneratorOptions &options, const std::function<bool(std::vector<OwnedEvent> &)> &sink);

/// The default end of generated data: 2026-11-23T00:00:00Z.
Ticks defaultGeneratorEnd();

} // namespace kvt::engine
