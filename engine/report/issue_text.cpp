// SPDX-License-Identifier: MIT
#include "engine/report/issue_text.h"

#include <array>

namespace kvt::engine {
namespace {

struct CodeText {
    IssueCode code;
    std::string_view name;
    std::string_view title;
};

// One row per code, in enum order (checked below), so a new code without words fails to compile.
constexpr std::array<CodeText, kIssueCodeCount> kCodeTexts {{
    {IssueCode::FileNotFound, "file-not-found", "No such file or folder"},
    {IssueCode::FileUnreadable, "file-unreadable", "The file cannot be read"},
    {IssueCode::OutOfMemory, "out-of-memory", "Not enough memory to inflate the file"},
    {IssueCode::InflateFailed, "inflate-failed", "The gzip decompressor could not start"},
    {IssueCode::GzipCorrupt, "gzip-corrupt", "The gzip data is damaged; what came before still loads"},
    {IssueCode::GzipTruncated, "gzip-truncated", "The gzip file is cut short; what came before still loads"},
    {IssueCode::EmptyFile, "empty-file", "The file is empty"},
    {IssueCode::NoRecords, "no-records", "The file holds no records"},
    {IssueCode::UnrecognisedFormat, "unrecognised-format", "Not a recognised Key Vault export"},
    {IssueCode::CsvColumnsNeeded, "csv-columns-needed", "A CSV file without a header needs its column names"},
    {IssueCode::InvalidJson, "invalid-json", "Invalid JSON"},
    {IssueCode::NotAnObject, "not-an-object", "A record is not a JSON object"},
    {IssueCode::NotARow, "not-a-row", "A table row is not a JSON array"},
    {IssueCode::TrailingText, "trailing-text", "Unexpected text after a record"},
    {IssueCode::WrongFieldType, "wrong-field-type", "A field holds a value of the wrong type"},
    {IssueCode::MissingTime, "missing-time", "A record has no timestamp"},
    {IssueCode::BadTime, "bad-time", "A timestamp is not a date-time"},
    {IssueCode::CsvFieldCount, "csv-field-count", "A CSV row has the wrong number of fields"},
    {IssueCode::UnterminatedQuote, "unterminated-quote", "The file ends inside a quoted field"},
    {IssueCode::HeaderUnterminatedQuote, "header-unterminated-quote", "The CSV header has an unterminated quote"},
    {IssueCode::UnexpectedStructure, "unexpected-structure", "The document is not laid out as its format expects"},
    {IssueCode::DocumentCutShort, "document-cut-short", "The document is cut short"},
    {IssueCode::LocalTimeAsUtc, "local-time-as-utc", "Local times without an offset are read as UTC"},
}};

constexpr bool inEnumOrder()
{
    for (std::size_t i = 0; i < kCodeTexts.size(); ++i)
        if (static_cast<std::size_t>(kCodeTexts[i].code) != i)
            return false;
    return true;
}
static_assert(inEnumOrder(), "kCodeTexts must list every IssueCode once, in enum order");

} // namespace

std::string_view issueCodeName(IssueCode code)
{
    return kCodeTexts[static_cast<std::size_t>(code)].name;
}

std::string_view issueCodeTitle(IssueCode code)
{
    return kCodeTexts[static_cast<std::size_t>(code)].title;
}

std::optional<IssueCode> issueCodeByName(std::string_view name)
{
    for (const CodeText &t : kCodeTexts)
        if (t.name == name)
            return t.code;
    return std::nullopt;
}

std::string_view severityName(Severity severity)
{
    switch (severity) {
    case Severity::Error: return "error";
    case Severity::Warning: return "warning";
    case Severity::Note: return "note";
    }
    return "error";
}

} // namespace kvt::engine
