// SPDX-License-Identifier: MIT
// Reading one file on several threads: the file is cut into parts at record boundaries, each part
// is read into its own Dataset, and the parts are appended in file order, so the result (records,
// order, messages, locators) is the one a single thread gives.
#pragma once

#include <functional>
#include <vector>

#include "engine/ingest/diagnostic_json_reader.h"

namespace kvt::engine {

/// Threads the loader uses: the machine's, at most 4.
unsigned loaderThreads();

/// Reads part @p part into @p out. Offsets in locators and messages are absolute (in the whole
/// file), so parts need no adjustment when merged.
using PartReader = std::function<ReadOutcome(std::size_t part, const ReadContext &ctx, Dataset &out)>;

/// Runs @p readPart for parts 0..parts-1: part 0 on the calling thread straight into @p out (it
/// reports progress, scaled as if it were the whole), the others on threads of their own; a cancel
/// stops them all. @p expectedRecords sizes the columns up front.
ReadOutcome readParts(
    std::size_t parts, std::size_t expectedRecords, const ReadContext &ctx, Dataset &out, const PartReader &readPart);

/// Reads a file of one record per line (a UTF-8 BOM skipped) in parts cut at line starts;
/// @p readRange reads the lines of bytes[begin, end).
using RangeReader
    = std::function<ReadOutcome(std::size_t begin, std::size_t end, const ReadContext &ctx, Dataset &out)>;
ReadOutcome readLinesInParts(
    std::string_view bytes, const ReadContext &ctx, Dataset &out, const RangeReader &readRange);

/// Records expected in @p bytes[begin, end), from the average line length of its first 256 KiB.
std::size_t estimateLineRecords(std::string_view bytes, std::size_t begin, std::size_t end);

} // namespace kvt::engine
