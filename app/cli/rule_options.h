// SPDX-License-Identifier: MIT
// The rule options of spec/cli.md (`series`, `detect`, ...): parsing, --params files, and echo.
#pragma once

#include <set>
#include <string>

#include "cli/cli_args.h"
#include "report/json_writer.h"
#include "rules/sentinel_params.h"

namespace kvt::cli {

/// Option names (without --) that take a value / are flags, for Args.
std::set<std::string> ruleValuedOptions();
std::set<std::string> ruleFlagOptions();

/// Builds the parameters: defaults, then --params FILE.json, then command-line options.
engine::SentinelParams sentinelParamsFrom(const Args &args);

/// Writes the parameters as run, keyed by the long option names.
void writeParams(engine::JsonWriter &w, const engine::SentinelParams &p);

/// "1d", "2h", "30m", "45s" or a tick count in seconds with a fraction.
std::string formatDuration(engine::Ticks t);

} // namespace kvt::cli
