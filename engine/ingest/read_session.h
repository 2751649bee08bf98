// SPDX-License-Identifier: MIT
// What every reader does around its parsing: append records, count and locate rejects, report
// progress and notice a cancel.
#pragma once

#include <algorithm>
#include <string>

#include "engine/ingest/diagnostic_json_reader.h"
#include "engine/ingest/text_position.h"

namespace kvt::engine {

class ReadSession {
public:
    ReadSession(std::string_view bytes, const ReadContext &ctx, Dataset &out)
        : m_bytes(bytes), m_ctx(ctx), m_out(out),
          m_reportEvery(std::clamp<std::size_t>(bytes.size() / 100, std::size_t {1} << 16, std::size_t {4} << 20))
    {
    }

    std::string_view bytes() const { return m_bytes; }
    std::uint64_t recordsSoFar() const { return m_result.records; }

    /// Appends a record whose original text is bytes[offset, offset + length).
    void append(const EventDraft &draft, std::size_t offset, std::size_t length)
    {
        m_out.append(draft, RecordLocator {m_ctx.source, static_cast<std::uint32_t>(length), offset});
        ++m_result.records;
    }

    /// Counts a rejected record; the first ctx.maxIssues are listed with line, column and byte.
    void reject(std::size_t offset, const Problem &problem)
    {
        ++m_result.rejected;
        list(offset, problem);
    }

    /// Lists a problem that rejects no record (a file-level notice), with its line and column.
    void note(std::size_t offset, const Problem &problem) { list(offset, problem); }

    /// Reports progress every 1 % of the file, and at least every 4 MB so a cancel is noticed within
    /// milliseconds even in a 10 GB file; false when the caller asked to stop. Also maps the file's
    /// pages a stretch ahead of @p offset, where the reader goes next.
    bool tick(std::size_t offset)
    {
        if (offset + kPrefaultStretch / 2 > m_prefaultedTo && m_prefaultedTo < m_bytes.size()) {
            const std::size_t from = std::max(offset, m_prefaultedTo);
            m_prefaultedTo = std::min(m_bytes.size(), from + kPrefaultStretch);
            prefaultForReading(m_bytes.substr(from, m_prefaultedTo - from));
        }
        if (!m_ctx.progress || offset < m_lastReport + m_reportEvery)
            return true;
        m_lastReport = offset;
        if (!m_ctx.progress(offset, m_bytes.size())) {
            m_result.cancelled = true;
            return false;
        }
        return true;
    }

    /// Records the file's own field names once (the header, or the first record read).
    bool wantsColumns() const { return m_result.columns.empty(); }
    void setColumns(std::vector<ColumnMapping> columns) { m_result.columns = std::move(columns); }

    ReadOutcome take() { return std::move(m_result); }

private:
    void list(std::size_t offset, const Problem &problem)
    {
        if (m_result.issues.size() < m_ctx.maxIssues)
            m_result.issues.push_back(issueAt(m_bytes, offset, m_lines, m_ctx.path, problem));
    }

    std::string_view m_bytes;
    const ReadContext &m_ctx;
    Dataset &m_out;
    LineIndex m_lines;
    ReadOutcome m_result;
    std::size_t m_reportEvery;
    std::size_t m_lastReport = 0;
    static constexpr std::size_t kPrefaultStretch = std::size_t {16} << 20;
    std::size_t m_prefaultedTo = 0;
};

} // namespace kvt::engine
