// SPDX-License-Identifier: MIT
// `kvtriage-cli backtest`: the scheduled rule replayed once a day over the loaded history, and the
// same for a second parameter set (--compare) to see what a tuning changes.
#include "app/cli/cli_output.h"
#include "app/cli/command_rules.h"
#include "app/cli/commands.h"
#include "app/cli/rule_options.h"
#include "engine/report/backtest_document.h"
#include "engine/rules/backtest.h"

namespace kvt::cli {
namespace {

engine::Ticks dayOption(const Args &args, const char *name, engine::Ticks fallback)
{
    const auto text = args.value(name);
    if (!text)
        return fallback;
    const auto t = engine::parseIsoDateTime(*text);
    if (!t)
        throw UsageError(std::string("--") + name + ": '" + *text + "' is not a date (2026-11-23)");
    return engine::startOfDay(*t);
}

// "HH:MM" past midnight UTC.
engine::Ticks runAtOption(const Args &args)
{
    const std::string text = args.valueOr("run-at", "00:05");
    const auto t = engine::parseIsoDateTime("1970-01-01T" + text + "Z");
    if (!t || *t < 0 || *t >= engine::kTicksPerDay)
        throw UsageError("--run-at: '" + text + "' is not a time of day (HH:MM)");
    return *t;
}

} // namespace

int runBacktest(const std::vector<std::string> &argv)
{
    auto valued = ruleCommandOptions();
    valued.insert({"from", "to", "run-at", "compare"});
    const Args args(argv, valued, ruleCommandFlags());
    const bool burst = ruleName(args) == "elastic-burst";
    const engine::Ticks runAt = runAtOption(args);
    // Parameters first: a usage error must not wait for the inputs to load.
    const engine::SentinelParams sentinel = sentinelParamsFrom(args);
    const engine::ElasticBurstParams elastic = elasticParamsFrom(args);
    const auto comparePath = args.value("compare");
    std::optional<engine::SentinelParams> sentinelB;
    std::optional<engine::ElasticBurstParams> elasticB;
    if (comparePath && burst)
        elasticB = elasticParamsFromFile("--compare", *comparePath);
    else if (comparePath)
        sentinelB = sentinelParamsFromFile("--compare", *comparePath);

    const auto in = loadRuleInput(args, "backtest", {"json"});
    if (!in)
        return kExitFailed;
    const engine::Dataset &data = *in->load.dataset;
    const engine::BacktestDays defaults = engine::defaultBacktestDays(data, sentinel);
    const engine::Ticks first = dayOption(args, "from", defaults.first);
    const engine::Ticks last = dayOption(args, "to", defaults.last);
    if (first > last)
        throw UsageError("--from is after --to (or the data is shorter than one look-back)");

    std::string text;
    if (burst) {
        const auto runs = engine::burstBacktest(engine::runElasticBurst(data, elastic), first, last, runAt);
        std::optional<std::vector<engine::BurstBacktestRun>> compare;
        if (elasticB)
            compare = engine::burstBacktest(engine::runElasticBurst(data, *elasticB), first, last, runAt);
        text = engine::burstBacktestDocument(
            elastic, runs, elasticB ? &*elasticB : nullptr, compare ? &*compare : nullptr);
    } else {
        const engine::BacktestResult a = engine::runBacktest(data, sentinel, first, last, runAt);
        std::optional<engine::BacktestResult> b;
        if (sentinelB)
            b = engine::runBacktest(data, *sentinelB, first, last, runAt);
        text = engine::backtestDocument(a, b ? &*b : nullptr);
    }
    return writeOutput(args.valueOr("output", "-"), text) ? in->loadStatus : kExitFailed;
}

} // namespace kvt::cli
