// SPDX-License-Identifier: MIT
// The `backtest` document of spec/cli.md: one entry per scheduled run, and the B side of an A/B.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "engine/rules/backtest.h"

namespace kvt::engine {

/// {"rule", "params", "runs": [{now, alerts, anomalous_keys, keys, anomalies, silenced}],
///  "compare_params" and "compare" in the same shape when @p compare is given}.
std::string backtestDocument(const BacktestResult &runs, const BacktestResult *compare = nullptr);

/// The ES|QL rule's runs: {"rule", "params", "runs": [{now, alerts, anomalous_keys, keys}]} (keys are
/// the bursts' identities), and "compare" when given.
std::string burstBacktestDocument(const ElasticBurstParams &params, const std::vector<BurstBacktestRun> &runs,
    const ElasticBurstParams *compareParams = nullptr, const std::vector<BurstBacktestRun> *compare = nullptr);

} // namespace kvt::engine
