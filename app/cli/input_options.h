// SPDX-License-Identifier: MIT
// Shared input handling of the commands that read audit data.
#pragma once

#include <set>
#include <string>

#include "app/cli/cli_args.h"
#include "engine/ingest/loader.h"

namespace kvt::cli {

/// The options every reading command takes: --input-format, --columns, --utc-offset.
std::set<std::string> inputValuedOptions();

/// Loads the positional inputs with `--input-format`, `--columns` (names for a CSV without a
/// header) and `--utc-offset ±HH:MM` (for `[Local Time]` columns); prints progress on a terminal.
engine::LoadResult loadForCli(const Args &args, const std::string &label);

/// Exit status after a load: 1 (with one line per problem on stderr) when a file was unreadable,
/// nothing usable was read, or --strict and a record was rejected; otherwise 0.
int exitStatusFor(const engine::LoadResult &load, bool strict);

} // namespace kvt::cli
