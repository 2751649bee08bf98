// SPDX-License-Identifier: MIT
// `kvtriage-cli series` and `kvtriage-cli detect`: load, run the rule, write the engine's document.
#include "app/cli/command_rules.h"

#include <algorithm>

#include "app/cli/cli_output.h"
#include "app/cli/commands.h"
#include "app/cli/input_options.h"
#include "app/cli/rule_options.h"
#include "engine/report/alerts_csv.h"
#include "engine/report/burst_output.h"
#include "engine/report/rule_documents.h"

namespace kvt::cli {

std::set<std::string> ruleCommandOptions()
{
    auto valued = ruleValuedOptions();
    const auto input = inputValuedOptions();
    valued.insert(input.begin(), input.end());
    valued.insert({"output", "format"});
    return valued;
}

std::set<std::string> ruleCommandFlags()
{
    auto flags = ruleFlagOptions();
    flags.insert("strict");
    return flags;
}

std::optional<LoadedInput> loadRuleInput(const Args &args, const char *command, const std::vector<std::string> &formats)
{
    if (args.positionals().empty())
        throw UsageError(std::string(command) + " needs at least one input file or folder");
    const std::string format = args.valueOr("format", "json");
    if (std::find(formats.begin(), formats.end(), format) == formats.end()) {
        std::string listed;
        for (std::size_t i = 0; i < formats.size(); ++i)
            listed += (i == 0 ? "" : i + 1 == formats.size() ? " or " : ", ") + formats[i];
        throw UsageError("--format: '" + format + "' is not " + listed);
    }
    LoadedInput in;
    in.load = loadForCli(args, "reading");
    if (in.load.status != engine::JobStatus::Ok)
        return std::nullopt;
    in.loadStatus = exitStatusFor(in.load, args.has("strict"));
    if (in.load.records() == 0)
        return std::nullopt;
    return in;
}

std::optional<RuleRun> runSentinel(const Args &args, const char *command, const std::vector<std::string> &formats)
{
    if (ruleName(args) != "sentinel-timeseries")
        throw UsageError(std::string(command) + " is defined for --rule sentinel-timeseries only");
    const engine::SentinelParams params = sentinelParamsFrom(args);
    auto in = loadRuleInput(args, command, formats);
    if (!in)
        return std::nullopt;
    RuleRun run {std::move(in->load), {}, in->loadStatus};
    engine::SentinelRule rule(run.load.dataset);
    run.result = rule.run(params);
    return run;
}

engine::InputCounts inputCounts(const engine::LoadResult &load)
{
    return {load.records(), load.rejected()};
}

int runSeries(const std::vector<std::string> &argv)
{
    const Args args(argv, ruleCommandOptions(), ruleCommandFlags());
    const auto run = runSentinel(args, "series", {"json"});
    if (!run)
        return kExitFailed;
    return writeOutput(args.valueOr("output", "-"), engine::seriesDocument(run->result)) ? run->loadStatus
                                                                                         : kExitFailed;
}

namespace {

int runElasticDetect(const Args &args)
{
    const engine::ElasticBurstParams params = elasticParamsFrom(args);
    const auto in = loadRuleInput(args, "detect", {"json", "csv"});
    if (!in)
        return kExitFailed;
    const engine::ElasticBurstResult r = engine::runElasticBurst(*in->load.dataset, params);
    const std::string text = args.valueOr("format", "json") == "csv"
        ? engine::burstAlertsCsv(r, params)
        : engine::burstDetectDocument(inputCounts(in->load), params, r);
    return writeOutput(args.valueOr("output", "-"), text) ? in->loadStatus : kExitFailed;
}

} // namespace

int runDetect(const std::vector<std::string> &argv)
{
    const Args args(argv, ruleCommandOptions(), ruleCommandFlags());
    if (ruleName(args) == "elastic-burst")
        return runElasticDetect(args);
    const auto run = runSentinel(args, "detect", {"json", "csv"});
    if (!run)
        return kExitFailed;
    const std::string text = args.valueOr("format", "json") == "csv"
        ? engine::alertsCsv(run->result)
        : engine::detectDocument(inputCounts(run->load), run->result);
    return writeOutput(args.valueOr("output", "-"), text) ? run->loadStatus : kExitFailed;
}

} // namespace kvt::cli
