// SPDX-License-Identifier: MIT
// Ingest benchmarks behind `kvtriage-cli bench ingest`: the load targets of issue 4, each against
// `cat FILE | wc -c` on the same file in the same run.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

namespace kvt::engine {

struct IngestFigure {
    std::string format; ///< export format written by the generator
    std::string path;
    std::uint64_t bytes = 0;
    std::uint64_t records = 0;
    unsigned threads = 0;
    double milliseconds = 0; ///< best load to a ready store
    double baselineMilliseconds = 0; ///< best `cat FILE | wc -c`
    double medianPairedRatio = 0; ///< median over repetitions of load / cat run back to back
    double targetRatio = 0;
    std::uint64_t peakRssBytes = 0; ///< of a child process that only loads the file
    double targetRssRatio = 0; ///< 0: no memory target for this format
    double cancelMilliseconds = 0; ///< from the cancel request to the load's return
};

struct IngestBenchOptions {
    std::uint64_t records = 1'000'000;
    int repetitions = 3;
    std::string directory; ///< where the generated files live (reused when present)
    std::vector<std::string> formats {"azure-diagnostics-json", "az-cli-json", "csv"};
    unsigned threads = 0; ///< 0: the loader's default
};

/// Generates (or reuses) one file per format, then times loads, baselines, memory and a cancel.
/// False with @p error when a file cannot be written.
bool runIngestBenchmarks(const IngestBenchOptions &options, std::vector<IngestFigure> &figures, std::string &error);

} // namespace kvt::engine
