// SPDX-License-Identifier: MIT
#include "ingest/csv_reader.h"

#include "ingest/field_mapper.h"
#include "ingest/read_session.h"

namespace kvt::engine {
namespace {

/// RFC 4180 tokenizer over a buffer: quoted fields with doubled quotes, CRLF or LF, line breaks
/// inside quotes. Unquoted fields are views into the buffer; quoted ones are unescaped into storage.
class CsvTokenizer {
public:
    explicit CsvTokenizer(std::string_view bytes) : m_bytes(bytes)
    {
        if (m_bytes.substr(0, 3) == "\xEF\xBB\xBF")
            m_pos = 3;
    }

    bool atEnd() const { return m_pos >= m_bytes.size(); }
    std::size_t position() const { return m_pos; }

    /// Reads one record into @p fields. False with @p errorOffset when a quote is never closed.
    bool next(std::vector<std::string> &fields, std::size_t &errorOffset)
    {
        fields.clear();
        for (;;) {
            std::string field;
            if (m_pos < m_bytes.size() && m_bytes[m_pos] == '"') {
                const std::size_t open = m_pos++;
                for (;;) {
                    const std::size_t quote = m_bytes.find('"', m_pos);
                    if (quote == std::string_view::npos) {
                        errorOffset = open;
                        m_pos = m_bytes.size();
                        return false;
                    }
                    field.append(m_bytes.substr(m_pos, quote - m_pos));
                    m_pos = quote + 1;
                    if (m_pos < m_bytes.size() && m_bytes[m_pos] == '"') {
                        field.push_back('"');
                        ++m_pos;
                        continue;
                    }
                    break;
                }
                // Anything between the closing quote and the separator is kept, as lenient readers do.
                while (m_pos < m_bytes.size() && m_bytes[m_pos] != ',' && m_bytes[m_pos] != '\n' && m_bytes[m_pos] != '\r')
                    field.push_back(m_bytes[m_pos++]);
            } else {
                const std::size_t start = m_pos;
                while (m_pos < m_bytes.size() && m_bytes[m_pos] != ',' && m_bytes[m_pos] != '\n' && m_bytes[m_pos] != '\r')
                    ++m_pos;
                field.assign(m_bytes.substr(start, m_pos - start));
            }
            fields.push_back(std::move(field));
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
    std::string_view m_bytes;
    std::size_t m_pos = 0;
};

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
    CsvTokenizer t(bytes.substr(0, bytes.find('\n') == std::string_view::npos ? bytes.size() : bytes.find('\n') + 1));
    std::vector<std::string> fields;
    std::size_t err = 0;
    if (!t.next(fields, err) || fields.size() < 2)
        return false;
    bool time = false;
    std::size_t knownCount = 0;
    for (std::string name : fields) {
        if (const auto b = name.find(" ["); b != std::string::npos)
            name.resize(b);
        time = time || name == "TimeGenerated" || name == "@timestamp" || name == "time";
        knownCount += RecordBuilder::isKnownName(name) ? 1U : 0U;
    }
    return time && knownCount >= 2;
}

ReadOutcome readCsv(std::string_view bytes, const CsvOptions &options, const ReadContext &ctx, Dataset &out)
{
    ReadSession rows(bytes, ctx, out);
    CsvTokenizer tokenizer(bytes);
    std::vector<std::string> header = options.columns;
    std::vector<std::string> fields;
    std::size_t errorOffset = 0;
    if (header.empty()) {
        if (!tokenizer.next(header, errorOffset)) {
            rows.reject(errorOffset, "the header row has an unterminated quote");
            return rows.take();
        }
        for (const auto &name : header)
            if (name.find("[Local Time]") != std::string::npos && !options.localOffsetGiven)
                rows.note(0, "column '" + name + "' holds local time without an offset: read as UTC; give --utc-offset");
    }
    RecordBuilder builder(options.localTimeOffset);
    while (!tokenizer.atEnd()) {
        const std::size_t start = tokenizer.position();
        if (!tokenizer.next(fields, errorOffset)) {
            rows.reject(errorOffset, "unterminated quoted field: the file ends inside quotes");
            break;
        }
        const std::size_t end = tokenizer.position();
        if (fields.size() == 1 && fields[0].empty())
            continue; // blank line
        if (fields.size() != header.size()) {
            rows.reject(start, "expected " + std::to_string(header.size()) + " fields, found " + std::to_string(fields.size()));
            continue;
        }
        builder.reset();
        for (std::size_t i = 0; i < fields.size(); ++i)
            builder.set(header[i], unescapeFormula(fields[i]));
        EventDraft draft;
        std::string error;
        std::size_t length = end - start;
        while (length > 0 && (bytes[start + length - 1] == '\n' || bytes[start + length - 1] == '\r'))
            --length;
        if (builder.finish(draft, error))
            rows.append(draft, start, length);
        else
            rows.reject(start, error);
        if (!rows.tick(end))
            break;
    }
    return rows.take();
}

} // namespace kvt::engine
