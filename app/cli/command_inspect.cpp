// SPDX-License-Identifier: MIT
// `kvtriage-cli inspect INPUT...`: what was read, before any rule runs.
#include <iostream>

#include <nlohmann/json.hpp>

#include "app/cli/cli_args.h"
#include "app/cli/cli_output.h"
#include "app/cli/commands.h"
#include "app/cli/input_options.h"
#include "engine/ingest/loader.h"
#include "engine/report/inspect_summary.h"

namespace kvt::cli {

int runInspect(const std::vector<std::string> &argv)
{
    auto valued = inputValuedOptions();
    valued.insert("output");
    valued.insert("view");
    const Args args(argv, valued, {"strict"});
    if (args.positionals().empty())
        throw UsageError("inspect needs at least one input file or folder");
    const engine::LoadResult load = loadForCli(args, "reading");
    if (load.status != engine::JobStatus::Ok)
        return kExitFailed;
    const std::string view = args.valueOr("view", "azure-diagnostics");
    if (view != "azure-diagnostics" && view != "ecs")
        throw UsageError("--view: '" + view + "' is unknown (azure-diagnostics, ecs)");
    const nlohmann::json report
        = engine::inspectJson(load, view == "ecs" ? engine::FieldView::Ecs : engine::FieldView::AzureDiagnostics);
    if (!writeOutput(args.valueOr("output", "-"), report.dump(2) + "\n"))
        return kExitFailed;
    return exitStatusFor(load, args.has("strict"));
}

} // namespace kvt::cli
