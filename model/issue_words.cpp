// SPDX-License-Identifier: MIT
#include "model/issue_words.h"

#include <QCoreApplication>

namespace kvt::model {
namespace {

struct IssueWords {
    Q_DECLARE_TR_FUNCTIONS(kvt::model::IssueWords)
};

} // namespace

QString issueTitle(engine::IssueCode code)
{
    using engine::IssueCode;
    switch (code) {
    case IssueCode::FileNotFound: return IssueWords::tr("No such file or folder");
    case IssueCode::FileUnreadable: return IssueWords::tr("The file cannot be read");
    case IssueCode::OutOfMemory: return IssueWords::tr("Not enough memory to inflate the file");
    case IssueCode::InflateFailed: return IssueWords::tr("The gzip data cannot be inflated");
    case IssueCode::GzipCorrupt: return IssueWords::tr("Damaged gzip data: what came before the damage is loaded");
    case IssueCode::GzipTruncated: return IssueWords::tr("The gzip file ends early: what it holds is loaded");
    case IssueCode::EmptyFile: return IssueWords::tr("The file is empty");
    case IssueCode::NoRecords: return IssueWords::tr("The file holds no records");
    case IssueCode::UnrecognisedFormat: return IssueWords::tr("Not a Key Vault audit export kvtriage knows");
    case IssueCode::CsvColumnsNeeded:
        return IssueWords::tr("A CSV file without a header row: give its column names in File › Load options");
    case IssueCode::InvalidJson: return IssueWords::tr("Invalid JSON");
    case IssueCode::NotAnObject: return IssueWords::tr("A record that is not a JSON object");
    case IssueCode::NotARow: return IssueWords::tr("A table row that is not a JSON array");
    case IssueCode::TrailingText: return IssueWords::tr("More text after the record on its line");
    case IssueCode::WrongFieldType: return IssueWords::tr("A field of the wrong type");
    case IssueCode::MissingTime: return IssueWords::tr("No timestamp");
    case IssueCode::BadTime: return IssueWords::tr("The timestamp is not a date-time");
    case IssueCode::CsvFieldCount: return IssueWords::tr("A CSV row with more or fewer fields than the header");
    case IssueCode::UnterminatedQuote: return IssueWords::tr("The file ends inside a quoted CSV field");
    case IssueCode::HeaderUnterminatedQuote: return IssueWords::tr("The CSV header has an unterminated quote");
    case IssueCode::UnexpectedStructure: return IssueWords::tr("The document is not laid out as its format promises");
    case IssueCode::DocumentCutShort:
        return IssueWords::tr("The document is cut short: the records before the cut are loaded");
    case IssueCode::LocalTimeAsUtc:
        return IssueWords::tr("Local times read as UTC: set the exporting machine's offset in File › Load options");
    }
    return {};
}

QString severityText(engine::Severity severity)
{
    switch (severity) {
    case engine::Severity::Error: return IssueWords::tr("Error");
    case engine::Severity::Warning: return IssueWords::tr("Warning");
    case engine::Severity::Note: return IssueWords::tr("Note");
    }
    return {};
}

bool showsEngineDetail(engine::IssueCode code)
{
    // These details name command-line options (--columns, --utc-offset): the title says it for the GUI.
    return code != engine::IssueCode::CsvColumnsNeeded && code != engine::IssueCode::LocalTimeAsUtc;
}

} // namespace kvt::model
