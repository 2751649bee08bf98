// SPDX-License-Identifier: MIT
// `kvtriage-cli bench series|rule`: performance figures, each beside a baseline measured in the same run.
#include "bench/rule_bench.h"
#include "bench/series_bench.h"
#include "cli/cli_args.h"
#include "cli/cli_output.h"
#include "cli/commands.h"
#include "report/json_writer.h"

namespace kvt::cli {

int runBench(const std::vector<std::string> &argv)
{
    const Args args(argv, {"repetitions", "output", "records"}, {});
    const std::string suite = args.positionals().size() == 1 ? args.positionals()[0] : "";
    if (suite != "series" && suite != "rule")
        throw UsageError("bench needs a suite name: series or rule");
    const int repetitions = static_cast<int>(args.integer("repetitions", suite == "rule" ? 5 : 9, 1, 1000));
    const auto figures = suite == "rule"
                             ? engine::runRuleBenchmarks(static_cast<std::uint64_t>(args.integer("records", 1'000'000, 1000, 100'000'000)), repetitions)
                             : engine::runSeriesBenchmarks(repetitions);
    engine::JsonWriter w;
    w.beginObject().key("suite").string(suite).key("threads").integer(1).key("figures").beginArray();
    for (const auto &f : figures) {
        w.beginObject();
        w.key("name").string(f.name);
        w.key("series").integer(static_cast<long long>(f.series));
        w.key("points").integer(static_cast<long long>(f.points));
        w.key("ms").number(f.milliseconds);
        w.key("baseline_ms").number(f.baselineMilliseconds);
        w.key("ratio_to_baseline").number(f.milliseconds / std::max(f.baselineMilliseconds, 1e-9));
        w.key("target_ms").number(f.targetMilliseconds);
        w.key("meets_target").string(f.milliseconds <= f.targetMilliseconds ? "yes" : "no");
        w.endObject();
    }
    w.endArray().endObject();
    return writeOutput(args.valueOr("output", "-"), w.take() + "\n") ? kExitOk : kExitFailed;
}

} // namespace kvt::cli
