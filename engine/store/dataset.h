// SPDX-License-Identifier: MIT
// The canonical columnar event store: one column per canonical field, interned text, 100-ns ticks.
#pragma once

#include <array>
#include <cstdint>
#include <limits>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "engine/core/ticks.h"
#include "engine/store/canonical_field.h"
#include "engine/store/source_buffer.h"
#include "engine/store/string_pool.h"

namespace kvt::engine {

/// Where a record's original text lives: a byte range of one source buffer.
struct RecordLocator {
    std::uint32_t source = 0;
    std::uint32_t length = 0;
    std::uint64_t offset = 0;
};

/// One loaded input file.
struct SourceFile {
    std::string path;
    std::string format; ///< detected format name, e.g. "azure-diagnostics-json"
    std::shared_ptr<const SourceBuffer> buffer;
};

/// A record on its way into the store: views valid only until @ref Dataset::append returns.
struct EventDraft {
    Ticks time = 0;
    std::array<std::string_view, kTextFieldCount> text {};
    std::int64_t durationMs = std::numeric_limits<std::int64_t>::min(); ///< min() = absent
    std::int32_t httpStatusCode = -1; ///< -1 = absent

    std::string_view &operator[](TextField f) { return text[static_cast<std::size_t>(f)]; }
};

/// Columnar store of Key Vault audit events. Built by one loader thread, then published as
/// `std::shared_ptr<const Dataset>`; the const object is safe to read from any thread.
class Dataset {
public:
    static constexpr std::int64_t kNoDuration = std::numeric_limits<std::int64_t>::min();

    std::size_t size() const { return m_times.size(); }
    bool empty() const { return m_times.empty(); }

    const std::vector<Ticks> &times() const { return m_times; }
    Ticks time(std::size_t row) const { return m_times[row]; }

    /// The ids of one field, a row each; empty for a sparse field no record has (isSparseField).
    const std::vector<StringId> &column(TextField f) const { return m_text[index(f)]; }
    const StringPool &pool(TextField f) const { return m_pools[index(f)]; }
    StringId textId(TextField f, std::size_t row) const
    {
        const std::vector<StringId> &c = m_text[index(f)];
        return c.empty() ? 0 : c[row];
    }
    std::string_view text(TextField f, std::size_t row) const { return pool(f).view(textId(f, row)); }

    std::int64_t durationMs(std::size_t row) const { return m_durationMs[row]; }
    std::int32_t httpStatusCode(std::size_t row) const { return m_httpStatus[row]; }

    const RecordLocator &locator(std::size_t row) const { return m_locators[row]; }
    /// The record's original text, straight from the mapped or inflated file (no copy); empty for a
    /// record built in memory.
    std::string_view rawText(std::size_t row) const;

    const std::vector<SourceFile> &sources() const { return m_sources; }
    /// The path of the file record @p row was read from; empty for a record built in memory.
    std::string_view sourcePath(std::size_t row) const
    {
        const std::uint32_t s = m_locators[row].source;
        return s < m_sources.size() ? std::string_view(m_sources[s].path) : std::string_view();
    }

    /// Earliest and latest TimeGenerated; both 0 when empty.
    Ticks firstTime() const { return m_first; }
    Ticks lastTime() const { return m_last; }

    // Building (loader thread only, before publication).
    std::uint32_t addSource(SourceFile source);
    void append(const EventDraft &draft, const RecordLocator &where);
    void reserve(std::size_t records);
    /// Appends @p chunks in order (their locators already point into source @p source), one column
    /// per task on @p threads threads: the columns are independent, so the merge of a file read in
    /// parts costs a fraction of a serial one.
    void appendChunks(const std::vector<Dataset> &chunks, std::uint32_t source, unsigned threads);

private:
    static constexpr std::size_t index(TextField f) { return static_cast<std::size_t>(f); }

    std::vector<Ticks> m_times;
    std::array<std::vector<StringId>, kTextFieldCount> m_text;
    std::array<StringPool, kTextFieldCount> m_pools;
    std::vector<std::int64_t> m_durationMs;
    std::vector<std::int32_t> m_httpStatus;
    std::vector<RecordLocator> m_locators;
    std::vector<SourceFile> m_sources;
    Ticks m_first = 0;
    Ticks m_last = 0;
};

} // namespace kvt::engine
