// SPDX-License-Identifier: MIT
#include "store/string_pool.h"

namespace kvt::engine {

StringPool::StringPool()
{
    m_views.emplace_back();
    m_index.emplace(std::string_view{}, 0);
}

StringId StringPool::intern(std::string_view text)
{
    if (text.empty())
        return 0;
    if (m_views[m_lastId] == text)
        return m_lastId;
    if (const auto it = m_index.find(text); it != m_index.end())
        return m_lastId = it->second;
    const std::string &stored = m_storage.emplace_back(text);
    const auto id = static_cast<StringId>(m_views.size());
    m_views.emplace_back(stored);
    m_index.emplace(m_views.back(), id);
    return m_lastId = id;
}

StringId StringPool::find(std::string_view text) const
{
    const auto it = m_index.find(text);
    return it == m_index.end() ? kMissing : it->second;
}

} // namespace kvt::engine
