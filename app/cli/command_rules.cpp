// SPDX-License-Identifier: MIT
// `kvtriage-cli series` and `kvtriage-cli detect`: the Sentinel rule over loaded audit data.
#include <iostream>

#include "app/cli/cli_args.h"
#include "app/cli/cli_output.h"
#include "app/cli/commands.h"
#include "app/cli/input_options.h"
#include "app/cli/rule_options.h"
#include "engine/report/alerts_csv.h"
#include "engine/report/burst_output.h"
#include "engine/report/json_writer.h"
#include "engine/report/sentinel_output.h"
#include "engine/rules/sentinel_rule.h"

namespace kvt::cli {
namespace {

struct LoadedInput {
    engine::LoadResult load;
    int loadStatus = kExitOk; ///< what the run exits with if everything after the load succeeds
};

struct RuleRun {
    engine::LoadResult load;
    engine::SentinelResult result;
    int loadStatus = kExitOk;
};

std::set<std::string> commandOptions()
{
    auto valued = ruleValuedOptions();
    const auto input = inputValuedOptions();
    valued.insert(input.begin(), input.end());
    valued.insert({"output", "format"});
    return valued;
}

std::set<std::string> commandFlags()
{
    auto flags = ruleFlagOptions();
    flags.insert("strict");
    return flags;
}

// Checks the common options and loads the inputs; nullopt (message printed) when nothing loaded.
std::optional<LoadedInput> loadRuleInput(const Args &args, const char *command)
{
    if (args.positionals().empty())
        throw UsageError(std::string(command) + " needs at least one input file or folder");
    const std::string format = args.valueOr("format", "json");
    if (format != "json" && format != "csv")
        throw UsageError("--format: '" + format + "' is not json or csv");
    LoadedInput in;
    in.load = loadForCli(args, "reading");
    if (in.load.status != engine::JobStatus::Ok)
        return std::nullopt;
    in.loadStatus = exitStatusFor(in.load, args.has("strict"));
    if (in.load.records() == 0)
        return std::nullopt;
    return in;
}

// Loads the inputs and runs the Sentinel rule.
std::optional<RuleRun> runRule(const Args &args, const char *command)
{
    if (ruleName(args) != "sentinel-timeseries")
        throw UsageError(std::string(command) + " is defined for --rule sentinel-timeseries only");
    const engine::SentinelParams params = sentinelParamsFrom(args);
    auto in = loadRuleInput(args, command);
    if (!in)
        return std::nullopt;
    RuleRun run {std::move(in->load), {}, in->loadStatus};
    engine::SentinelRule rule(run.load.dataset);
    run.result = rule.run(params);
    return run;
}

} // namespace

int runSeries(const std::vector<std::string> &argv)
{
    const Args args(argv, commandOptions(), commandFlags());
    const auto run = runRule(args, "series");
    if (!run)
        return kExitFailed;
    const auto &r = run->result;
    engine::JsonWriter w;
    w.beginObject();
    w.key("now").string(engine::formatIsoDateTime(*r.params.now));
    w.key("params");
    writeParams(w, r.params);
    w.key("bins").beginArray();
    for (std::size_t b = 0; b < r.axis.bins; ++b)
        w.string(engine::formatIsoDateTime(r.axis.binStart(b)));
    w.endArray();
    w.key("series").beginArray();
    for (const auto &series : r.series)
        engine::writeScoredSeries(w, series);
    w.endArray().endObject();
    if (!writeOutput(args.valueOr("output", "-"), w.take() + "\n"))
        return kExitFailed;
    return run->loadStatus;
}

namespace {

int runElasticDetect(const Args &args)
{
    const engine::ElasticBurstParams params = elasticParamsFrom(args);
    const auto in = loadRuleInput(args, "detect");
    if (!in)
        return kExitFailed;
    const engine::LoadResult &load = in->load;
    const int loadStatus = in->loadStatus;
    const engine::ElasticBurstResult r = engine::runElasticBurst(*load.dataset, params);
    const std::string output = args.valueOr("output", "-");
    if (args.valueOr("format", "json") == "csv")
        return writeOutput(output, engine::burstAlertsCsv(r, params)) ? loadStatus : kExitFailed;
    engine::JsonWriter w;
    w.beginObject();
    w.key("rule").string("elastic-burst");
    w.key("params");
    writeElasticParams(w, params);
    w.key("input").beginObject().key("records").integer(static_cast<long long>(load.records()));
    w.key("rejected").integer(static_cast<long long>(load.rejected())).endObject();
    w.key("anomalies").beginArray().endArray();
    w.key("alerts").beginArray();
    for (const auto &a : r.alerts)
        engine::writeBurstRow(w, a, params);
    w.endArray();
    const auto &b = r.blindSpot;
    w.key("blind_spot").beginObject();
    w.key("group_by").string(engine::burstIdentityColumn(params.groupBy));
    w.key("records_in_scope").integer(static_cast<long long>(b.recordsInScope));
    w.key("records_without_identity").integer(static_cast<long long>(b.recordsWithoutIdentity));
    w.key("note").string(b.recordsWithoutIdentity == 0
            ? "every in-scope record carries the grouping identity"
            : "records without the grouping identity form ES|QL's null group, which never passes "
              "actor_unique_count == 1: the rule cannot see them (try --group-by appid or ip)");
    w.key("top_callers_without_identity").beginArray();
    for (const auto &[caller, count] : b.topCallers)
        w.beginObject().key("caller").string(caller).key("records").integer(static_cast<long long>(count)).endObject();
    w.endArray().endObject();
    w.endObject();
    return writeOutput(output, w.take() + "\n") ? loadStatus : kExitFailed;
}

} // namespace

int runDetect(const std::vector<std::string> &argv)
{
    const Args args(argv, commandOptions(), commandFlags());
    if (ruleName(args) == "elastic-burst")
        return runElasticDetect(args);
    const auto run = runRule(args, "detect");
    if (!run)
        return kExitFailed;
    const auto &r = run->result;
    const std::string output = args.valueOr("output", "-");
    if (args.valueOr("format", "json") == "csv")
        return writeOutput(output, engine::alertsCsv(r)) ? run->loadStatus : kExitFailed;
    engine::JsonWriter w;
    w.beginObject();
    w.key("rule").string("sentinel-timeseries");
    w.key("now").string(engine::formatIsoDateTime(*r.params.now));
    w.key("params");
    writeParams(w, r.params);
    w.key("input").beginObject().key("records").integer(static_cast<long long>(run->load.records()));
    w.key("rejected").integer(static_cast<long long>(run->load.rejected())).endObject();
    w.key("anomalies").beginArray();
    for (const auto &a : r.anomalies)
        engine::writeAnomalyRow(w, a, engine::seriesKeyName(r.params.seriesKey));
    w.endArray();
    w.key("alerts").beginArray();
    for (const auto &a : r.alerts)
        engine::writeAlertRow(w, a);
    w.endArray();
    w.key("outcomes").beginArray();
    for (const auto &o : r.outcomes)
        engine::writeOutcome(w, o);
    w.endArray().endObject();
    if (!writeOutput(output, w.take() + "\n"))
        return kExitFailed;
    return run->loadStatus;
}

} // namespace kvt::cli
