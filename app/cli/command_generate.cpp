// SPDX-License-Identifier: MIT
// `kvtriage-cli generate`: deterministic synthetic Key Vault audit data with labelled anomalies.
#include <iostream>

#include <nlohmann/json.hpp>

#include "app/cli/cli_args.h"
#include "app/cli/cli_output.h"
#include "app/cli/commands.h"
#include "engine/generate/anomaly_labels.h"
#include "engine/generate/export_file.h"
#include "engine/generate/export_writers.h"
#include "engine/generate/generator.h"
#include "engine/ingest/input_format.h"

namespace kvt::cli {

int runGenerate(const std::vector<std::string> &argv)
{
    const Args args(
        argv, {"output", "output-format", "days", "keys", "records", "seed", "scenario", "end", "labels"}, {});
    const auto output = args.value("output");
    if (!output)
        throw UsageError("generate needs --output FILE (a name ending in .gz is gzip-compressed)");
    const std::string format = args.valueOr("output-format", "azure-diagnostics-json");
    if (!engine::makeExportWriter(format)) {
        std::string known;
        for (const auto &f : engine::exportWriterFormats())
            known += (known.empty() ? "" : ", ") + f;
        throw UsageError("--output-format: '" + format + "' is unknown (" + known + ")");
    }

    engine::GeneratorOptions options;
    options.days = static_cast<int>(args.integer("days", options.days, 1, 3660));
    options.keys = static_cast<int>(args.integer("keys", options.keys, 0, 100000));
    options.records = static_cast<std::uint64_t>(args.integer("records", 0, 0, 1'000'000'000));
    options.seed = static_cast<std::uint64_t>(args.integer("seed", 42, 0, INT64_MAX));
    options.scenario = args.valueOr("scenario", "default");
    if (options.scenario != "default" && options.scenario != "quiet")
        throw UsageError("--scenario: '" + options.scenario + "' is unknown (default, quiet)");
    if (const auto end = args.value("end")) {
        const auto t = engine::parseIsoDateTime(*end);
        if (!t)
            throw UsageError("--end: '" + *end + "' is not an ISO 8601 date");
        options.end = *t;
    }

    std::string error;
    engine::GenerationSummary summary;
    if (!engine::writeGeneratedExport(options, format, *output, summary, error)) {
        std::cerr << "kvtriage-cli: " << error << '\n';
        return kExitFailed;
    }
    const std::string labelsPath = args.valueOr("labels", *output == "-" ? "" : *output + ".labels.json");
    if (!labelsPath.empty() && !writeOutput(labelsPath, engine::labelsJson(options, summary).dump(2) + "\n"))
        return kExitFailed;
    std::cerr << "kvtriage-cli: wrote " << summary.records << " records (" << summary.anomalies.size()
              << " injected anomalies) to " << *output << (labelsPath.empty() ? "" : ", labels in " + labelsPath)
              << '\n';
    return kExitOk;
}

} // namespace kvt::cli
