// SPDX-License-Identifier: MIT
// Byte offset -> 1-based line and column, for the issues the readers report.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "engine/core/issue.h"

namespace kvt::engine {

struct TextPosition {
    std::uint64_t line = 1;
    std::uint64_t column = 1;
};

/// Remembers line starts already scanned so repeated lookups in one file stay linear overall.
struct LineIndex {
    std::size_t scannedTo = 0;
    std::vector<std::size_t> lineStarts {0};
};

/// Line and column (in bytes) of @p offset in @p text.
TextPosition positionOf(std::string_view text, std::size_t offset, LineIndex &index);

/// @p problem placed at @p offset of @p text (the content of @p file): line, column and byte, with
/// the severity its code has.
Issue issueAt(
    std::string_view text, std::size_t offset, LineIndex &index, const std::string &file, const Problem &problem);

} // namespace kvt::engine
