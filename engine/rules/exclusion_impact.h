// SPDX-License-Identifier: MIT
// What an exclusion would remove before the analyst adds it: the alerts, anomalies and records of
// every backtest run, for both rules, with the exclusion against without it. The Sentinel rule's
// app-id exclusion is its own allow-list (Allowedappid, which drops only that app's VaultGet calls);
// addresses and accounts, and every ES|QL exclusion, drop the records on the input side.
#pragma once

#include <atomic>
#include <cstdint>
#include <string>
#include <vector>

#include "engine/rules/backtest.h"

namespace kvt::engine {

enum class ExclusionKind { AppId, CallerIp, Account };
std::string_view exclusionKindName(ExclusionKind k); ///< "appid", "ip", "account"

struct Exclusion {
    ExclusionKind kind = ExclusionKind::AppId;
    std::string value;
    bool operator==(const Exclusion &) const = default;
};

/// @p params with @p e added (unchanged when it is already listed).
SentinelParams withExclusion(SentinelParams params, const Exclusion &e);
ElasticBurstParams withExclusion(ElasticBurstParams params, const Exclusion &e);
/// Whether @p params already hold @p e.
bool excludes(const SentinelParams &params, const Exclusion &e);
bool excludes(const ElasticBurstParams &params, const Exclusion &e);

/// A value the analyst may exclude and the records each rule reads that carry it.
struct ExclusionCandidate {
    std::string value;
    std::uint64_t sentinelRecords = 0;
    std::uint64_t burstRecords = 0;
};

/// The values of @p kind on the records either rule reads with its current parameters (the
/// Sentinel rule's CallerIPAddress and CallerObjectUPN, the app id), most records first, then by
/// value; at most @p limit.
std::vector<ExclusionCandidate> exclusionCandidates(const Dataset &data, const SentinelParams &sentinel,
    const ElasticBurstParams &burst, ExclusionKind kind, std::size_t limit);

/// One backtest run with and without the exclusion.
struct ExclusionRunImpact {
    Ticks now = 0;
    std::size_t alertsBefore = 0, alertsAfter = 0; ///< the Sentinel rule's alert rows
    std::size_t anomaliesBefore = 0, anomaliesAfter = 0;
    std::vector<std::string> keysLost, keysGained; ///< anomalous keys, sorted
    std::uint64_t recordsRemoved = 0; ///< of the evaluated day, records the Sentinel rule no longer reads
    std::size_t burstsBefore = 0, burstsAfter = 0; ///< the ES|QL rule's alerts
    std::uint64_t burstRecordsRemoved = 0; ///< of the run's one-day look-back, records the ES|QL rule no longer reads
};

struct ExclusionImpact {
    Exclusion exclusion;
    SentinelParams sentinel; ///< with the exclusion
    ElasticBurstParams burst; ///< with the exclusion
    std::vector<ExclusionRunImpact> runs; ///< the runs of the backtest it was compared with
    std::size_t alertsBefore = 0, alertsAfter = 0, anomaliesBefore = 0, anomaliesAfter = 0;
    std::size_t burstsBefore = 0, burstsAfter = 0;
    std::uint64_t recordsRemoved = 0, burstRecordsRemoved = 0;
};

/// Replays both rules with @p e added to @p sentinel and @p burst on the runs of @p before (a
/// backtest of @p sentinel) and @p burstsBefore (of @p burst), and compares them run by run.
/// @p cancel, when set, stops the replay (the answer is then incomplete). Safe from any thread.
ExclusionImpact exclusionImpact(const Dataset &data, const SentinelParams &sentinel, const ElasticBurstParams &burst,
    const BacktestResult &before, const std::vector<BurstBacktestRun> &burstsBefore, const Exclusion &e,
    const std::atomic<bool> *cancel = nullptr);

} // namespace kvt::engine
