// SPDX-License-Identifier: MIT
// Where CLI results and progress go: results to stdout or --output, everything else to stderr.
#pragma once

#include <string>

#include "engine/core/issue.h"

namespace kvt::cli {

/// Writes @p text to @p path ("-" or empty = standard output); false with a message on stderr.
bool writeOutput(const std::string &path, const std::string &text);

/// Progress on standard error (a percentage line), only when stderr is a terminal.
engine::ProgressFn terminalProgress(const std::string &label);

} // namespace kvt::cli
