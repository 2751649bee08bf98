// SPDX-License-Identifier: MIT
// Interned strings of one column: low-cardinality text stored once, referenced by dense ids.
#pragma once

#include <cstdint>
#include <memory>
#include <span>
#include <string_view>
#include <vector>

namespace kvt::engine {

using StringId = std::uint32_t;

/// Maps strings to dense ids; id 0 is always the empty string ("absent" and "empty" are the same,
/// as Kusto's string columns are never null). Not thread-safe; read-only use is safe from any thread.
/// Interning is on the loader's hot path (a lookup per field per record): the text lives in large
/// blocks, the index is an open-addressing table of ids with their hashes beside them.
class StringPool {
public:
    StringPool();
    StringPool(const StringPool &) = delete;
    StringPool &operator=(const StringPool &) = delete;
    StringPool(StringPool &&) noexcept = default;
    StringPool &operator=(StringPool &&) noexcept = default;

    StringId intern(std::string_view text);
    /// The id of @p text if it was interned, otherwise kMissing.
    StringId find(std::string_view text) const;
    std::string_view view(StringId id) const { return m_views[id]; }
    std::size_t size() const { return m_views.size(); }
    /// Every interned string, indexed by id (valid until the next intern()).
    std::span<const std::string_view> views() const { return m_views; }

    static constexpr StringId kMissing = ~StringId {0};

private:
    static std::uint64_t hash(std::string_view text);
    std::size_t slotOf(std::string_view text, std::uint64_t h) const;
    std::string_view store(std::string_view text);
    void grow();

    std::vector<std::unique_ptr<char[]>> m_blocks; // stable addresses for the views below
    std::size_t m_blockLeft = 0;
    char *m_blockNext = nullptr;
    std::vector<std::string_view> m_views;
    std::vector<std::uint64_t> m_hashes; // per id
    std::vector<StringId> m_slots; // kMissing = empty slot; size is a power of two
    StringId m_lastId = 0; // consecutive records often repeat a value: skip the hash
};

} // namespace kvt::engine
