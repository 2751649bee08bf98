// SPDX-License-Identifier: MIT
#include "engine/ingest/resource_id.h"

#include <utility>

#include <vector>

namespace kvt::engine {
namespace {

std::string upper(std::string_view s)
{
    std::string out(s);
    for (char &c : out)
        if (c >= 'a' && c <= 'z')
            c = static_cast<char>(c - 'a' + 'A');
    return out;
}

bool equalsIgnoreCase(std::string_view a, std::string_view b)
{
    if (a.size() != b.size())
        return false;
    for (std::size_t i = 0; i < a.size(); ++i) {
        char x = a[i], y = b[i];
        if (x >= 'a' && x <= 'z')
            x = static_cast<char>(x - 'a' + 'A');
        if (y >= 'a' && y <= 'z')
            y = static_cast<char>(y - 'a' + 'A');
        if (x != y)
            return false;
    }
    return true;
}

} // namespace

ResourceParts parseResourceId(std::string_view id)
{
    std::vector<std::string_view> segs;
    std::size_t pos = 0;
    while (pos <= id.size()) {
        const std::size_t slash = id.find('/', pos);
        const std::size_t end = slash == std::string_view::npos ? id.size() : slash;
        if (end > pos)
            segs.push_back(id.substr(pos, end - pos));
        if (slash == std::string_view::npos)
            break;
        pos = slash + 1;
    }
    ResourceParts parts;
    for (std::size_t i = 0; i + 1 < segs.size(); ++i) {
        if (equalsIgnoreCase(segs[i], "SUBSCRIPTIONS") && parts.subscriptionId.empty()) {
            parts.subscriptionId = upper(segs[i + 1]);
        } else if (equalsIgnoreCase(segs[i], "RESOURCEGROUPS") && parts.resourceGroup.empty()) {
            parts.resourceGroup = upper(segs[i + 1]);
        } else if (equalsIgnoreCase(segs[i], "PROVIDERS")) {
            parts.resourceProvider = upper(segs[i + 1]);
            // {ns}/{type}/{name}[/{subtype}/{subname}...]: the last type/name pair names the resource.
            const std::size_t rest = segs.size() - (i + 2);
            if (rest >= 2) {
                const std::size_t last = rest % 2 == 0 ? segs.size() - 1 : segs.size() - 2;
                parts.resourceType = upper(segs[last - 1]);
                parts.resource = upper(segs[last]);
            }
            break;
        }
    }
    return parts;
}

const ResourceParts &ResourceIdCache::parts(std::string_view id)
{
    for (std::size_t i = 0; i < m_used; ++i)
        if (m_ids[i] == id)
            return m_parts[i];
    const std::size_t slot = m_used < kEntries ? m_used++ : std::exchange(m_next, (m_next + 1) % kEntries);
    m_ids[slot].assign(id);
    m_parts[slot] = parseResourceId(id);
    return m_parts[slot];
}

} // namespace kvt::engine
