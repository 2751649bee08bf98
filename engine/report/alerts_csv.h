// SPDX-License-Identifier: MIT
// The Sentinel rule's alert table as CSV (`detect --format csv`).
#pragma once

#include <string>

#include "engine/rules/sentinel_rule.h"

namespace kvt::engine {

/// RFC 4180 CSV with the rule's column names; list columns hold their JSON array text.
std::string alertsCsv(const SentinelResult &result);

/// Appends @p text as one CSV field, quoted when it holds a comma, quote or line break.
void appendCsvField(std::string_view text, std::string &out);

} // namespace kvt::engine
