// SPDX-License-Identifier: MIT
// Problems found in input, returned as values (never thrown across the engine API).
#pragma once

#include <cstdint>
#include <functional>
#include <string>

namespace kvt::engine {

/// One problem in one input file. @c line and @c column are 1-based; 0 means "not applicable".
struct Issue {
    std::string file;
    std::uint64_t line = 0;
    std::uint64_t column = 0;
    std::string message;
};

/// How a long job ended. Partial results of a cancelled job are discarded, never published.
enum class JobStatus { Ok, Cancelled, Failed };

/// Progress callback: bytes (or units) done and total. Return false to ask the job to stop.
/// Called at most every ~64 KiB or 1% of the input, from the worker thread.
using ProgressFn = std::function<bool(std::uint64_t done, std::uint64_t total)>;

} // namespace kvt::engine
