// SPDX-License-Identifier: MIT
#include "engine/store/dataset.h"

#include <algorithm>
#include <atomic>
#include <cstdint>
#include <thread>

#include <sys/mman.h>

namespace kvt::engine {

namespace {

// Columns of millions of rows are written once, front to back: where the kernel gives huge pages on
// request (transparent_hugepage=madvise, Debian's default), ask for them, so filling a column costs
// a page fault per 2 MB instead of one per 4 KB.
template <typename T> void reserveColumn(std::vector<T> &column, std::size_t rows)
{
    column.reserve(rows);
#ifdef MADV_HUGEPAGE
    constexpr std::uintptr_t kHuge = std::uintptr_t {2} << 20;
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
    if (loc.source >= m_sources.size() || !m_sources[loc.source].buffer)
        return {}; // built in memory (generated data): no original text
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
    for (std::size_t f = 0; f < kTextFieldCount; ++f)
        if (!isSparseField(f))
            reserveColumn(m_text[f], records);
    reserveColumn(m_durationMs, records);
    reserveColumn(m_httpStatus, records);
    reserveColumn(m_locators, records);
}

namespace {

template <typename T> void appendAll(std::vector<T> &to, const std::vector<T> &from)
{
    to.insert(to.end(), from.begin(), from.end());
}

} // namespace

void Dataset::appendChunks(const std::vector<Dataset> &chunks, std::uint32_t source, unsigned threads)
{
    std::size_t total = size();
    bool any = !empty();
    for (const Dataset &c : chunks) {
        total += c.size();
        if (c.empty())
            continue;
        m_first = any ? std::min(m_first, c.m_first) : c.m_first;
        m_last = any ? std::max(m_last, c.m_last) : c.m_last;
        any = true;
    }
    if (total == size())
        return;
    const std::size_t before = size();
    reserve(total);
    // Task k < kTextFieldCount merges text column k; the last four merge the fixed-size columns.
    const auto task = [&](std::size_t k) {
        if (k < kTextFieldCount) {
            auto &column = m_text[k];
            const bool anyValue = !column.empty()
                || std::any_of(chunks.begin(), chunks.end(), [k](const Dataset &c) { return !c.m_text[k].empty(); });
            if (!anyValue)
                return; // a sparse field none of the parts has
            column.resize(before, 0);
            for (const Dataset &c : chunks) {
                if (c.m_text[k].empty()) {
                    column.resize(column.size() + c.size(), 0);
                    continue;
                }
                const StringPool &theirs = c.m_pools[k];
                std::vector<StringId> remap(theirs.size());
                for (StringId id = 0; id < theirs.size(); ++id)
                    remap[id] = m_pools[k].intern(theirs.view(id));
                for (const StringId id : c.m_text[k])
                    column.push_back(remap[id]);
            }
        } else if (k == kTextFieldCount) {
            for (const Dataset &c : chunks)
                appendAll(m_times, c.m_times);
        } else if (k == kTextFieldCount + 1) {
            for (const Dataset &c : chunks)
                appendAll(m_durationMs, c.m_durationMs);
        } else if (k == kTextFieldCount + 2) {
            for (const Dataset &c : chunks)
                appendAll(m_httpStatus, c.m_httpStatus);
        } else {
            for (const Dataset &c : chunks)
                for (RecordLocator loc : c.m_locators) {
                    loc.source = source;
                    m_locators.push_back(loc);
                }
        }
    };
    const std::size_t tasks = kTextFieldCount + 4;
    std::atomic<std::size_t> next {0};
    const auto worker = [&] {
        for (std::size_t k; (k = next++) < tasks;)
            task(k);
    };
    {
        std::vector<std::jthread> helpers;
        for (unsigned t = 1; t < threads; ++t)
            helpers.emplace_back(worker);
        worker();
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
    constexpr auto kFirstSparse = static_cast<std::size_t>(TextField::EcsGeoCityName);
    for (std::size_t i = 0; i < kFirstSparse; ++i)
        m_text[i].push_back(m_pools[i].intern(draft.text[i]));
    for (std::size_t i = kFirstSparse; i < kTextFieldCount; ++i) {
        auto &column = m_text[i];
        if (column.empty() && draft.text[i].empty())
            continue; // still no record has this field
        if (column.empty())
            reserveColumn(column, m_times.capacity()); // the first value: earlier records had none
        column.resize(m_times.size(), 0);
        column.push_back(m_pools[i].intern(draft.text[i]));
    }
    m_times.push_back(draft.time);
    m_durationMs.push_back(draft.durationMs);
    m_httpStatus.push_back(draft.httpStatusCode);
    m_locators.push_back(where);
}

} // namespace kvt::engine
