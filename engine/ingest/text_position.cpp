// SPDX-License-Identifier: MIT
#include "engine/ingest/text_position.h"

#include <algorithm>
#include <cstring>

namespace kvt::engine {

TextPosition positionOf(std::string_view text, std::size_t offset, LineIndex &index)
{
    offset = std::min(offset, text.size());
    while (index.scannedTo < offset) {
        const void *nl = std::memchr(text.data() + index.scannedTo, '\n', offset - index.scannedTo);
        if (!nl) {
            index.scannedTo = offset;
            break;
        }
        const auto at = static_cast<std::size_t>(static_cast<const char *>(nl) - text.data());
        index.lineStarts.push_back(at + 1);
        index.scannedTo = at + 1;
    }
    const auto it = std::upper_bound(index.lineStarts.begin(), index.lineStarts.end(), offset);
    const std::size_t line = static_cast<std::size_t>(it - index.lineStarts.begin());
    return TextPosition {line, offset - index.lineStarts[line - 1] + 1};
}

Issue issueAt(
    std::string_view text, std::size_t offset, LineIndex &index, const std::string &file, const Problem &problem)
{
    const TextPosition pos = positionOf(text, offset, index);
    return Issue {file, pos.line, pos.column, problem.message, std::min(offset, text.size()), problem.code,
        severityOf(problem.code)};
}

} // namespace kvt::engine
