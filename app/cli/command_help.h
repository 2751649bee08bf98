// SPDX-License-Identifier: MIT
// `kvtriage-cli --help` and `kvtriage-cli COMMAND --help` (spec/cli.md: every command answers --help).
#pragma once

#include <optional>
#include <string>
#include <vector>

namespace kvt::cli {

/// The overview of every command.
std::string usageText();

/// The help of @p command (usage, options, defaults); nullopt for an unknown command.
std::optional<std::string> commandHelp(const std::string &command);

/// True when @p args ask for help (--help or -h before a lone "--").
bool asksForHelp(const std::vector<std::string> &args);

} // namespace kvt::cli
