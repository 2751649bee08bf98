// SPDX-License-Identifier: MIT
#include "engine/rules/row_filter.h"

#include <algorithm>

namespace kvt::engine {

bool equalsIgnoreAsciiCase(std::string_view a, std::string_view b)
{
    return a.size() == b.size() && std::equal(a.begin(), a.end(), b.begin(), [](char x, char y) {
        auto lower = [](char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c; };
        return lower(x) == lower(y);
    });
}

bool inIgnoreAsciiCase(std::string_view v, const std::vector<std::string> &list)
{
    return std::any_of(
        list.begin(), list.end(), [v](const std::string &item) { return equalsIgnoreAsciiCase(v, item); });
}

RowFilter::RowFilter(const Dataset &data, const SentinelParams &params)
    : m_op(data.column(TextField::OperationName)), m_app(data.column(TextField::ClaimAppId)),
      m_resourceType(data.column(TextField::ResourceType)), m_resultType(data.column(TextField::ResultType)),
      m_ip(data.column(TextField::CallerIPAddress)), m_upn(data.column(TextField::ClaimUpn)),
      m_upnLong(data.column(TextField::ClaimUpnLong))
{
    const auto &ops = params.operations;
    const auto &allow = params.allowAppIds;
    m_inOperations = predicateTable(data.pool(TextField::OperationName),
        [&](std::string_view v) { return std::find(ops.begin(), ops.end(), v) != ops.end(); });
    m_isVaultGet
        = predicateTable(data.pool(TextField::OperationName), [](std::string_view v) { return v == "VaultGet"; });
    m_allowedApp = predicateTable(data.pool(TextField::ClaimAppId),
        [&](std::string_view v) { return std::find(allow.begin(), allow.end(), v) != allow.end(); });
    m_vaults = predicateTable(
        data.pool(TextField::ResourceType), [](std::string_view v) { return equalsIgnoreAsciiCase(v, "VAULTS"); });
    m_success = predicateTable(
        data.pool(TextField::ResultType), [](std::string_view v) { return equalsIgnoreAsciiCase(v, "Success"); });
    m_usableIp = predicateTable(data.pool(TextField::CallerIPAddress),
        [](std::string_view v) { return !v.empty() && !equalsIgnoreAsciiCase(v, "None"); });
    m_excludes = !params.excludeCallers.empty() || !params.excludeAccounts.empty();
    const auto &ips = params.excludeCallers;
    m_excludedIp = predicateTable(data.pool(TextField::CallerIPAddress),
        [&](std::string_view v) { return std::find(ips.begin(), ips.end(), v) != ips.end(); });
    const auto account = [&](std::string_view v) { return !v.empty() && inIgnoreAsciiCase(v, params.excludeAccounts); };
    m_excludedUpn = predicateTable(data.pool(TextField::ClaimUpn), account);
    m_excludedUpnLong = predicateTable(data.pool(TextField::ClaimUpnLong), account);
}

} // namespace kvt::engine
