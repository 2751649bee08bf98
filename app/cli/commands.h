// SPDX-License-Identifier: MIT
// The kvtriage-cli commands (spec/cli.md). Each returns the process exit status.
#pragma once

#include <string>
#include <vector>

namespace kvt::cli {

inline constexpr int kExitOk = 0;
inline constexpr int kExitFailed = 1;
inline constexpr int kExitUsage = 2;

int runInspect(const std::vector<std::string> &args);
int runGenerate(const std::vector<std::string> &args);
int runDecompose(const std::vector<std::string> &args);
int runBench(const std::vector<std::string> &args);
int runSeries(const std::vector<std::string> &args);
int runDetect(const std::vector<std::string> &args);
int runRecords(const std::vector<std::string> &args);
int runBacktest(const std::vector<std::string> &args);

} // namespace kvt::cli
