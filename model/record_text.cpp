// SPDX-License-Identifier: MIT
#include "model/record_text.h"

#include "engine/report/record_detail.h"
#include "engine/report/record_documents.h"
#include "model/record_table_model.h"
#include "model/text_conversions.h"

namespace kvt::model {
namespace {

void appendTsvCell(std::string_view value, std::string &out)
{
    for (const char c : value)
        out += c == '\t' || c == '\n' || c == '\r' ? ' ' : c;
}

} // namespace

QString recordsTsv(const engine::Dataset &data, const std::vector<std::size_t> &records,
    const std::vector<engine::RecordColumn> &columns)
{
    std::string out;
    const std::vector<std::string> names = engine::recordFieldNames();
    for (std::size_t c = 0; c < columns.size(); ++c) {
        out += c ? "\t" : "";
        appendTsvCell(names[columns[c]], out);
    }
    out += '\n';
    for (const std::size_t r : records) {
        for (std::size_t c = 0; c < columns.size(); ++c) {
            out += c ? "\t" : "";
            appendTsvCell(engine::recordCellText(data, r, columns[c]), out);
        }
        out += '\n';
    }
    return toQString(out);
}

QString recordsJson(const engine::Dataset &data, const std::vector<std::size_t> &records)
{
    // The CLI's JSON Lines document, one record object a line, made into an array: the same objects
    // the CLI prints, built in one place.
    const std::string lines = engine::recordsDocument(data, records, {}, engine::RecordsFormat::JsonLines, false);
    std::string out = "[";
    std::size_t start = 0;
    while (start < lines.size()) {
        const std::size_t end = lines.find('\n', start);
        out += start ? ",\n" : "\n";
        out.append(lines, start, end - start);
        start = end + 1;
    }
    out += "\n]\n";
    return toQString(out);
}

RecordDetailText recordDetailText(const engine::Dataset &data, std::size_t record, engine::LineLookup *lines)
{
    const engine::RecordDetail detail = engine::recordDetail(data, record, lines);
    RecordDetailText text;
    if (!detail.file.empty())
        text.source = QStringLiteral("%1, line %2").arg(toQString(detail.file)).arg(detail.line);
    text.text = toQString(detail.text);
    return text;
}

} // namespace kvt::model
