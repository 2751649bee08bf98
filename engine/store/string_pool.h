// SPDX-License-Identifier: MIT
// Interned strings of one column: low-cardinality text stored once, referenced by dense ids.
#pragma once

#include <cstdint>
#include <deque>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace kvt::engine {

using StringId = std::uint32_t;

/// Maps strings to dense ids; id 0 is always the empty string ("absent" and "empty" are the same,
/// as Kusto's string columns are never null). Not thread-safe; read-only use is safe from any thread.
class StringPool {
public:
    StringPool();
    StringPool(const StringPool &) = delete;
    StringPool &operator=(const StringPool &) = delete;
    StringPool(StringPool &&) noexcept = default;
    StringPool &operator=(StringPool &&) noexcept = default;

    StringId intern(std::string_view text);
    /// The id of @p text if it was interned, otherwise std::nullopt-like sentinel kMissing.
    StringId find(std::string_view text) const;
    std::string_view view(StringId id) const { return m_views[id]; }
    std::size_t size() const { return m_views.size(); }

    static constexpr StringId kMissing = ~StringId{0};

private:
    std::deque<std::string> m_storage; // deque: stable addresses for the views below
    StringId m_lastId = 0;             // consecutive records often repeat a value: skip the hash
    std::vector<std::string_view> m_views;
    std::unordered_map<std::string_view, StringId> m_index;
};

} // namespace kvt::engine
