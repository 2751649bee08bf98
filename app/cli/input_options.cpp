// SPDX-License-Identifier: MIT
#include "cli/input_options.h"

#include <iostream>

#include "cli/cli_output.h"
#include "cli/commands.h"

namespace kvt::cli {

engine::LoadResult loadForCli(const Args &args, const std::string &label)
{
    engine::LoadOptions options;
    if (const auto name = args.value("input-format")) {
        options.forcedFormat = engine::formatByName(*name);
        if (!options.forcedFormat)
            throw UsageError("--input-format: unknown format '" + *name + "'");
    }
    return engine::loadInputs(args.positionals(), options, terminalProgress(label));
}

int exitStatusFor(const engine::LoadResult &load, bool strict)
{
    int status = kExitOk;
    for (const auto &f : load.files) {
        if (f.skipped) {
            std::cerr << "kvtriage-cli: skipped " << f.error << '\n';
        } else if (!f.error.empty()) {
            std::cerr << "kvtriage-cli: " << f.error << '\n';
            status = kExitFailed;
        }
        if (strict && f.rejected > 0) {
            std::cerr << "kvtriage-cli: " << f.path;
            if (!f.issues.empty())
                std::cerr << ":" << f.issues.front().line << ":" << f.issues.front().column << ": "
                          << f.issues.front().message;
            std::cerr << " (" << f.rejected << " record(s) rejected, --strict)\n";
            status = kExitFailed;
        }
    }
    if (load.records() == 0) {
        std::cerr << "kvtriage-cli: no usable record in the input\n";
        status = kExitFailed;
    }
    return status;
}

} // namespace kvt::cli
