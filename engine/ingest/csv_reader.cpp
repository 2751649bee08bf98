// SPDX-License-Identifier: MIT
#include "engine/ingest/csv_reader.h"

#include <algorithm>
#include <deque>
#include <thread>

#include "engine/ingest/field_mapper.h"
#include "engine/ingest/parallel_read.h"
#include "engine/ingest/read_session.h"

namespace kvt::engine {
namespace {

/// RFC 4180 tokenizer over bytes[pos, stop): quoted fields with doubled quotes, CRLF or LF, line
/// breaks inside quotes. Fields are views into the buffer; only a quoted field with a doubled quote
/// is unescaped, into storage kept until the next record.
class CsvTokenizer {
public:
    CsvTokenizer(std::string_view bytes, std::size_t pos, std::size_t stop) : m_bytes(bytes.substr(0, stop)), m_pos(pos)
    {
    }

    bool atEnd() const { return m_pos >= m_bytes.size(); }
    std::size_t position() const { return m_pos; }

    /// Reads one record into @p fields. False with @p errorOffset when a quote is never closed.
    bool next(std::vector<std::string_view> &fields, std::size_t &errorOffset)
    {
        fields.clear();
        m_unescapedUsed = 0;
        for (;;) {
            std::string_view field;
            if (m_pos < m_bytes.size() && m_bytes[m_pos] == '"') {
                if (!quoted(field, errorOffset))
                    return false;
            } else {
                const std::size_t start = m_pos;
                while (
                    m_pos < m_bytes.size() && m_bytes[m_pos] != ',' && m_bytes[m_pos] != '\n' && m_bytes[m_pos] != '\r')
                    ++m_pos;
                field = m_bytes.substr(start, m_pos - start);
            }
            fields.push_back(field);
            if (m_pos < m_bytes.size() && m_bytes[m_pos] == ',') {
                ++m_pos;
                continue;
            }
            if (m_pos < m_bytes.size() && m_bytes[m_pos] == '\r')
                ++m_pos;
            if (m_pos < m_bytes.size() && m_bytes[m_pos] == '\n')
                ++m_pos;
            return true;
        }
    }

private:
    bool quoted(std::string_view &field, std::size_t &errorOffset)
    {
        const std::size_t open = m_pos++;
        std::string *unescaped = nullptr;
        for (;;) {
            const std::size_t quote = m_bytes.find('"', m_pos);
            if (quote == std::string_view::npos) {
                errorOffset = open;
                m_pos = m_bytes.size();
                return false;
            }
            const bool doubled = quote + 1 < m_bytes.size() && m_bytes[quote + 1] == '"';
            if (!doubled && !unescaped) {
                field = m_bytes.substr(open + 1, quote - open - 1); // the common case: no copy
                m_pos = quote + 1;
                break;
            }
            if (!unescaped) {
                if (m_unescapedUsed == m_unescaped.size())
                    m_unescaped.emplace_back();
                unescaped = &m_unescaped[m_unescapedUsed++];
                unescaped->clear();
            }
            unescaped->append(m_bytes.substr(m_pos, quote - m_pos));
            m_pos = quote + 1;
            if (doubled) {
                unescaped->push_back('"');
                ++m_pos;
                continue;
            }
            break;
        }
        // Anything between the closing quote and the separator is kept, as lenient readers do.
        if (m_pos < m_bytes.size() && m_bytes[m_pos] != ',' && m_bytes[m_pos] != '\n' && m_bytes[m_pos] != '\r') {
            if (!unescaped) {
                if (m_unescapedUsed == m_unescaped.size())
                    m_unescaped.emplace_back();
                unescaped = &m_unescaped[m_unescapedUsed++];
                unescaped->assign(field);
            }
            while (m_pos < m_bytes.size() && m_bytes[m_pos] != ',' && m_bytes[m_pos] != '\n' && m_bytes[m_pos] != '\r')
                unescaped->push_back(m_bytes[m_pos++]);
        }
        if (unescaped)
            field = *unescaped;
        return true;
    }

    std::string_view m_bytes;
    std::size_t m_pos = 0;
    std::deque<std::string> m_unescaped; // deque: growing it keeps earlier fields' views valid
    std::size_t m_unescapedUsed = 0;
};

// Start of the first record after bytes[from]: a line break inside quotes is not a record boundary,
// and the parity of the quotes counted so far (@p quotesBefore up to @p countedTo) tells which is.
std::size_t nextRecordStart(std::string_view bytes, std::size_t from, std::size_t &quotesBefore, std::size_t &countedTo)
{
    for (;;) {
        const std::size_t nl = bytes.find('\n', from);
        if (nl == std::string_view::npos)
            return bytes.size();
        quotesBefore += static_cast<std::size_t>(std::count(bytes.begin() + static_cast<std::ptrdiff_t>(countedTo),
            bytes.begin() + static_cast<std::ptrdiff_t>(nl), '"'));
        countedTo = nl;
        if (quotesBefore % 2 == 0)
            return nl + 1;
        from = nl + 1;
    }
}

std::string_view unescapeFormula(std::string_view v)
{
    // Kibana CSV reports prefix ' to cells that start with = + - @ (escapeFormulaValues).
    if (v.size() >= 2 && v[0] == '\'' && (v[1] == '=' || v[1] == '+' || v[1] == '-' || v[1] == '@'))
        v.remove_prefix(1);
    return v;
}

} // namespace

bool looksLikeCsvHeader(std::string_view bytes)
{
    CsvTokenizer t(bytes, 0, bytes.find('\n') == std::string_view::npos ? bytes.size() : bytes.find('\n') + 1);
    std::vector<std::string_view> fields;
    std::size_t err = 0;
    if (!t.next(fields, err) || fields.size() < 2)
        return false;
    bool time = false;
    std::size_t knownCount = 0;
    for (std::string_view name : fields) {
        if (const auto b = name.find(" ["); b != std::string_view::npos)
            name = name.substr(0, b);
        time = time || name == "TimeGenerated" || name == "@timestamp" || name == "time";
        knownCount += RecordBuilder::isKnownName(name) ? 1U : 0U;
    }
    return time && knownCount >= 2;
}

std::vector<std::string> splitCsvRecord(std::string_view text)
{
    CsvTokenizer t(text, 0, text.size());
    std::vector<std::string_view> fields;
    std::size_t err = 0;
    if (!t.next(fields, err))
        return {};
    return {fields.begin(), fields.end()};
}

namespace {

// Reads the records of bytes[begin, stop), which starts at a record start.
ReadOutcome readRows(std::string_view bytes, std::size_t begin, std::size_t stop,
    const std::vector<std::string> &header, const CsvOptions &options, const ReadContext &ctx, Dataset &out,
    const std::vector<Problem> &notes)
{
    ReadSession rows(bytes, ctx, out);
    for (const auto &note : notes)
        rows.note(0, note);
    // The header names the file's fields, records or not.
    std::vector<ColumnMapping> columns;
    for (const auto &name : header)
        columns.push_back(ColumnMapping {name, RecordBuilder::canonicalNameOf(name)});
    rows.setColumns(std::move(columns));
    CsvTokenizer tokenizer(bytes, begin, stop);
    std::vector<std::string_view> fields;
    std::size_t errorOffset = 0;
    RecordBuilder builder(options.localTimeOffset);
    EventDraft draft;
    Problem error;
    while (!tokenizer.atEnd()) {
        const std::size_t start = tokenizer.position();
        if (!tokenizer.next(fields, errorOffset)) {
            rows.reject(
                errorOffset, {IssueCode::UnterminatedQuote, "unterminated quoted field: the file ends inside quotes"});
            break;
        }
        const std::size_t end = tokenizer.position();
        if (fields.size() == 1 && fields[0].empty())
            continue; // blank line
        if (fields.size() != header.size()) {
            rows.reject(start,
                {IssueCode::CsvFieldCount,
                    "expected " + std::to_string(header.size()) + " fields, found " + std::to_string(fields.size())});
            continue;
        }
        builder.reset();
        for (std::size_t i = 0; i < fields.size(); ++i)
            builder.set(header[i], unescapeFormula(fields[i]));
        std::size_t length = end - start;
        while (length > 0 && (bytes[start + length - 1] == '\n' || bytes[start + length - 1] == '\r'))
            --length;
        if (builder.finish(draft, error)) {
            rows.append(draft, start, length);
        } else
            rows.reject(start, error);
        if (!rows.tick(end))
            break;
    }
    return rows.take();
}

} // namespace

ReadOutcome readCsv(std::string_view bytes, const CsvOptions &options, const ReadContext &ctx, Dataset &out)
{
    std::size_t dataStart = bytes.substr(0, 3) == "\xEF\xBB\xBF" ? 3 : 0;
    std::vector<std::string> header = options.columns;
    std::vector<Problem> notes;
    if (header.empty()) {
        CsvTokenizer tokenizer(bytes, dataStart, bytes.size());
        std::vector<std::string_view> names;
        std::size_t errorOffset = 0;
        if (!tokenizer.next(names, errorOffset)) {
            ReadSession rows(bytes, ctx, out);
            rows.reject(errorOffset, {IssueCode::HeaderUnterminatedQuote, "the header row has an unterminated quote"});
            return rows.take();
        }
        header.assign(names.begin(), names.end());
        dataStart = tokenizer.position();
        for (const auto &name : header)
            if (name.find("[Local Time]") != std::string::npos && !options.localOffsetGiven)
                notes.push_back({IssueCode::LocalTimeAsUtc,
                    "column '" + name + "' holds local time without an offset: read as UTC; give --utc-offset"});
    }
    // Parts begin at record starts: the cut after each 1/n of the data moves past line breaks that
    // sit inside quoted cells.
    const std::size_t dataBytes = bytes.size() - dataStart;
    const std::size_t parts = ctx.partsFor(dataBytes);
    // The quotes before each 1/n mark are counted first, one stretch per thread: the count reads
    // the file from memory once, which is worth sharing.
    std::vector<std::size_t> marks {dataStart}, quotesBeforeMark {0};
    for (std::size_t k = 1; k < parts; ++k)
        marks.push_back(dataStart + dataBytes * k / parts);
    std::vector<std::size_t> stretchQuotes(marks.size(), 0);
    {
        std::vector<std::jthread> counters;
        for (std::size_t k = 0; k + 1 < marks.size(); ++k)
            counters.emplace_back([&, k] {
                stretchQuotes[k]
                    = static_cast<std::size_t>(std::count(bytes.begin() + static_cast<std::ptrdiff_t>(marks[k]),
                        bytes.begin() + static_cast<std::ptrdiff_t>(marks[k + 1]), '"'));
            });
    }
    for (std::size_t k = 1; k < marks.size(); ++k)
        quotesBeforeMark.push_back(quotesBeforeMark.back() + stretchQuotes[k - 1]);
    std::vector<std::size_t> cuts {dataStart};
    std::size_t quotes = 0, countedTo = dataStart;
    for (std::size_t k = 1; k < parts; ++k) {
        if (marks[k] > countedTo) {
            quotes = quotesBeforeMark[k];
            countedTo = marks[k];
        }
        const std::size_t cut = nextRecordStart(bytes, std::max(marks[k], cuts.back()), quotes, countedTo);
        if (cut > cuts.back() && cut < bytes.size())
            cuts.push_back(cut);
    }
    cuts.push_back(bytes.size());
    const std::vector<Problem> none;
    return readParts(cuts.size() - 1, estimateLineRecords(bytes, dataStart, bytes.size()), ctx, out,
        [&](std::size_t k, const ReadContext &c, Dataset &d) {
            return readRows(bytes, cuts[k], cuts[k + 1], header, options, c, d, k == 0 ? notes : none);
        });
}

} // namespace kvt::engine
