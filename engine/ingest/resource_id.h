// SPDX-License-Identifier: MIT
// Splits an Azure resource id the way Log Analytics fills AzureDiagnostics' resource columns.
#pragma once

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

} // namespace kvt::engine
