// SPDX-License-Identifier: MIT
// Splits an Azure resource id the way Log Analytics fills AzureDiagnostics' resource columns.
#pragma once

#include <array>
#include <string>
#include <string_view>

namespace kvt::engine {

/// The parts of `/SUBSCRIPTIONS/{sub}/RESOURCEGROUPS/{rg}/PROVIDERS/{ns}/{type}/{name}`,
/// upper-cased as AzureDiagnostics stores them (Resource = vault name, ResourceType = VAULTS).
struct ResourceParts {
    std::string subscriptionId;
    std::string resourceGroup;
    std::string resourceProvider;
    std::string resourceType;
    std::string resource;
};

/// Parses @p id case-insensitively; parts that are not present stay empty.
ResourceParts parseResourceId(std::string_view id);

/// parseResourceId with a memory of the ids seen last: an export names a handful of vaults over
/// and over, and the loader asks once per record.
class ResourceIdCache {
public:
    const ResourceParts &parts(std::string_view id);

private:
    static constexpr std::size_t kEntries = 16;
    std::array<std::string, kEntries> m_ids;
    std::array<ResourceParts, kEntries> m_parts;
    std::size_t m_used = 0;
    std::size_t m_next = 0; // replaced next when full
};

} // namespace kvt::engine
