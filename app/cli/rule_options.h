// SPDX-License-Identifier: MIT
// The rule options of spec/cli.md (`series`, `detect`, `records`), wired from the engine's parameter
// tables (engine/rules/rule_parameters.h): option names, --params files and the help text.
#pragma once

#include <set>
#include <string>

#include "app/cli/cli_args.h"
#include "engine/rules/rule_parameters.h"

namespace kvt::cli {

/// Option names (without --) that take a value / are flags, for Args: both rules' tables plus
/// --rule and --params.
std::set<std::string> ruleValuedOptions();
std::set<std::string> ruleFlagOptions();

/// `--rule` (or the "rule" key of --params): sentinel-timeseries (default) or elastic-burst.
std::string ruleName(const Args &args);

/// Builds the parameters: defaults, then --params FILE.json, then command-line options.
engine::SentinelParams sentinelParamsFrom(const Args &args);
engine::ElasticBurstParams elasticParamsFrom(const Args &args);
/// A parameters file alone over the defaults (the B side of `backtest --compare`); @p option names
/// the option in errors.
engine::SentinelParams sentinelParamsFromFile(const std::string &option, const std::string &path);
engine::ElasticBurstParams elasticParamsFromFile(const std::string &option, const std::string &path);

/// The "Rule options" part of a command's --help, an entry per table row with its default; the
/// ES|QL rule's rows too when @p withElasticBurst.
std::string ruleOptionsHelp(bool withElasticBurst);

} // namespace kvt::cli
