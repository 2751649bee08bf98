// SPDX-License-Identifier: MIT
// Scoring benchmarks behind `kvtriage-cli bench series`: the interactive-path targets of issue 3.
#pragma once

#include <string>
#include <vector>

namespace kvt::engine {

struct BenchFigure {
    std::string name;
    std::size_t series = 0;
    std::size_t points = 0;
    double milliseconds = 0; ///< best of the repetitions
    double baselineMilliseconds = 0; ///< one summing pass over the same data, same run
    double targetMilliseconds = 0;
};

/// Runs each case @p repetitions times on one thread and keeps the best time.
std::vector<BenchFigure> runSeriesBenchmarks(int repetitions);

} // namespace kvt::engine
