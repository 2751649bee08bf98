// SPDX-License-Identifier: MIT
// The CLI's words for the engine's issue codes and severities: a stable machine name (in `inspect`
// output and case files) and a short English title. The GUI translates the codes itself.
#pragma once

#include <optional>
#include <string_view>

#include "engine/core/issue.h"

namespace kvt::engine {

/// Stable machine name, kebab-case ("invalid-json", "gzip-truncated"); never changes once released.
std::string_view issueCodeName(IssueCode code);

/// Short English title, a sentence fragment without a final stop ("Invalid JSON").
std::string_view issueCodeTitle(IssueCode code);

/// The code named @p name by issueCodeName, if any.
std::optional<IssueCode> issueCodeByName(std::string_view name);

/// "error", "warning" or "note".
std::string_view severityName(Severity severity);

} // namespace kvt::engine
