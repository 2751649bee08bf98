// SPDX-License-Identifier: MIT
#include "engine/ingest/json_export_reader.h"

#include <cstring>
#include <vector>

#include "engine/ingest/field_mapper.h"
#include "engine/ingest/json_scan.h"
#include "engine/ingest/json_text_parser.h"
#include "engine/ingest/line_walk.h"
#include "engine/ingest/parallel_read.h"
#include "engine/ingest/read_session.h"
#include "engine/ingest/text_position.h"

namespace kvt::engine {
namespace {

namespace od = simdjson::ondemand;

std::string_view trimmed(std::string_view s)
{
    while (!s.empty() && (s.back() == ' ' || s.back() == '\n' || s.back() == '\r' || s.back() == '\t'))
        s.remove_suffix(1);
    return s;
}

bool isBulkAction(std::string_view key)
{
    return key == "index" || key == "create" || key == "update" || key == "delete";
}

// Offers every scalar member of @p obj to @p b under its dotted path. Elastic hits contribute their
// `_source`; AdditionalFields members keep their own (AzureDiagnostics) names.
void offerObject(od::object obj, std::string &prefix, RecordBuilder &b, bool &bulkAction)
{
    for (auto field : obj) {
        const std::string_view key = field.unescaped_key();
        od::value v = field.value();
        const std::size_t mark = prefix.size();
        switch (v.type()) {
        case od::json_type::object:
            if (prefix.empty() && isBulkAction(key)) {
                bulkAction = true;
            } else if (prefix.empty() && (key == "_source" || key == "AdditionalFields")) {
                offerObject(v.get_object(), prefix, b, bulkAction);
            } else {
                prefix.append(key).push_back('.');
                offerObject(v.get_object(), prefix, b, bulkAction);
                prefix.resize(mark);
            }
            break;
        case od::json_type::string:
            prefix.append(key);
            b.set(prefix, v.get_string().value());
            prefix.resize(mark);
            break;
        case od::json_type::number:
        case od::json_type::boolean:
            prefix.append(key);
            b.set(prefix, trimmed(v.raw_json_token()));
            prefix.resize(mark);
            break;
        default: break; // arrays and nulls carry no canonical field
        }
    }
}

// Offers one table row: values aligned with @p columns; dynamic values as their JSON text.
void offerRow(od::array row, const std::vector<std::string> &columns, RecordBuilder &b)
{
    std::size_t i = 0;
    for (auto element : row) {
        if (i >= columns.size())
            break;
        od::value v = element.value();
        switch (v.type()) {
        case od::json_type::string: b.set(columns[i], v.get_string().value()); break;
        case od::json_type::number:
        case od::json_type::boolean: b.set(columns[i], trimmed(v.raw_json_token())); break;
        case od::json_type::object: {
            od::object o = v.get_object();
            b.set(columns[i], trimmed(o.raw_json().value()));
            break;
        }
        case od::json_type::array: {
            od::array a = v.get_array();
            b.set(columns[i], trimmed(a.raw_json().value()));
            break;
        }
        default: break;
        }
        ++i;
    }
}

class ExportReader {
public:
    ExportReader(std::string_view bytes, const ReadContext &ctx, Dataset &out) : m_session(bytes, ctx, out) { }

    // One object per line (NDJSON), in bytes[begin, stop) which starts at a line start.
    ReadOutcome objectLines(std::size_t begin, std::size_t stop)
    {
        forEachLine(
            m_session.bytes(), begin, stop, [&](std::size_t offset, std::size_t length) { objectText(offset, length); },
            [&](std::size_t next) { return m_session.tick(next); });
        return m_session.take();
    }

    // The records of an array found by the structural scan: elements[first, last).
    ReadOutcome elements(const std::vector<TextRange> &ranges, std::size_t first, std::size_t last)
    {
        for (std::size_t i = first; i < last; ++i) {
            objectText(ranges[i].begin, ranges[i].end - ranges[i].begin);
            if (!m_session.tick(ranges[i].end))
                break;
        }
        return m_session.take();
    }

    // A whole-file document: an array of objects, a table envelope, Kusto frames, Elastic hits.
    // A document cut short (an interrupted download) fails simdjson's first pass before any row is
    // read: then it is closed after its last complete element and read again, so every complete
    // record still loads.
    ReadOutcome document(JsonShape shape)
    {
        const std::string_view bytes = m_session.bytes();
        std::size_t errorAt = 0;
        Problem problem;
        if (!parseDocument(bytes, shape, errorAt, problem) && m_session.recordsSoFar() == 0) {
            const std::string repaired = closeAfterLastElement(bytes);
            std::size_t ignored = 0;
            Problem ignoredProblem;
            if (!repaired.empty())
                parseDocument(repaired, shape, ignored, ignoredProblem);
            problem.code = IssueCode::DocumentCutShort;
            problem.message += "; the document is cut short or broken: " + std::to_string(m_session.recordsSoFar())
                + " records before this point were read";
        }
        if (!problem.empty())
            m_session.reject(errorAt, problem);
        return m_session.take();
    }

private:
    // Parses @p text (the file or a repaired copy with the same prefix); false with the position
    // and the problem of the first error.
    bool parseDocument(std::string_view text, JsonShape shape, std::size_t &errorAt, Problem &problem)
    {
        simdjson::padded_string copy(text);
        m_base = copy.data();
        od::document doc;
        bool started = false;
        try {
            doc = m_docParser.iterate(copy);
            started = true;
            switch (shape) {
            case JsonShape::LaTables: tables(doc.get_object(), "tables", "name", "columns", "rows", false); break;
            case JsonShape::KustoV1: tables(doc.get_object(), "Tables", "ColumnName", "Columns", "Rows", false); break;
            case JsonShape::EsqlColumns: singleTable(doc.get_object(), "name", "columns", "values"); break;
            case JsonShape::KustoV2: kustoFrames(doc.get_array()); break;
            default: break; // the shapes split by the structural scan never come here
            }
            return true;
        } catch (const simdjson::simdjson_error &e) {
            const char *where = nullptr;
            errorAt = text.size();
            // A document that failed in simdjson's first pass has no position to ask for.
            if (started && doc.current_location().get(where) == simdjson::SUCCESS && where >= m_base)
                errorAt = std::min<std::size_t>(static_cast<std::size_t>(where - m_base), text.size());
            if (e.error() == simdjson::UTF8_ERROR)
                errorAt = firstInvalidUtf8(text);
            problem = {IssueCode::InvalidJson, std::string("invalid JSON: ") + simdjson::error_message(e.error())};
            return false;
        }
    }

    std::size_t offsetOf(std::string_view raw) const { return static_cast<std::size_t>(raw.data() - m_base); }

    // Parses one object whose text is bytes[offset, offset + length) and appends it.
    void objectText(std::size_t offset, std::size_t length)
    {
        const std::string_view bytes = m_session.bytes();
        Problem error;
        std::size_t errorOffset = 0;
        bool bulkAction = false;
        m_builder.reset();
        const auto visit = [&](od::object obj) {
            std::string prefix;
            offerObject(obj, prefix, m_builder, bulkAction);
            return true;
        };
        if (!m_lineParser.parse(bytes.substr(offset, length), bytes.size() - offset, visit, error, errorOffset)) {
            m_session.reject(offset + errorOffset, error);
            return;
        }
        finishRecord(offset, length, bulkAction);
    }

    void finishRecord(std::size_t offset, std::size_t length, bool bulkAction = false)
    {
        EventDraft draft;
        Problem error;
        if (m_builder.finish(draft, error)) {
            m_session.append(draft, offset, length);
            if (m_session.wantsColumns())
                m_session.setColumns(m_builder.namesOfLastRecord());
        } else if (!bulkAction) // a _bulk action line precedes each document: not a record
            m_session.reject(offset, error);
    }

    std::vector<std::string> columnNames(od::array columns, std::string_view nameKey)
    {
        std::vector<std::string> names;
        for (auto c : columns) {
            std::string name;
            for (auto field : c.get_object())
                if (field.unescaped_key().value() == nameKey)
                    name = std::string(std::string_view(field.value().get_string().value()));
            names.push_back(std::move(name));
        }
        return names;
    }

    void rows(od::array rowsArray, const std::vector<std::string> &columns)
    {
        for (auto element : rowsArray) {
            od::value v = element.value();
            if (v.type() != od::json_type::array) {
                m_session.reject(0, {IssueCode::NotARow, "expected a row (JSON array)"});
                continue;
            }
            od::array row = v.get_array();
            const std::string_view raw = trimmed(row.raw_json().value());
            row.reset();
            m_builder.reset();
            offerRow(row, columns, m_builder);
            finishRecord(offsetOf(raw), raw.size());
            if (!m_session.tick(offsetOf(raw)))
                return;
        }
    }

    // One table object: the columns must come before the rows, as every producer writes them.
    void table(
        od::object t, std::string_view nameKey, std::string_view columnsKey, std::string_view rowsKey, bool primaryOnly)
    {
        std::vector<std::string> columns;
        bool primary = !primaryOnly;
        for (auto field : t) {
            const std::string_view key = field.unescaped_key();
            if (key == "TableKind" || key == "TableName") {
                od::value v = field.value();
                if (v.type() == od::json_type::string && v.get_string().value() == "PrimaryResult")
                    primary = true;
            } else if (key == columnsKey) {
                columns = columnNames(field.value().get_array(), nameKey);
            } else if (key == rowsKey && primary) {
                rows(field.value().get_array(), columns);
            }
        }
    }

    void tables(od::object root, std::string_view tablesKey, std::string_view nameKey, std::string_view columnsKey,
        std::string_view rowsKey, bool primaryOnly)
    {
        for (auto field : root)
            if (field.unescaped_key().value() == tablesKey)
                for (auto t : field.value().get_array())
                    table(t.get_object(), nameKey, columnsKey, rowsKey, primaryOnly);
    }

    void singleTable(od::object root, std::string_view nameKey, std::string_view columnsKey, std::string_view rowsKey)
    {
        table(root, nameKey, columnsKey, rowsKey, false);
    }

    void kustoFrames(od::array frames)
    {
        for (auto frame : frames) {
            od::object f = frame.get_object();
            bool dataTable = false;
            std::vector<std::string> columns;
            bool primary = false;
            for (auto field : f) {
                const std::string_view key = field.unescaped_key();
                od::value v = field.value();
                if (key == "FrameType")
                    dataTable = v.get_string().value() == "DataTable";
                else if (key == "TableKind")
                    primary = v.get_string().value() == "PrimaryResult";
                else if (key == "Columns")
                    columns = columnNames(v.get_array(), "ColumnName");
                else if (key == "Rows" && dataTable && primary)
                    rows(v.get_array(), columns);
            }
        }
    }

    ReadSession m_session;
    RecordBuilder m_builder;
    JsonTextParser m_lineParser;
    od::parser m_docParser;
    const char *m_base = nullptr;
};

} // namespace

std::vector<ColumnMapping> fieldNamesOf(std::string_view objectText)
{
    RecordBuilder builder;
    JsonTextParser parser;
    Problem error;
    std::size_t errorOffset = 0;
    bool bulkAction = false;
    const auto visit = [&](od::object obj) {
        std::string prefix;
        offerObject(obj, prefix, builder, bulkAction);
        return true;
    };
    if (!parser.parse(objectText, objectText.size(), visit, error, errorOffset))
        return {};
    return builder.namesOfLastRecord();
}

namespace {

// A document whose records are the elements of one array: scanned for the element boundaries,
// then each element parsed on its own, on several threads.
ReadOutcome readArrayElements(
    std::string_view bytes, const std::vector<std::string_view> &path, const ReadContext &ctx, Dataset &out)
{
    const std::uint64_t total = bytes.size();
    // The scan is about a quarter of the work, the records the rest.
    const ArrayScan scan
        = scanJsonArrays(bytes, path, [&](std::size_t at) { return !ctx.progress || ctx.progress(at / 4, total); });
    if (scan.cancelled) {
        ReadOutcome outcome;
        outcome.cancelled = true;
        return outcome;
    }
    ReadContext parse = ctx;
    if (ctx.progress)
        parse.progress = [&](std::uint64_t done, std::uint64_t) {
            return ctx.progress(total / 4 + std::min(done, total) / 4 * 3, total);
        };
    const std::size_t count = scan.elements.size();
    const std::size_t parts = count == 0 ? 1 : ctx.partsFor(scan.elements.back().end - scan.elements.front().begin);
    ReadOutcome outcome = readParts(parts, count, parse, out, [&](std::size_t k, const ReadContext &c, Dataset &d) {
        return ExportReader(bytes, c, d).elements(scan.elements, count * k / parts, count * (k + 1) / parts);
    });
    // A structural problem the scan met: every record before it was read; it counts as one rejected.
    if (!scan.problem.empty() && !outcome.cancelled) {
        ++outcome.rejected;
        if (outcome.issues.size() < ctx.maxIssues) {
            LineIndex lines;
            outcome.issues.push_back(issueAt(bytes, scan.problemAt, lines, ctx.path, {scan.problemCode, scan.problem}));
        }
    }
    return outcome;
}

} // namespace

ReadOutcome readJsonExport(std::string_view bytes, JsonShape shape, const ReadContext &ctx, Dataset &out)
{
    switch (shape) {
    case JsonShape::ObjectLines:
        return readLinesInParts(
            bytes, ctx, out, [&](std::size_t begin, std::size_t end, const ReadContext &c, Dataset &d) {
                return ExportReader(bytes, c, d).objectLines(begin, end);
            });
    case JsonShape::ObjectArray: return readArrayElements(bytes, {}, ctx, out);
    case JsonShape::RecordsEnvelope: return readArrayElements(bytes, {"records"}, ctx, out);
    case JsonShape::ElasticSearch: return readArrayElements(bytes, {"hits", "hits"}, ctx, out);
    default: return ExportReader(bytes, ctx, out).document(shape);
    }
}

} // namespace kvt::engine
