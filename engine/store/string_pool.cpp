// SPDX-License-Identifier: MIT
#include "engine/store/string_pool.h"

#include <algorithm>
#include <cstring>

namespace kvt::engine {

namespace {
constexpr std::size_t kBlockBytes = std::size_t {64} << 10;
constexpr std::size_t kInitialSlots = 64;
} // namespace

StringPool::StringPool() : m_slots(kInitialSlots, kMissing)
{
    m_views.emplace_back();
    m_hashes.push_back(hash({}));
    m_slots[m_hashes[0] & (m_slots.size() - 1)] = 0;
}

std::uint64_t StringPool::hash(std::string_view text)
{
    // Eight bytes per multiply-rotate step; good enough spread for an open-addressing table whose
    // keys are GUIDs, URIs and names.
    constexpr std::uint64_t k = 0x9E3779B97F4A7C15ULL;
    std::uint64_t h = text.size() * k;
    const char *p = text.data();
    std::size_t n = text.size();
    for (; n >= 8; p += 8, n -= 8) {
        std::uint64_t w;
        std::memcpy(&w, p, 8);
        h = ((h ^ w) * k);
        h ^= h >> 29;
    }
    if (n > 0) {
        std::uint64_t w = 0;
        std::memcpy(&w, p, n);
        h = ((h ^ w) * k);
    }
    h ^= h >> 32;
    h *= k;
    return h ^ (h >> 29);
}

std::size_t StringPool::slotOf(std::string_view text, std::uint64_t h) const
{
    const std::size_t mask = m_slots.size() - 1;
    for (std::size_t i = h & mask;; i = (i + 1) & mask) {
        const StringId id = m_slots[i];
        if (id == kMissing || (m_hashes[id] == h && m_views[id] == text))
            return i;
    }
}

std::string_view StringPool::store(std::string_view text)
{
    if (text.size() > m_blockLeft) {
        const std::size_t bytes = std::max(kBlockBytes, text.size());
        m_blocks.push_back(std::make_unique_for_overwrite<char[]>(bytes));
        m_blockNext = m_blocks.back().get();
        m_blockLeft = bytes;
    }
    std::memcpy(m_blockNext, text.data(), text.size());
    const std::string_view stored(m_blockNext, text.size());
    m_blockNext += text.size();
    m_blockLeft -= text.size();
    return stored;
}

void StringPool::grow()
{
    std::vector<StringId> slots(m_slots.size() * 2, kMissing);
    const std::size_t mask = slots.size() - 1;
    for (StringId id = 0; id < m_views.size(); ++id) {
        std::size_t i = m_hashes[id] & mask;
        while (slots[i] != kMissing)
            i = (i + 1) & mask;
        slots[i] = id;
    }
    m_slots = std::move(slots);
}

StringId StringPool::intern(std::string_view text)
{
    if (text.empty())
        return 0;
    if (m_views[m_lastId] == text)
        return m_lastId;
    const std::uint64_t h = hash(text);
    std::size_t slot = slotOf(text, h);
    if (m_slots[slot] != kMissing)
        return m_lastId = m_slots[slot];
    if ((m_views.size() + 1) * 2 > m_slots.size()) {
        grow();
        slot = slotOf(text, h);
    }
    const auto id = static_cast<StringId>(m_views.size());
    m_views.push_back(store(text));
    m_hashes.push_back(h);
    m_slots[slot] = id;
    return m_lastId = id;
}

StringId StringPool::find(std::string_view text) const
{
    const StringId id = m_slots[slotOf(text, hash(text))];
    return id;
}

} // namespace kvt::engine
