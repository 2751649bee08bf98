// SPDX-License-Identifier: MIT
#include "engine/generate/traffic_profile.h"

#include <algorithm>
#include <cmath>

namespace kvt::engine {
namespace {

// Addresses come from ranges reserved for documentation and private networks, so synthetic data
// never names a real host: RFC 5737 (192.0.2/24, 198.51.100/24, 203.0.113/24), 10/8 (private
// endpoints inside a VNet) and RFC 3849 (2001:db8::/32).
std::string makeIp(Random &rng, std::vector<std::string> &used)
{
    for (;;) {
        std::string ip;
        const double r = rng.uniform();
        if (r < 0.45) {
            static constexpr const char *kNets[] = {"192.0.2.", "198.51.100.", "203.0.113."};
            ip = std::string(kNets[rng.between(0, 2)]) + std::to_string(rng.between(1, 254));
        } else if (r < 0.92) {
            ip = "10." + std::to_string(rng.between(0, 40)) + "." + std::to_string(rng.between(0, 255)) + "."
                + std::to_string(rng.between(4, 254));
        } else {
            static constexpr char kHex[] = "0123456789abcdef";
            ip = "2001:db8:";
            for (int g = 0; g < 2; ++g)
                ip += kHex[rng.between(1, 15)], ip += kHex[rng.between(0, 15)], ip += kHex[rng.between(0, 15)],
                    ip += ':';
            ip += ':';
            ip += std::to_string(rng.between(1, 9999));
        }
        if (std::find(used.begin(), used.end(), ip) == used.end()) {
            used.push_back(ip);
            return ip;
        }
    }
}

std::string pick(Random &rng, std::initializer_list<const char *> options)
{
    const auto i = static_cast<std::size_t>(rng.between(0, static_cast<std::int64_t>(options.size()) - 1));
    return *(options.begin() + i);
}

} // namespace

std::vector<Vault> makeVaults(Random &rng)
{
    static constexpr const char *kNames[] = {
        "KV-PAYMENTS-PROD", "KV-IDENTITY-PROD", "KV-DATA-PLATFORM", "KV-BUILD-SHARED", "KV-CERTS-PROD", "KV-APPS-TEST"};
    static constexpr const char *kGroups[]
        = {"RG-PAYMENTS", "RG-IDENTITY", "RG-DATA", "RG-DEVOPS", "RG-PKI", "RG-TEST"};
    static constexpr const char *kSecretWords[] = {"db-password", "api-key", "storage-conn", "sp-secret", "redis-key",
        "smtp-password", "jwt-signing", "sas-token", "cosmos-key", "webhook-secret"};
    const std::string subs[] = {rng.guid(), rng.guid()};
    std::vector<Vault> vaults;
    for (std::size_t i = 0; i < std::size(kNames); ++i) {
        Vault v;
        v.name = kNames[i];
        v.subscription = subs[i % 2];
        std::transform(v.subscription.begin(), v.subscription.end(), v.subscription.begin(),
            [](char c) { return static_cast<char>(std::toupper(static_cast<unsigned char>(c))); });
        v.resourceGroup = kGroups[i];
        v.resourceId = "/SUBSCRIPTIONS/" + v.subscription + "/RESOURCEGROUPS/" + v.resourceGroup
            + "/PROVIDERS/MICROSOFT.KEYVAULT/VAULTS/" + v.name;
        const auto secretCount = rng.between(6, 24);
        for (std::int64_t s = 0; s < secretCount; ++s)
            v.secrets.push_back(std::string(kSecretWords[rng.between(0, 9)]) + "-" + std::to_string(s + 1));
        const auto keyCount = rng.between(2, 6);
        for (std::int64_t k = 0; k < keyCount; ++k)
            v.keys.push_back("cmk-" + std::to_string(k + 1));
        vaults.push_back(std::move(v));
    }
    return vaults;
}

std::vector<Caller> makeCallers(Random &rng, int count, std::size_t vaultCount)
{
    static constexpr const char *kFirst[]
        = {"alex", "sam", "kim", "noor", "li", "maria", "omar", "eva", "raj", "tomas"};
    static constexpr const char *kLast[] = {"berg", "okafor", "chen", "silva", "novak", "haddad", "meyer", "tan"};
    std::vector<std::string> usedIps;
    std::vector<Caller> callers;
    for (int i = 0; i < count; ++i) {
        Caller c;
        const double r = rng.uniform();
        c.kind = r < 0.45 ? CallerKind::ServicePrincipal
            : r < 0.62    ? CallerKind::ManagedIdentity
            : r < 0.90    ? CallerKind::User
                          : CallerKind::PortalUser;
        c.ip = makeIp(rng, usedIps);
        c.objectId = rng.guid();
        switch (c.kind) {
        case CallerKind::ServicePrincipal:
            c.appId = rng.guid();
            c.clientInfo = pick(rng,
                {"azsdk-net-Security.KeyVault.Secrets/4.5.0 (.NET 8.0.4; Linux)",
                    "azsdk-python-keyvault-secrets/4.7.0 Python/3.11.4 (Linux)",
                    "azsdk-java-azure-security-keyvault-secrets/4.6.2 (17.0.8; Linux)"});
            break;
        case CallerKind::ManagedIdentity:
            c.appId = rng.guid();
            c.clientInfo = "azsdk-net-Security.KeyVault.Secrets/4.6.0 (.NET 8.0.7; Microsoft Windows 10.0.20348)";
            break;
        case CallerKind::User:
            c.appId = "04b07795-8ddb-461a-bbee-02f9e1bf7b46"; // Azure CLI
            c.upn = std::string(kFirst[rng.between(0, 9)]) + "." + kLast[rng.between(0, 7)] + std::to_string(i)
                + "@contoso.example";
            c.clientInfo = pick(rng,
                {"AZURECLI/2.61.0 (DEB) azsdk-python-keyvault-secrets/4.8.0",
                    "Mozilla/5.0 (Windows NT 10.0; Win64; x64) Edge/125.0"});
            break;
        case CallerKind::PortalUser:
        case CallerKind::ResourceGraph:
            c.appId = "c44b4083-3bb0-49c1-b47d-974e53cbdf3c"; // Azure portal
            c.upn = std::string(kFirst[rng.between(0, 9)]) + "." + kLast[rng.between(0, 7)] + std::to_string(i)
                + "@contoso.example";
            c.clientInfo = "azure-resource-manager/2.0";
            break;
        }
        c.vaults.push_back(static_cast<std::size_t>(rng.between(0, static_cast<std::int64_t>(vaultCount) - 1)));
        if (rng.chance(0.3))
            c.vaults.push_back(static_cast<std::size_t>(rng.between(0, static_cast<std::int64_t>(vaultCount) - 1)));
        // Log-normal volumes: most callers make a handful of calls a day, a few make thousands.
        const double sigma = 1.9;
        c.dailyVolume = std::clamp(std::exp(std::log(8.0) + sigma * rng.normal()), 2.0, 4000.0);
        if (c.kind == CallerKind::PortalUser)
            c.dailyVolume = std::min(c.dailyVolume, 30.0);
        const bool human = c.kind == CallerKind::User || c.kind == CallerKind::PortalUser;
        if (human || rng.chance(0.3))
            c.weekendFactor = rng.uniform(0.1, 0.6);
        if (rng.chance(0.2))
            c.dailyGrowth = rng.uniform(-0.03, 0.04);
        if (human) {
            c.busyFromHour = static_cast<int>(rng.between(5, 10));
            c.busyToHour = c.busyFromHour + static_cast<int>(rng.between(8, 11));
        }
        callers.push_back(std::move(c));
    }
    return callers;
}

std::vector<Caller> makeResourceGraphCallers(Random &rng, std::size_t vaultCount)
{
    std::vector<Caller> callers;
    std::vector<std::string> used;
    for (int i = 0; i < 3; ++i) {
        Caller c;
        c.kind = CallerKind::ResourceGraph;
        c.ip = "203.0.113." + std::to_string(200 + i);
        c.appId = kResourceGraphAppId;
        c.objectId = rng.guid();
        c.clientInfo = "Azure Resource Graph";
        for (std::size_t v = 0; v < vaultCount; ++v)
            c.vaults.push_back(v);
        c.dailyVolume = 60.0 * static_cast<double>(vaultCount); // hundreds of VaultGet calls a day
        callers.push_back(std::move(c));
    }
    return callers;
}

} // namespace kvt::engine
