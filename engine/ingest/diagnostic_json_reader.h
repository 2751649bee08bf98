// SPDX-License-Identifier: MIT
// Reader for raw diagnostic-settings Key Vault records (section 3 of data-formats.md).
#pragma once

#include <algorithm>
#include <cstdint>
#include <string>
#include <vector>

#include "engine/core/issue.h"
#include "engine/store/dataset.h"

namespace kvt::engine {

/// A field or column name as the file has it, and the canonical (AzureDiagnostics) field it fills;
/// canonical is empty for names kvtriage does not use.
struct ColumnMapping {
    std::string name;
    std::string canonical;
};

/// What one reader run produced for one file.
struct ReadOutcome {
    std::uint64_t records = 0;
    std::uint64_t rejected = 0;
    std::vector<Issue> issues; ///< at most @ref ReadContext::maxIssues, in file order
    bool cancelled = false;
    std::vector<ColumnMapping> columns; ///< the file's own names: header, table columns or first record's
};

/// Inputs shared by all readers.
struct ReadContext {
    std::string path; ///< for messages
    std::uint32_t source = 0; ///< index of the file in the dataset's sources
    std::size_t maxIssues = 100; ///< further problems are counted, not listed
    ProgressFn progress; ///< bytes of this file's content; may be empty
    unsigned threads = 1; ///< threads a reader may use for this file
    std::size_t minPartBytes = std::size_t {16} << 20; ///< smallest share of a file a thread is given

    /// Parts to read @p bytes in: one per thread, none smaller than minPartBytes.
    std::size_t partsFor(std::size_t bytes) const
    {
        return std::max<std::size_t>(1, std::min<std::size_t>(threads, bytes / std::max<std::size_t>(minPartBytes, 1)));
    }
};

/// Reads raw diagnostic records, one per line (PT1H.json), from @p bytes into @p out: the fast
/// path for the most common export. (The {"records":[…]} envelope goes through readJsonExport.)
/// Every record is either appended or counted as rejected with a line/column message. Large files
/// are read on ctx.threads threads.
ReadOutcome readDiagnosticJson(std::string_view bytes, const ReadContext &ctx, Dataset &out);

} // namespace kvt::engine
