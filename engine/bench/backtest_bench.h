// SPDX-License-Identifier: MIT
// `kvtriage-cli bench backtest`: the daily replay against one single-day run of the same rule on the
// same data (issue 13's target: 90 days x 10,000 keys under 1 s).
#pragma once

#include <cstdint>
#include <vector>

#include "engine/bench/series_bench.h"

namespace kvt::engine {

struct BacktestBenchOptions {
    int keys = 10000;
    int runs = 90; ///< days replayed (the data covers them plus the 14-day look-back)
    std::uint64_t records = 2'000'000;
    int repetitions = 3;
};

/// Figures: the Sentinel backtest (baseline: one `detect`-style run of the rule on the same data,
/// counting included) and the ES|QL backtest (baseline: the ES|QL rule run once).
std::vector<BenchFigure> runBacktestBenchmarks(const BacktestBenchOptions &options);

} // namespace kvt::engine
