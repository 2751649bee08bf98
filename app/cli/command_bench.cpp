// SPDX-License-Identifier: MIT
// `kvtriage-cli bench series|rule|backtest|ingest`: performance figures, each beside a baseline measured in the same
// run.
#include <iostream>

#include "app/cli/cli_args.h"
#include "app/cli/cli_output.h"
#include "app/cli/commands.h"
#include "engine/bench/backtest_bench.h"
#include "engine/bench/ingest_bench.h"
#include "engine/bench/rule_bench.h"
#include "engine/bench/series_bench.h"
#include "engine/report/json_writer.h"

namespace kvt::cli {

namespace {

// `bench ingest`: load times against `cat FILE | wc -c`, peak memory, cancel latency.
int runIngestBench(const Args &args)
{
    engine::IngestBenchOptions options;
    options.records = static_cast<std::uint64_t>(args.integer("records", 1'000'000, 1000, 100'000'000));
    options.repetitions = static_cast<int>(args.integer("repetitions", 3, 1, 1000));
    options.threads = static_cast<unsigned>(args.integer("threads", 0, 0, 64));
    options.directory = args.valueOr("dir", "");
    if (const auto formats = args.value("formats"))
        options.formats = splitList(*formats);
    std::vector<engine::IngestFigure> figures;
    std::string error;
    if (!engine::runIngestBenchmarks(options, figures, error)) {
        std::cerr << "kvtriage-cli: bench ingest: " << error << '\n';
        return kExitFailed;
    }
    engine::JsonWriter w;
    w.beginObject().key("suite").string("ingest").key("figures").beginArray();
    for (const auto &f : figures) {
        const double ratio = f.milliseconds / std::max(f.baselineMilliseconds, 1e-9);
        const double rss
            = static_cast<double>(f.peakRssBytes) / static_cast<double>(std::max<std::uint64_t>(f.bytes, 1));
        w.beginObject();
        w.key("format").string(f.format).key("path").string(f.path);
        w.key("bytes")
            .integer(static_cast<long long>(f.bytes))
            .key("records")
            .integer(static_cast<long long>(f.records));
        w.key("threads").integer(f.threads);
        w.key("ms").number(f.milliseconds).key("baseline_ms").number(f.baselineMilliseconds);
        w.key("ratio_to_baseline").number(ratio).key("median_paired_ratio").number(f.medianPairedRatio);
        w.key("target_ratio").number(f.targetRatio);
        w.key("meets_target").string(ratio <= f.targetRatio ? "yes" : "no");
        w.key("peak_rss_bytes").integer(static_cast<long long>(f.peakRssBytes)).key("peak_rss_to_file").number(rss);
        if (f.targetRssRatio > 0)
            w.key("rss_target_ratio")
                .number(f.targetRssRatio)
                .key("meets_rss_target")
                .string(rss <= f.targetRssRatio ? "yes" : "no");
        w.key("cancel_ms")
            .number(f.cancelMilliseconds)
            .key("meets_cancel_target")
            .string(f.cancelMilliseconds <= 200 ? "yes" : "no");
        w.endObject();
    }
    w.endArray().endObject();
    return writeOutput(args.valueOr("output", "-"), w.take() + "\n") ? kExitOk : kExitFailed;
}

} // namespace

int runBench(const std::vector<std::string> &argv)
{
    const Args args(argv, {"repetitions", "output", "records", "dir", "formats", "threads", "keys", "days"}, {});
    const std::string suite = args.positionals().size() == 1 ? args.positionals()[0] : "";
    if (suite == "ingest")
        return runIngestBench(args);
    if (suite != "series" && suite != "rule" && suite != "backtest")
        throw UsageError("bench needs a suite name: series, rule, backtest or ingest");
    const int repetitions = static_cast<int>(args.integer("repetitions",
        suite == "rule"           ? 5
            : suite == "backtest" ? 3
                                  : 9,
        1, 1000));
    std::vector<engine::BenchFigure> figures;
    if (suite == "rule") {
        figures = engine::runRuleBenchmarks(
            static_cast<std::uint64_t>(args.integer("records", 1'000'000, 1000, 100'000'000)), repetitions);
    } else if (suite == "backtest") {
        engine::BacktestBenchOptions options;
        options.records = static_cast<std::uint64_t>(args.integer("records", 2'000'000, 1000, 100'000'000));
        options.keys = static_cast<int>(args.integer("keys", 10000, 1, 1'000'000));
        options.runs = static_cast<int>(args.integer("days", 90, 1, 3650));
        options.repetitions = repetitions;
        figures = engine::runBacktestBenchmarks(options);
    } else {
        figures = engine::runSeriesBenchmarks(repetitions);
    }
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
