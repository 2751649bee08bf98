// SPDX-License-Identifier: MIT
// The records behind a point or an alert as a document (spec/cli.md `records`): every canonical
// field of each record, where it was read (file and line), and optionally its original text.
#pragma once

#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <vector>

#include "engine/ingest/text_position.h"
#include "engine/rules/record_query.h"

namespace kvt::engine {

enum class RecordsFormat { Json, Csv, JsonLines };

/// What the records answer, for the document's header (JSON only).
struct RecordsHeader {
    std::string key;
    std::optional<Ticks> bin; ///< the bin's start for series-counted records; unset for joined ones
    RecordStage stage = RecordStage::SeriesCounted;
    Drilldown drilldown = Drilldown::Faithful;
};

/// The column names of a record, in order: TimeGenerated, every text field (AzureDiagnostics name,
/// or the ECS name for fields only Elastic exports carry), DurationMs, httpStatusCode_d.
std::vector<std::string> recordFieldNames();

/// 1-based line of each of @p rows (sorted ascending) in its source file's text (inflated for .gz).
std::vector<std::uint64_t> recordLines(const Dataset &data, std::span<const std::size_t> rows);

/// Lines of single records, one lookup after another (the detail pane): the line starts scanned in
/// each source are kept, so a file is scanned once however many records the analyst reads.
class LineLookup {
public:
    explicit LineLookup(const Dataset &data);
    const Dataset &dataset() const { return m_data; }
    /// 1-based line of record @p row's start; 0 when it has no source text.
    std::uint64_t lineOf(std::size_t row);

private:
    const Dataset &m_data;
    std::vector<LineIndex> m_indexes;
};

/// JSON: {key, bin, stage, drilldown, count, records: [...]}; JSON Lines: one record object a line;
/// CSV: a header, then a row a record (source_file, source_line, [raw] last). @p raw adds each
/// record's original text.
std::string recordsDocument(const Dataset &data, std::span<const std::size_t> rows, const RecordsHeader &header,
    RecordsFormat format, bool raw);

} // namespace kvt::engine
