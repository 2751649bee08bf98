// SPDX-License-Identifier: MIT
// kvtriage-cli: the headless twin of the kvtriage desktop app (spec/cli.md).
#include <iostream>
#include <string>
#include <vector>

#include "app/cli/cli_args.h"
#include "app/cli/commands.h"

namespace {

constexpr const char *kUsage = R"(usage: kvtriage-cli COMMAND [OPTIONS] [INPUT...]

Commands:
  inspect INPUT...       what was read: formats, record counts, rejected records, time range, field coverage,
                         each file's own field names and the canonical field each fills
                         [--view azure-diagnostics|ecs] (the names the coverage is given under)
  generate --output FILE deterministic synthetic Key Vault audit data with labelled injected anomalies
                         [--output-format F] [--days N] [--keys N] [--records N]
                         F: azure-diagnostics-json, log-analytics-json, azkvauditlogs-json, az-cli-json,
                         log-analytics-api, kusto-v1, kusto-v2, elastic-ndjson, elastic-bulk, elastic-source,
                         elastic-search, esql-json
                         [--seed S] [--scenario default|quiet] [--end DATE] [--labels FILE]
  decompose --values V   series_decompose_anomalies on one series (V = 1,2,3 or - for a JSON array on stdin)
                         [--period -1|0|N] [--trend linefit|avg|none] [--threshold K] [--method ctukey|tukey]
                         [--seasonality-threshold S] [--test-points N]
  series INPUT...        the per-key series the Sentinel rule scores, with every point's decomposition
  detect INPUT...        the Sentinel rule exactly as deployed: anomalies, alerts, and what the join silenced
                         [--format json|csv]
  bench series|rule      benchmarks (one thread), each with a same-run baseline [--repetitions N]
                         [--records N] (rule: records generated in memory, default 1,000,000)
  bench ingest           load times of generated files against `cat FILE | wc -c`, peak memory, cancel
                         [--records N] [--repetitions N] [--dir DIR] [--formats F,...] [--threads N]

Inputs are files or folders (walked recursively), or - for standard input; .gz is read transparently.
Common options: --output FILE, --input-format NAME, --strict, --columns A,B,... (names for a CSV without a
  header), --utc-offset +HH:MM (for [Local Time] CSV columns).
Input formats (detected from content): azure-diagnostics-json, log-analytics-json, az-cli-json,
  log-analytics-api, kusto-v1, kusto-v2, elastic-json, esql-json, csv, csv-headerless.
Rule options (series, detect): --now ISO, --lookback-days N, --bin DURATION, --score-threshold X,
  --baseline-threshold N, --allow-appid ID (repeatable; none clears), --operations A,B,...,
  --alert-window DURATION, --seasonality -1|0|N, --trend linefit|avg|none, --method ctukey|tukey,
  --series-key CallerIPAddress|Resource, --drilldown faithful|full-bin, --claim-backfill, --params FILE.json
)";

} // namespace

int main(int argc, char **argv)
{
    std::vector<std::string> args(argv + 1, argv + argc);
    if (args.empty() || args[0] == "--help" || args[0] == "-h" || args[0] == "help") {
        std::cout << kUsage;
        return args.empty() ? kvt::cli::kExitUsage : kvt::cli::kExitOk;
    }
    const std::string command = args[0];
    args.erase(args.begin());
    try {
        if (command == "inspect")
            return kvt::cli::runInspect(args);
        if (command == "generate")
            return kvt::cli::runGenerate(args);
        if (command == "decompose")
            return kvt::cli::runDecompose(args);
        if (command == "bench")
            return kvt::cli::runBench(args);
        if (command == "series")
            return kvt::cli::runSeries(args);
        if (command == "detect")
            return kvt::cli::runDetect(args);
        std::cerr << "kvtriage-cli: unknown command '" << command << "'\n" << kUsage;
        return kvt::cli::kExitUsage;
    } catch (const kvt::cli::UsageError &e) {
        std::cerr << "kvtriage-cli " << command << ": " << e.what() << '\n';
        return kvt::cli::kExitUsage;
    } catch (const std::exception &e) {
        std::cerr << "kvtriage-cli " << command << ": " << e.what() << '\n';
        return kvt::cli::kExitFailed;
    }
}
