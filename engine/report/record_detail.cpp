// SPDX-License-Identifier: MIT
#include "engine/report/record_detail.h"

#include <array>
#include <nlohmann/json.hpp>
#include <string_view>

#include "engine/ingest/csv_reader.h"
#include "engine/ingest/input_format.h"
#include "engine/report/record_documents.h"

namespace kvt::engine {
namespace {

std::string_view withoutBom(std::string_view s)
{
    return s.starts_with("\xEF\xBB\xBF") ? s.substr(3) : s;
}

// A CSV row beside its file's header row, one "name: value" line a column. A headerless export
// names its columns only in the load options, so its columns are numbered.
std::string csvDetail(std::string_view file, std::string_view raw, bool headed)
{
    const std::vector<std::string> values = splitCsvRecord(raw);
    const std::vector<std::string> names = headed ? splitCsvRecord(withoutBom(file)) : std::vector<std::string>();
    if (values.empty())
        return std::string(raw);
    std::string out;
    for (std::size_t i = 0; i < values.size(); ++i) {
        out += i < names.size() ? names[i] : "column " + std::to_string(i + 1);
        out += ": ";
        out += values[i];
        out += '\n';
    }
    return out;
}

std::string jsonDetail(std::string_view raw)
{
    // ordered_json keeps the record's own key order; exceptions stay inside (style.md section 1).
    const auto doc = nlohmann::ordered_json::parse(raw.begin(), raw.end(), nullptr, false);
    if (doc.is_discarded())
        return std::string(raw);
    return doc.dump(2, ' ', false, nlohmann::ordered_json::error_handler_t::replace);
}

} // namespace

RecordDetail recordDetail(const Dataset &data, std::size_t row, LineLookup *lines)
{
    RecordDetail detail;
    const RecordLocator &loc = data.locator(row);
    if (loc.source >= data.sources().size() || !data.sources()[loc.source].buffer)
        return detail; // generated in memory: no original text
    const SourceFile &source = data.sources()[loc.source];
    detail.file = source.path;
    if (lines && &lines->dataset() == &data) {
        detail.line = lines->lineOf(row);
    } else {
        const std::array<std::size_t, 1> rows {row};
        detail.line = recordLines(data, rows).front();
    }
    const std::string_view raw = data.rawText(row);
    const bool headed = source.format == formatName(InputFormat::Csv);
    if (headed || source.format == formatName(InputFormat::CsvHeaderless))
        detail.text = csvDetail(source.buffer->bytes(), raw, headed);
    else
        detail.text = jsonDetail(raw);
    return detail;
}

} // namespace kvt::engine
