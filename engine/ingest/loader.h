// SPDX-License-Identifier: MIT
// Loads many input files and folders into one Dataset, with progress, cancel and per-file reports.
#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "engine/core/issue.h"
#include "engine/ingest/csv_reader.h"
#include "engine/ingest/input_format.h"
#include "engine/store/dataset.h"

namespace kvt::engine {

struct LoadOptions {
    std::optional<InputFormat> forcedFormat; ///< skip sniffing (`--input-format`)
    std::size_t maxIssuesPerFile = 100;
    CsvOptions csv; ///< `--columns`, `--utc-offset`
    unsigned threads = 0; ///< 0: loaderThreads()
    std::size_t minPartBytes = std::size_t {16} << 20; ///< smallest share of a file per thread (tests lower it)
};

/// What was read from one file.
struct FileReport {
    std::string path;
    std::string format; ///< format name, or "unknown"
    std::string layout; ///< "json-lines" / "records-envelope" where it applies
    bool compressed = false;
    std::uint64_t bytes = 0; ///< size on disk
    std::uint64_t records = 0;
    std::uint64_t rejected = 0;
    std::vector<Issue> issues;
    std::vector<ColumnMapping> columns; ///< the file's own field names and what each maps to
    std::string error; ///< the file could not be read at all (or only partly, e.g. truncated gzip)
    /// The kind of @c error, set exactly when @c error is not empty; severityOf() tells a partial
    /// read (Warning) from a failure (Error).
    std::optional<IssueCode> errorCode;
    /// Found while walking a folder and not an audit export (a README, a labels file...): reported,
    /// but not a failure of the load.
    bool skipped = false;
};

struct LoadResult {
    JobStatus status = JobStatus::Ok;
    std::shared_ptr<const Dataset> dataset; ///< null unless status == Ok
    std::vector<FileReport> files;

    std::uint64_t records() const;
    std::uint64_t rejected() const;
};

/// One file to read; @c fromFolder when it was found by walking a folder the user named.
struct InputFile {
    std::string path;
    bool fromFolder = false;
};

/// Expands folders recursively (sorted, regular files only); files and "-" pass through.
/// Paths that do not exist are returned in @p missing.
std::vector<InputFile> expandInputs(const std::vector<std::string> &inputs, std::vector<std::string> &missing);

/// Loads every input. Files that cannot be read get a FileReport with @c error; the others load.
/// @p progress sees bytes on disk (all inputs together); returning false cancels the load.
LoadResult loadInputs(
    const std::vector<std::string> &inputs, const LoadOptions &options, const ProgressFn &progress = {});

} // namespace kvt::engine
