// SPDX-License-Identifier: MIT
// The rule options of spec/cli.md (`series`, `detect`, ...): parsing, --params files, and echo.
#pragma once

#include <set>
#include <string>

#include "app/cli/cli_args.h"
#include "engine/report/json_writer.h"
#include "engine/rules/elastic_burst.h"
#include "engine/rules/sentinel_params.h"

namespace kvt::cli {

/// Option names (without --) that take a value / are flags, for Args.
std::set<std::string> ruleValuedOptions();
std::set<std::string> ruleFlagOptions();

/// `--rule` (or the "rule" key of --params): sentinel-timeseries (default) or elastic-burst.
std::string ruleName(const Args &args);

/// Builds the parameters: defaults, then --params FILE.json, then command-line options.
engine::SentinelParams sentinelParamsFrom(const Args &args);
engine::ElasticBurstParams elasticParamsFrom(const Args &args);
void writeElasticParams(engine::JsonWriter &w, const engine::ElasticBurstParams &p);

/// Writes the parameters as run, keyed by the long option names.
void writeParams(engine::JsonWriter &w, const engine::SentinelParams &p);

/// "1d", "2h", "30m", "45s" or a tick count in seconds with a fraction.
std::string formatDuration(engine::Ticks t);

} // namespace kvt::cli
