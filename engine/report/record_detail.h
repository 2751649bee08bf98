// SPDX-License-Identifier: MIT
// One record as the analyst reads it in the detail pane: its original text from the source file,
// pretty-printed, with where it was read.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>

#include "engine/report/record_documents.h"
#include "engine/store/dataset.h"

namespace kvt::engine {

struct RecordDetail {
    std::string file; ///< the source file's path; empty when the record has no source text
    std::uint64_t line = 0; ///< 1-based line of the record's start in the file's text (inflated for .gz); 0 = unknown
    std::string text; ///< JSON indented by two spaces (key order kept), CSV as "column: value" lines
};

/// The detail of record @p row of @p data. Text that does not parse is shown as it is. @p lines,
/// when given (for the same dataset), keeps the line starts scanned between calls. Safe from any
/// thread (reads only; a LineLookup is one thread's).
RecordDetail recordDetail(const Dataset &data, std::size_t row, LineLookup *lines = nullptr);

} // namespace kvt::engine
