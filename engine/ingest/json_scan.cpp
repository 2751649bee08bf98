// SPDX-License-Identifier: MIT
#include "engine/ingest/json_scan.h"

#include <bit>
#include <cstdint>
#include <cstring>

namespace kvt::engine {
namespace {

constexpr std::size_t npos = std::string_view::npos;

bool isSpace(char c)
{
    return c == ' ' || c == '\n' || c == '\r' || c == '\t';
}

// Bytes of @p word equal to @p c get their high bit set (the classic "has zero byte" trick); no
// false positives survive once the lowest set bit is taken.
constexpr std::uint64_t bytesEqual(std::uint64_t word, char c)
{
    constexpr std::uint64_t ones = 0x0101010101010101ULL;
    const std::uint64_t x = word ^ (ones * static_cast<unsigned char>(c));
    return (x - ones) & ~x & (ones << 7);
}

// Position of the first '"' or '\\' at or after @p pos, or text.size(). Eight bytes at a time:
// JSON strings are short, too short for memchr's set-up to pay.
std::size_t findQuoteOrBackslash(std::string_view text, std::size_t pos)
{
    const char *const data = text.data();
    while (pos + 8 <= text.size()) {
        std::uint64_t word;
        std::memcpy(&word, data + pos, 8);
        if (const std::uint64_t hits = bytesEqual(word, '"') | bytesEqual(word, '\\'))
            return pos + static_cast<std::size_t>(std::countr_zero(hits) / 8);
        pos += 8;
    }
    while (pos < text.size() && data[pos] != '"' && data[pos] != '\\')
        ++pos;
    return pos;
}

// Position just after the closing quote of the string whose body starts at @p pos, or npos.
std::size_t skipStringBody(std::string_view text, std::size_t pos)
{
    for (;;) {
        pos = findQuoteOrBackslash(text, pos);
        if (pos >= text.size())
            return npos;
        if (text[pos] == '"')
            return pos + 1;
        pos += 2; // an escape: the next byte is never the end of the string
    }
}

// Reads the string at @p pos (which must be a quote) into @p out, as written; returns the position
// after it, or npos.
std::size_t readRawString(std::string_view text, std::size_t pos, std::string_view &out)
{
    if (pos >= text.size() || text[pos] != '"')
        return npos;
    const std::size_t end = skipStringBody(text, pos + 1);
    if (end != npos)
        out = text.substr(pos + 1, end - pos - 2);
    return end;
}

class Scanner {
public:
    Scanner(std::string_view text, const std::function<bool(std::size_t)> &tick) : m_text(text), m_tick(tick) { }

    ArrayScan run(const std::vector<std::string_view> &path)
    {
        std::size_t pos
            = skipJsonWhitespace(m_text, m_text.size() >= 3 && m_text.substr(0, 3) == "\xEF\xBB\xBF" ? 3 : 0);
        while (pos < m_text.size() && !m_result.cancelled) {
            pos = descend(pos, path, 0);
            if (pos == npos)
                break;
            pos = skipJsonWhitespace(m_text, pos);
        }
        return std::move(m_result);
    }

private:
    std::size_t fail(std::size_t at, IssueCode code, std::string what)
    {
        m_result.problemAt = at;
        m_result.problemCode = code;
        m_result.problem = std::move(what);
        return npos;
    }

    // Walks from the value at @p pos down @p path; returns the position after that value, or npos.
    std::size_t descend(std::size_t pos, const std::vector<std::string_view> &path, std::size_t depth)
    {
        if (depth == path.size())
            return elements(pos);
        if (pos >= m_text.size() || m_text[pos] != '{')
            return fail(pos, IssueCode::UnexpectedStructure,
                "expected a JSON object holding \"" + std::string(path[depth]) + "\"");
        bool found = false;
        pos = skipJsonWhitespace(m_text, pos + 1);
        while (pos < m_text.size() && m_text[pos] != '}') {
            std::string_view key;
            pos = readRawString(m_text, pos, key);
            if (pos == npos)
                return fail(m_text.size(), IssueCode::DocumentCutShort, "the document ends inside a member name");
            pos = skipJsonWhitespace(m_text, pos);
            if (pos >= m_text.size() || m_text[pos] != ':')
                return fail(pos, IssueCode::UnexpectedStructure, "expected ':' after a member name");
            pos = skipJsonWhitespace(m_text, pos + 1);
            if (key == path[depth]) {
                found = true;
                pos = descend(pos, path, depth + 1);
            } else {
                pos = skipJsonValue(m_text, pos);
            }
            if (pos == npos)
                return found ? npos
                             : fail(m_text.size(), IssueCode::DocumentCutShort,
                                 "the document ends before its \"" + std::string(path[depth]) + "\" member");
            pos = skipJsonWhitespace(m_text, pos);
            if (pos < m_text.size() && m_text[pos] == ',')
                pos = skipJsonWhitespace(m_text, pos + 1);
            else if (pos < m_text.size() && m_text[pos] != '}')
                return fail(pos, IssueCode::UnexpectedStructure, "expected ',' or '}' between members");
        }
        if (pos >= m_text.size())
            return fail(pos, IssueCode::DocumentCutShort, "the document ends inside an object");
        if (!found)
            return fail(pos, IssueCode::UnexpectedStructure, "expected a \"" + std::string(path[depth]) + "\" member");
        return pos + 1;
    }

    // Records every element of the array at @p pos; returns the position after the array, or npos.
    std::size_t elements(std::size_t pos)
    {
        if (pos >= m_text.size() || m_text[pos] != '[')
            return fail(pos, IssueCode::UnexpectedStructure, "expected an array of records");
        pos = skipJsonWhitespace(m_text, pos + 1);
        while (pos < m_text.size() && m_text[pos] != ']') {
            const std::size_t end = skipJsonValue(m_text, pos);
            if (end == npos)
                return fail(pos, IssueCode::DocumentCutShort, "the document ends inside this record: it is cut short");
            m_result.elements.push_back(TextRange {pos, end});
            if (end >= m_nextTick) {
                m_nextTick = end + kTickEvery;
                if (m_tick && !m_tick(end)) {
                    m_result.cancelled = true;
                    return npos;
                }
            }
            pos = skipJsonWhitespace(m_text, end);
            if (pos < m_text.size() && m_text[pos] == ',')
                pos = skipJsonWhitespace(m_text, pos + 1);
            else if (pos < m_text.size() && m_text[pos] != ']')
                return fail(pos, IssueCode::UnexpectedStructure, "expected ',' or ']' after a record");
        }
        if (pos >= m_text.size())
            return fail(
                pos, IssueCode::DocumentCutShort, "the document ends inside the array of records: it is cut short");
        return pos + 1;
    }

    static constexpr std::size_t kTickEvery = std::size_t {8} << 20;
    std::string_view m_text;
    const std::function<bool(std::size_t)> &m_tick;
    ArrayScan m_result;
    std::size_t m_nextTick = kTickEvery;
};

} // namespace

std::size_t skipJsonWhitespace(std::string_view text, std::size_t pos)
{
    while (pos < text.size() && isSpace(text[pos]))
        ++pos;
    return pos;
}

std::size_t skipJsonValue(std::string_view text, std::size_t pos)
{
    std::size_t depth = 0;
    while (pos < text.size()) {
        const char c = text[pos];
        if (c == '"') {
            pos = skipStringBody(text, pos + 1);
            if (pos == npos)
                return npos;
            if (depth == 0)
                return pos;
            continue;
        }
        if (depth == 0 && (c == ',' || c == ']' || c == '}' || isSpace(c)))
            return pos; // the end of a scalar
        if (c == '{' || c == '[') {
            ++depth;
        } else if (c == '}' || c == ']') {
            if (--depth == 0)
                return pos + 1;
        }
        ++pos;
    }
    return depth == 0 ? pos : npos;
}

std::vector<std::string> jsonObjectKeys(std::string_view text, std::size_t pos)
{
    std::vector<std::string> keys;
    if (pos >= text.size() || text[pos] != '{')
        return keys;
    pos = skipJsonWhitespace(text, pos + 1);
    while (pos < text.size() && text[pos] == '"') {
        std::string_view key;
        pos = readRawString(text, pos, key);
        if (pos == npos)
            break;
        keys.emplace_back(key);
        pos = skipJsonWhitespace(text, pos);
        if (pos >= text.size() || text[pos] != ':')
            break;
        pos = skipJsonValue(text, skipJsonWhitespace(text, pos + 1));
        if (pos == npos)
            break;
        pos = skipJsonWhitespace(text, pos);
        if (pos >= text.size() || text[pos] != ',')
            break;
        pos = skipJsonWhitespace(text, pos + 1);
    }
    return keys;
}

ArrayScan scanJsonArrays(
    std::string_view text, const std::vector<std::string_view> &path, const std::function<bool(std::size_t)> &tick)
{
    return Scanner(text, tick).run(path);
}

std::string closeAfterLastElement(std::string_view text)
{
    // Tracks open brackets outside strings; remembers the last comma that follows a complete
    // element nested at least two levels deep (an element of the records or rows array).
    std::string stack, stackAtCut;
    std::size_t cut = std::string_view::npos;
    bool inString = false, escaped = false;
    for (std::size_t i = 0; i < text.size(); ++i) {
        const char c = text[i];
        if (inString) {
            if (escaped)
                escaped = false;
            else if (c == '\\')
                escaped = true;
            else if (c == '"')
                inString = false;
            continue;
        }
        switch (c) {
        case '"': inString = true; break;
        case '{':
        case '[': stack.push_back(c); break;
        case '}':
        case ']':
            if (!stack.empty())
                stack.pop_back();
            break;
        case ',':
            if (stack.size() >= 2 && i > 0) {
                std::size_t j = i;
                while (
                    j > 0 && (text[j - 1] == ' ' || text[j - 1] == '\n' || text[j - 1] == '\r' || text[j - 1] == '\t'))
                    --j;
                if (j > 0 && (text[j - 1] == '}' || text[j - 1] == ']')) {
                    cut = i;
                    stackAtCut = stack;
                }
            }
            break;
        default: break;
        }
    }
    if (cut == std::string_view::npos)
        return {};
    std::string repaired(text.substr(0, cut));
    for (auto it = stackAtCut.rbegin(); it != stackAtCut.rend(); ++it)
        repaired.push_back(*it == '{' ? '}' : ']');
    return repaired;
}

} // namespace kvt::engine
