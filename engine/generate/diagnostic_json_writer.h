// SPDX-License-Identifier: MIT
// Writes events as raw diagnostic-settings JSON Lines (the PT1H.json shape Key Vault produces).
#pragma once

#include <string>
#include <vector>

#include "engine/generate/generator.h"

namespace kvt::engine {

/// Appends one record as one JSON line (field order and types as Key Vault writes them:
/// durationMs as a string, httpStatusCode as a number, claims in the call path's shape).
void appendDiagnosticJsonLine(const OwnedEvent &event, std::string &out);

} // namespace kvt::engine
