// SPDX-License-Identifier: MIT
// The GUI's words for the engine's issue codes (translatable). The CLI's words live in
// engine/report/issue_text.h; these may differ, e.g. by naming a menu instead of a command-line flag.
#pragma once

#include <QString>

#include "engine/core/issue.h"

namespace kvt::model {

/// A short title for @p code ("Invalid JSON", "CSV without a header: name its columns in File ›
/// Load options").
QString issueTitle(engine::IssueCode code);

/// "Error", "Warning", "Note".
QString severityText(engine::Severity severity);

/// Whether the engine's detail words for @p code add anything a GUI user can act on (false where
/// they only repeat the title, or talk of command-line options).
bool showsEngineDetail(engine::IssueCode code);

} // namespace kvt::model
