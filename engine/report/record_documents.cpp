// SPDX-License-Identifier: MIT
#include "engine/report/record_documents.h"

#include "engine/ingest/text_position.h"
#include "engine/report/alerts_csv.h"
#include "engine/report/json_writer.h"

namespace kvt::engine {
namespace {

std::string_view textFieldLabel(std::size_t f)
{
    const std::string_view name = kTextFieldNames[f];
    return name.empty() ? kEcsFieldNames[f] : name;
}

std::string_view stageName(RecordStage s)
{
    switch (s) {
    case RecordStage::Any: return "any";
    case RecordStage::Joined: return "joined";
    case RecordStage::SeriesCounted: break;
    }
    return "series-counted";
}

void writeRecord(JsonWriter &w, const Dataset &d, std::size_t r, std::uint64_t line, bool raw)
{
    w.beginObject();
    w.key(kTimeGeneratedName).string(formatIsoDateTime(d.time(r)));
    for (std::size_t f = 0; f < kTextFieldCount; ++f)
        w.key(textFieldLabel(f)).string(d.text(static_cast<TextField>(f), r));
    w.key(kDurationMsName);
    d.durationMs(r) == Dataset::kNoDuration ? w.null() : w.integer(d.durationMs(r));
    w.key(kHttpStatusCodeName);
    d.httpStatusCode(r) < 0 ? w.null() : w.integer(d.httpStatusCode(r));
    w.key("source").beginObject();
    w.key("file").string(d.sourcePath(r));
    w.key("line").integer(static_cast<long long>(line)).endObject();
    if (raw)
        w.key("raw").string(d.rawText(r));
    w.endObject();
}

void appendCsvRecord(std::string &out, const Dataset &d, std::size_t r, std::uint64_t line, bool raw)
{
    out += formatIsoDateTime(d.time(r));
    for (std::size_t f = 0; f < kTextFieldCount; ++f) {
        out += ',';
        appendCsvField(d.text(static_cast<TextField>(f), r), out);
    }
    out += ',';
    if (d.durationMs(r) != Dataset::kNoDuration)
        out += std::to_string(d.durationMs(r));
    out += ',';
    if (d.httpStatusCode(r) >= 0)
        out += std::to_string(d.httpStatusCode(r));
    out += ',';
    appendCsvField(d.sourcePath(r), out);
    out += ',' + std::to_string(line);
    if (raw) {
        out += ',';
        appendCsvField(d.rawText(r), out);
    }
    out += "\r\n";
}

std::string csvDocument(const Dataset &d, std::span<const std::size_t> rows, bool raw)
{
    std::string out;
    for (const auto &name : recordFieldNames()) {
        appendCsvField(name, out);
        out += ',';
    }
    out += raw ? "source_file,source_line,raw\r\n" : "source_file,source_line\r\n";
    const auto lines = recordLines(d, rows);
    for (std::size_t i = 0; i < rows.size(); ++i)
        appendCsvRecord(out, d, rows[i], lines[i], raw);
    return out;
}

} // namespace

std::vector<std::string> recordFieldNames()
{
    std::vector<std::string> names {std::string(kTimeGeneratedName)};
    for (std::size_t f = 0; f < kTextFieldCount; ++f)
        names.emplace_back(textFieldLabel(f));
    names.emplace_back(kDurationMsName);
    names.emplace_back(kHttpStatusCodeName);
    return names;
}

LineLookup::LineLookup(const Dataset &data) : m_data(data), m_indexes(data.sources().size()) { }

std::uint64_t LineLookup::lineOf(std::size_t row)
{
    const RecordLocator &loc = m_data.locator(row);
    if (loc.source >= m_indexes.size())
        return 0;
    const auto &buffer = m_data.sources()[loc.source].buffer;
    return buffer ? positionOf(buffer->bytes(), loc.offset, m_indexes[loc.source]).line : 0;
}

std::vector<std::uint64_t> recordLines(const Dataset &data, std::span<const std::size_t> rows)
{
    LineLookup lookup(data);
    std::vector<std::uint64_t> lines;
    lines.reserve(rows.size());
    for (const std::size_t r : rows)
        lines.push_back(lookup.lineOf(r));
    return lines;
}

std::string recordsDocument(
    const Dataset &data, std::span<const std::size_t> rows, const RecordsHeader &header, RecordsFormat format, bool raw)
{
    if (format == RecordsFormat::Csv)
        return csvDocument(data, rows, raw);
    const auto lines = recordLines(data, rows);
    std::string out;
    if (format == RecordsFormat::JsonLines) {
        for (std::size_t i = 0; i < rows.size(); ++i) {
            JsonWriter w;
            writeRecord(w, data, rows[i], lines[i], raw);
            out += w.take() + "\n";
        }
        return out;
    }
    JsonWriter w;
    w.beginObject().key("key").string(header.key).key("bin");
    header.bin ? w.string(formatIsoDateTime(*header.bin)) : w.null();
    w.key("stage").string(stageName(header.stage));
    w.key("drilldown").string(drilldownName(header.drilldown));
    w.key("count").integer(static_cast<long long>(rows.size()));
    w.key("records").beginArray();
    for (std::size_t i = 0; i < rows.size(); ++i)
        writeRecord(w, data, rows[i], lines[i], raw);
    w.endArray().endObject();
    return w.take() + "\n";
}

} // namespace kvt::engine
