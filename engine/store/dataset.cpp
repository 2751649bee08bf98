// SPDX-License-Identifier: MIT
#include "store/dataset.h"

#include <algorithm>

namespace kvt::engine {

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
    m_times.reserve(records);
    for (auto &col : m_text)
        col.reserve(records);
    m_durationMs.reserve(records);
    m_httpStatus.reserve(records);
    m_locators.reserve(records);
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
