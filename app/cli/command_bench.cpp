// SPDX-License-Identifier: MIT
// `kvtriage-cli bench series`: performance figures, each beside a baseline measured in the same run.
#include "bench/series_bench.h"
#include "cli/cli_args.h"
#include "cli/cli_output.h"
#include "cli/commands.h"
#include "report/json_writer.h"

namespace kvt::cli {

int runBench(const std::vector<std::string> &argv)
{
    const Args args(argv, {"repetitions", "output"}, {});
    if (args.positionals().size() != 1 || args.positionals()[0] != "series")
        throw UsageError("bench needs a suite name: series");
    const int repetitions = static_cast<int>(args.integer("repetitions", 9, 1, 1000));
    engine::JsonWriter w;
    w.beginObject().key("suite").string("series").key("threads").integer(1).key("figures").beginArray();
    for (const auto &f : engine::runSeriesBenchmarks(repetitions)) {
        w.beginObject();
        w.key("name").string(f.name);
        w.key("series").integer(static_cast<long long>(f.series));
        w.key("points").integer(static_cast<long long>(f.points));
        w.key("ms").number(f.milliseconds);
        w.key("baseline_sum_pass_ms").number(f.baselineMilliseconds);
        w.key("ratio_to_baseline").number(f.milliseconds / std::max(f.baselineMilliseconds, 1e-9));
        w.key("target_ms").number(f.targetMilliseconds);
        w.key("meets_target").string(f.milliseconds <= f.targetMilliseconds ? "yes" : "no");
        w.endObject();
    }
    w.endArray().endObject();
    return writeOutput(args.valueOr("output", "-"), w.take() + "\n") ? kExitOk : kExitFailed;
}

} // namespace kvt::cli
