// SPDX-License-Identifier: MIT
// A structural scan of JSON text that finds where values begin and end without building them:
// strings (with their escapes) are skipped and brackets counted. It lets the readers split a
// document of any size into its records, each then parsed on its own by simdjson, so a 10 GB
// array needs neither a copy nor simdjson's whole-document index (which stops at 4 GB).
#pragma once

#include <cstddef>
#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "engine/core/issue.h"

namespace kvt::engine {

/// A byte range [begin, end) of the scanned text.
struct TextRange {
    std::size_t begin = 0;
    std::size_t end = 0;
};

/// Position of the first non-whitespace byte at or after @p pos (text.size() if none).
std::size_t skipJsonWhitespace(std::string_view text, std::size_t pos);

/// End of the value starting at @p pos (an object, array, string or scalar), or npos when the text
/// ends inside it. The value is not validated; only its extent is found.
std::size_t skipJsonValue(std::string_view text, std::size_t pos);

/// The member names of the object starting at @p pos, as far as @p text goes (a cut-short
/// document yields the names before the cut). Names are taken as written, without unescaping.
std::vector<std::string> jsonObjectKeys(std::string_view text, std::size_t pos);

/// The elements of the record arrays of a document: the document itself when @p path is empty,
/// else the array reached through the object members named by @p path ({"records"}, {"hits",
/// "hits"}). Several documents one after another (an Event Hub capture, one envelope per line) are
/// all scanned.
struct ArrayScan {
    std::vector<TextRange> elements; ///< complete elements, in file order
    std::size_t problemAt = std::string_view::npos; ///< where the structure broke, if it did
    std::string problem; ///< what was expected there
    IssueCode problemCode = IssueCode::UnexpectedStructure; ///< UnexpectedStructure or DocumentCutShort
    bool cancelled = false;
};

/// @p tick is called now and then with the position reached; returning false cancels the scan.
ArrayScan scanJsonArrays(std::string_view text, const std::vector<std::string_view> &path,
    const std::function<bool(std::size_t)> &tick = {});

/// @p text cut after its last complete element two or more levels deep, with the open brackets
/// closed: a truncated array or table becomes valid JSON holding every complete record. Empty when
/// there is no such element.
std::string closeAfterLastElement(std::string_view text);

} // namespace kvt::engine
