// SPDX-License-Identifier: MIT
// Rule benchmarks behind `kvtriage-cli bench rule`: the Sentinel rule on loaded records (issue 5).
#pragma once

#include <cstdint>
#include <vector>

#include "engine/bench/series_bench.h"

namespace kvt::engine {

/// Generates about @p records events straight into a Dataset (no JSON in between), then times the
/// whole rule (cold caches), a threshold change and an allow-list change. Best of @p repetitions.
std::vector<BenchFigure> runRuleBenchmarks(std::uint64_t records, int repetitions);

} // namespace kvt::engine
