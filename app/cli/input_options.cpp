// SPDX-License-Identifier: MIT
#include "app/cli/input_options.h"

#include <iostream>

#include "app/cli/cli_output.h"
#include "app/cli/commands.h"

namespace kvt::cli {

std::set<std::string> inputValuedOptions()
{
    return {"input-format", "columns", "utc-offset"};
}

engine::LoadResult loadForCli(const Args &args, const std::string &label)
{
    engine::LoadOptions options;
    if (const auto columns = args.value("columns")) {
        std::size_t pos = 0;
        while (pos <= columns->size()) {
            const std::size_t comma = columns->find(',', pos);
            options.csv.columns.push_back(
                columns->substr(pos, comma == std::string::npos ? std::string::npos : comma - pos));
            if (comma == std::string::npos)
                break;
            pos = comma + 1;
        }
    }
    if (const auto offset = args.value("utc-offset")) {
        // ±HH:MM, as ISO 8601 writes a zone: parse it by appending it to a known instant.
        const auto shifted = engine::parseIsoDateTime("1970-01-02T00:00:00" + *offset);
        if (!shifted || (offset->front() != '+' && offset->front() != '-'))
            throw UsageError("--utc-offset: '" + *offset + "' is not an offset like +02:00 or -05:00");
        options.csv.localTimeOffset = engine::kTicksPerDay - *shifted;
        options.csv.localOffsetGiven = true;
    }
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
