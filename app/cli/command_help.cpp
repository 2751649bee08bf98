// SPDX-License-Identifier: MIT
#include "app/cli/command_help.h"

#include <algorithm>
#include <iterator>

#include "app/cli/rule_options.h"

namespace kvt::cli {
namespace {

constexpr const char *kInputOptions = R"(Input options:
  INPUT...               files or folders (walked recursively), or - for standard input; .gz is read transparently
  --input-format NAME    force a format (detected from content otherwise): azure-diagnostics-json,
                         log-analytics-json, az-cli-json, log-analytics-api, kusto-v1, kusto-v2, elastic-json,
                         esql-json, csv, csv-headerless
  --columns A,B,...      names for a CSV without a header
  --utc-offset +HH:MM    the offset of [Local Time] CSV columns
  --strict               any rejected record fails the run (exit 1)
  --output FILE          write the result there instead of standard output
)";

// Per command: its synopsis and its own options; rule commands add the rule options from the tables.
struct CommandText {
    const char *name;
    const char *synopsis;
    const char *options;
    bool readsInput;
    bool ruleOptions;
};

const CommandText kCommands[] = {
    {"inspect", "inspect INPUT... [--view azure-diagnostics|ecs]\n  What was read, before any rule runs.",
        "  --view V               the names the field coverage is given under (azure-diagnostics)\n", true, false},
    {"generate",
        "generate --output FILE [options]\n  Deterministic synthetic Key Vault audit data with labelled "
        "anomalies.",
        "  --output-format F      azure-diagnostics-json (default), log-analytics-json, azkvauditlogs-json,\n"
        "                         az-cli-json, log-analytics-api, kusto-v1, kusto-v2, elastic-ndjson,\n"
        "                         elastic-bulk, elastic-source, elastic-search, esql-json\n"
        "  --days N (21)  --keys N  --records N  --seed S (42)  --scenario default|quiet\n"
        "  --end DATE             the last day generated\n"
        "  --labels FILE          where the anomaly labels go (default: OUTPUT.labels.json)\n",
        false, false},
    {"decompose",
        "decompose --values V [options]\n  series_decompose_anomalies on one series (V = 1,2,3 or - for a JSON "
        "array on standard input).",
        "  --period -1|0|N (-1)   --trend linefit|avg|none (linefit)  --threshold K (1.5)\n"
        "  --method ctukey|tukey (ctukey)  --seasonality-threshold S (0.6)  --test-points N (0)\n"
        "  --output FILE\n",
        false, false},
    {"bench", "bench series|rule|backtest|ingest [options]\n  Benchmarks, each with a same-run baseline.",
        "  --repetitions N  --records N  --output FILE\n"
        "  backtest only: --keys N (10000)  --days N (90 runs)\n"
        "  ingest only: --dir DIR  --formats F,...  --threads N\n",
        false, false},
    {"series",
        "series INPUT... [rule options]\n  The per-key series the Sentinel rule scores, with every "
        "point's decomposition.",
        "", true, true},
    {"detect",
        "detect INPUT... [--rule R] [rule options] [--format json|csv]\n  Runs the rule exactly as "
        "deployed (unless an option says otherwise): anomalies, alerts, and what the join silenced.",
        "  --format json|csv      csv writes the alerts table only\n", true, true},
    {"records",
        "records INPUT... [rule options] --key KEY (--bin ISO | --joined) [--format json|csv|jsonl] "
        "[--raw]\n  The raw records behind a series point or behind a key's alerts.",
        "  --key KEY              a value of the series key column (--series-key)\n"
        "  --bin ISO              the records make-series counted for KEY in the bin starting at ISO\n"
        "                         (a duration given to --bin stays the rule's step)\n"
        "  --joined               the records the rule's join attached to KEY's alerts (--drilldown)\n"
        "  --format json|csv|jsonl\n"
        "  --raw                  add each record's original text\n",
        true, true},
    {"backtest",
        "backtest INPUT... [--from DATE] [--to DATE] [--run-at HH:MM] [--rule R] [rule options] "
        "[--compare PARAMS.json]\n  Replays the scheduled rule once a day (queryFrequency 1d) and says what "
        "each run would have raised.",
        "  --from DATE            first run day (default: the first day with a full look-back)\n"
        "  --to DATE              last run day (default: the day after the last record)\n"
        "  --run-at HH:MM         the run's time of day, UTC (default 00:05)\n"
        "  --compare PARAMS.json  a second parameter set (over the defaults): its runs under \"compare\"\n",
        true, true},
};

} // namespace

std::string usageText()
{
    std::string out = "usage: kvtriage-cli COMMAND [OPTIONS] [INPUT...]\n\nCommands:\n";
    for (const CommandText &text : kCommands) {
        const std::string synopsis = text.synopsis;
        out += "  " + synopsis.substr(0, synopsis.find('\n')) + "\n";
    }
    out += "\n'kvtriage-cli COMMAND --help' lists a command's options and their defaults.\n";
    return out;
}

std::optional<std::string> commandHelp(const std::string &command)
{
    const auto it = std::find_if(
        std::begin(kCommands), std::end(kCommands), [&](const CommandText &c) { return command == c.name; });
    if (it == std::end(kCommands))
        return std::nullopt;
    const CommandText &t = *it;
    std::string out = std::string("usage: kvtriage-cli ") + t.synopsis + "\n\n";
    if (*t.options)
        out += std::string("Options:\n") + t.options;
    if (t.readsInput)
        out += kInputOptions;
    if (t.ruleOptions)
        out += ruleOptionsHelp(command == "detect" || command == "backtest");
    return out;
}

bool asksForHelp(const std::vector<std::string> &args)
{
    const auto end = std::find(args.begin(), args.end(), "--");
    return std::find_if(args.begin(), end, [](const std::string &a) { return a == "--help" || a == "-h"; }) != end;
}

} // namespace kvt::cli
