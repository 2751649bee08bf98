// SPDX-License-Identifier: MIT
#include "store/dataset.h"

#include <algorithm>
#include <cstdint>

#include <sys/mman.h>

namespace kvt::engine {

namespace {

// Columns of millions of rows are written once, front to back: where the kernel gives huge pages on
// request (transparent_hugepage=madvise, Debian's default), ask for them, so filling a column costs
// a page fault per 2 MB instead of one per 4 KB.
template <typename T>
void reserveColumn(std::vector<T> &column, std::size_t rows)
{
    column.reserve(rows);
#ifdef MADV_HUGEPAGE
    constexpr std::uintptr_t kHuge = std::uintptr_t{2} << 20;
    const auto start = reinterpret_cast<std::uintptr_t>(column.data());
    const std::uintptr_t first = (start + kHuge - 1) & ~(kHuge - 1);
    const std::uintptr_t last = (start + column.capacity() * sizeof(T)) & ~(kHuge - 1);
    if (last > first)
        ::madvise(reinterpret_cast<void *>(first), last - first, MADV_HUGEPAGE);
#endif
}

} // namespace

std::string_view Dataset::rawText(std::size_t row) const
{
    const RecordLocator &loc = m_locators[row];
    const std::string_view bytes = m_sources[loc.source].buffer->bytes();
    return bytes.substr(loc.offset, loc.length);
}

std::uint32_t Dataset::addSource(SourceFile source)
{
    m_sources.push_back(std::move(source));
    return static_cast<std::uint32_t>(m_sources.size() - 1);
}

void Dataset::reserve(std::size_t records)
{
    reserveColumn(m_times, records);
    for (auto &col : m_text)
        reserveColumn(col, records);
    reserveColumn(m_durationMs, records);
    reserveColumn(m_httpStatus, records);
    reserveColumn(m_locators, records);
}

void Dataset::appendChunk(const Dataset &other, std::uint32_t source, std::uint64_t offsetShift)
{
    if (other.empty())
        return;
    if (m_times.empty()) {
        m_first = other.m_first;
        m_last = other.m_last;
    } else {
        m_first = std::min(m_first, other.m_first);
        m_last = std::max(m_last, other.m_last);
    }
    m_times.insert(m_times.end(), other.m_times.begin(), other.m_times.end());
    for (std::size_t f = 0; f < kTextFieldCount; ++f) {
        const StringPool &theirs = other.m_pools[f];
        std::vector<StringId> remap(theirs.size());
        for (StringId id = 0; id < theirs.size(); ++id)
            remap[id] = m_pools[f].intern(theirs.view(id));
        auto &column = m_text[f];
        column.reserve(column.size() + other.m_text[f].size());
        for (const StringId id : other.m_text[f])
            column.push_back(remap[id]);
    }
    m_durationMs.insert(m_durationMs.end(), other.m_durationMs.begin(), other.m_durationMs.end());
    m_httpStatus.insert(m_httpStatus.end(), other.m_httpStatus.begin(), other.m_httpStatus.end());
    m_locators.reserve(m_locators.size() + other.m_locators.size());
    for (RecordLocator loc : other.m_locators) {
        loc.source = source;
        loc.offset += offsetShift;
        m_locators.push_back(loc);
    }
}

void Dataset::append(const EventDraft &draft, const RecordLocator &where)
{
    if (m_times.empty()) {
        m_first = m_last = draft.time;
    } else {
        m_first = std::min(m_first, draft.time);
        m_last = std::max(m_last, draft.time);
    }
    m_times.push_back(draft.time);
    for (std::size_t i = 0; i < kTextFieldCount; ++i)
        m_text[i].push_back(m_pools[i].intern(draft.text[i]));
    m_durationMs.push_back(draft.durationMs);
    m_httpStatus.push_back(draft.httpStatusCode);
    m_locators.push_back(where);
}

} // namespace kvt::engine
