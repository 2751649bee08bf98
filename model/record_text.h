// SPDX-License-Identifier: MIT
// The records table's texts: rows copied as TSV or JSON, and one record's detail (its original
// text, pretty-printed, with file and line).
#pragma once

#include <QString>

#include <vector>

#include "engine/rules/record_view.h"

namespace kvt::engine {
class LineLookup;
}

namespace kvt::model {

/// A header line of @p columns' names, then a line per record of @p records (in that order), cells
/// as the table shows them; a tab or line break inside a value becomes a space, so every record
/// stays one line. Lines end with "\n".
QString recordsTsv(const engine::Dataset &data, const std::vector<std::size_t> &records,
    const std::vector<engine::RecordColumn> &columns);

/// A JSON array of the records: every canonical field plus "source": {file, line}, the objects
/// `kvtriage-cli records` prints (engine/report/record_documents.h). Records read from files only.
QString recordsJson(const engine::Dataset &data, const std::vector<std::size_t> &records);

struct RecordDetailText {
    QString source; ///< "FILE, line N"; empty when the record has no source text
    QString text; ///< the original text, pretty-printed (JSON indented, CSV as "column: value" lines)
};

/// The detail pane's content for record @p record.
RecordDetailText recordDetailText(const engine::Dataset &data, std::size_t record, engine::LineLookup *lines = nullptr);

} // namespace kvt::model
