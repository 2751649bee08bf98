// SPDX-License-Identifier: MIT
// Who calls which vault how often: the actors behind generated traffic.
#pragma once

#include <string>
#include <vector>

#include "engine/generate/random.h"

namespace kvt::engine {

struct Vault {
    std::string name; ///< upper-case, as AzureDiagnostics' Resource
    std::string resourceId;
    std::string subscription;
    std::string resourceGroup;
    std::vector<std::string> secrets;
    std::vector<std::string> keys;
};

enum class CallerKind { ServicePrincipal, ManagedIdentity, User, PortalUser, ResourceGraph };

/// One caller IP and the identity behind it.
struct Caller {
    CallerKind kind = CallerKind::ServicePrincipal;
    std::string ip;
    std::string appId;
    std::string objectId;
    std::string upn; ///< users only
    std::string clientInfo;
    std::vector<std::size_t> vaults; ///< indices into the vault list; first is the main one
    double dailyVolume = 10; ///< expected records per day before rhythm and trend
    double weekendFactor = 1; ///< < 1 for callers with a weekly rhythm
    double dailyGrowth = 0; ///< relative trend per day
    int busyFromHour = 0; ///< UTC hours in which a user works
    int busyToHour = 24;
};

inline constexpr const char *kResourceGraphAppId = "509e4652-da8d-478d-a730-e9d4a1996ca4";

std::vector<Vault> makeVaults(Random &rng);
std::vector<Caller> makeCallers(Random &rng, int count, std::size_t vaultCount);
/// Azure Resource Graph's indexing callers (VaultGet on every vault, all day).
std::vector<Caller> makeResourceGraphCallers(Random &rng, std::size_t vaultCount);

} // namespace kvt::engine
