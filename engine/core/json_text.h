// SPDX-License-Identifier: MIT
// JSON text pieces every writer in the engine shares (report documents, exports, the generator):
// string literals and numbers, written the way spec/cli.md fixes them.
#pragma once

#include <string>
#include <string_view>

namespace kvt::engine {

/// Appends @p text as a JSON string literal, quotes included. Control characters are escaped;
/// bytes >= 0x80 pass through untouched (the text is UTF-8 already).
void appendJsonString(std::string_view text, std::string &out);

/// Formats a double with 17 significant digits. +inf/-inf become ±1.7976931348623157e+308 (the
/// largest double, which exceeds every threshold just as infinity does); NaN becomes null.
std::string formatJsonNumber(double value);

} // namespace kvt::engine
