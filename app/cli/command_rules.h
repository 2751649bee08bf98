// SPDX-License-Identifier: MIT
// What the rule commands (`series`, `detect`, `records`) share: their options, the load, the run.
#pragma once

#include <optional>
#include <set>
#include <string>
#include <vector>

#include "app/cli/cli_args.h"
#include "engine/ingest/loader.h"
#include "engine/report/rule_documents.h"
#include "engine/rules/sentinel_rule.h"

namespace kvt::cli {

struct LoadedInput {
    engine::LoadResult load;
    int loadStatus = 0; ///< what the run exits with if everything after the load succeeds
};

struct RuleRun {
    engine::LoadResult load;
    engine::SentinelResult result;
    int loadStatus = 0;
};

/// The options of every rule command: rule options, input options, --output, --format; --strict.
std::set<std::string> ruleCommandOptions();
std::set<std::string> ruleCommandFlags();

/// Checks the inputs and --format (one of @p formats), then loads; nullopt (message printed) when
/// nothing loaded.
std::optional<LoadedInput> loadRuleInput(
    const Args &args, const char *command, const std::vector<std::string> &formats);

/// Loads the inputs and runs the Sentinel rule (the only rule @p command is defined for).
std::optional<RuleRun> runSentinel(const Args &args, const char *command, const std::vector<std::string> &formats);

engine::InputCounts inputCounts(const engine::LoadResult &load);

} // namespace kvt::cli
