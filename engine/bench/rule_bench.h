// SPDX-License-Identifier: MIT
// Rule benchmarks behind `kvtriage-cli bench rule`: the Sentinel rule on loaded records (issue 5).
#pragma once

#include <cstdint>
#include <memory>
#include <vector>

#include "engine/bench/series_bench.h"
#include "engine/generate/generator.h"
#include "engine/store/dataset.h"

namespace kvt::engine {

/// About @p records generated events (21 days) straight into a Dataset, no JSON in between.
std::shared_ptr<const Dataset> generateDataset(std::uint64_t records);
/// The same with every generator option (days, keys, seed, scenario).
std::shared_ptr<const Dataset> generateDataset(const GeneratorOptions &options);

/// Generates about @p records events straight into a Dataset (no JSON in between), then times the
/// whole rule (cold caches), a threshold change and an allow-list change. Best of @p repetitions.
std::vector<BenchFigure> runRuleBenchmarks(std::uint64_t records, int repetitions);

} // namespace kvt::engine
