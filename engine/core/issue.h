// SPDX-License-Identifier: MIT
// Problems found in input, returned as values (never thrown across the engine API): a code for each
// kind, so every front end chooses its own words (engine/report/issue_text.h for the CLI, the
// model's tr() for the GUI), a severity, and where in the file.
#pragma once

#include <cstddef>
#include <cstdint>
#include <functional>
#include <string>

namespace kvt::engine {

/// One value per kind of problem the readers report. Codes are stable: their machine names
/// (issueCodeName) appear in `inspect` output and case files.
enum class IssueCode : std::uint8_t {
    // The file as a whole (FileReport::errorCode).
    FileNotFound, ///< no such file or folder
    FileUnreadable, ///< the system refused to open, stat or map it (its words in the message)
    OutOfMemory, ///< inflating the file needed more memory than there is
    InflateFailed, ///< zlib could not start inflating
    GzipCorrupt, ///< the gzip data is damaged: what inflated before the damage still loads
    GzipTruncated, ///< the gzip stream ends early: what inflated still loads
    EmptyFile, ///< the file holds no bytes
    NoRecords, ///< an empty JSON array
    UnrecognisedFormat, ///< the content is no Key Vault export kvtriage knows
    CsvColumnsNeeded, ///< a CSV file without a header and no column names given
    // One record, rejected (Issue).
    InvalidJson, ///< not well-formed JSON (simdjson's words in the message)
    NotAnObject, ///< a record that is not a JSON object
    NotARow, ///< a table row that is not a JSON array
    TrailingText, ///< more text after a complete record on its line
    WrongFieldType, ///< a field holds a value of the wrong JSON type
    MissingTime, ///< the record has no timestamp
    BadTime, ///< the timestamp is not a date-time
    CsvFieldCount, ///< a CSV row with more or fewer fields than the header
    UnterminatedQuote, ///< the file ends inside a quoted CSV field
    HeaderUnterminatedQuote, ///< the CSV header row has an unterminated quote
    // The document's structure (Issue; the records before it still load).
    UnexpectedStructure, ///< the document is not laid out as its format promises
    DocumentCutShort, ///< the document ends inside a record or its array of records
    // Notices (Issue; no record rejected).
    LocalTimeAsUtc, ///< a CSV column holds local time without an offset: read as UTC
};

/// The number of IssueCode values (for tables over every code).
inline constexpr std::size_t kIssueCodeCount = static_cast<std::size_t>(IssueCode::LocalTimeAsUtc) + 1;

/// Error: a file or record could not be read. Warning: a file was read only in part. Note: how
/// something was read, nothing lost.
enum class Severity : std::uint8_t { Error, Warning, Note };

/// The severity a problem of kind @p code has wherever it is found.
constexpr Severity severityOf(IssueCode code)
{
    switch (code) {
    case IssueCode::GzipCorrupt:
    case IssueCode::GzipTruncated: return Severity::Warning;
    case IssueCode::LocalTimeAsUtc: return Severity::Note;
    default: return Severity::Error;
    }
}

/// A problem not yet placed in a file: its kind and its detail words (empty message: no problem).
struct Problem {
    IssueCode code = IssueCode::InvalidJson;
    std::string message;

    bool empty() const { return message.empty(); }
};

/// One problem in one file. @c line and @c column are 1-based; 0 means "not applicable", and then
/// @c byte is meaningless too. @c byte is the 0-based offset in the file's content (after gzip).
/// @c message is the detail (simdjson's words, a field name, counts): the words a CLI prints beside
/// the code's title.
struct Issue {
    std::string file;
    std::uint64_t line = 0;
    std::uint64_t column = 0;
    std::string message;
    std::uint64_t byte = 0;
    IssueCode code = IssueCode::InvalidJson;
    Severity severity = Severity::Error;
};

/// How a long job ended. Partial results of a cancelled job are discarded, never published.
enum class JobStatus { Ok, Cancelled, Failed };

/// Progress callback: bytes (or units) done and total. Return false to ask the job to stop.
/// Called at most every ~64 KiB or 1% of the input, from the worker thread.
using ProgressFn = std::function<bool(std::uint64_t done, std::uint64_t total)>;

} // namespace kvt::engine
