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

namespace {

template <typename Pred> std::vector<std::uint8_t> tableOf(const StringPool &pool, Pred pred)
{
    std::vector<std::uint8_t> table(pool.size());
    for (StringId id = 0; id < pool.size(); ++id)
        table[id] = pred(pool.view(id)) ? 1 : 0;
    return table;
}

} // namespace

RowFilter::RowFilter(const Dataset &data, const SentinelParams &params)
    : m_op(data.column(TextField::OperationName)), m_app(data.column(TextField::ClaimAppId)),
      m_resourceType(data.column(TextField::ResourceType)), m_resultType(data.column(TextField::ResultType)),
      m_ip(data.column(TextField::CallerIPAddress))
{
    const auto &ops = params.operations;
    const auto &allow = params.allowAppIds;
    m_inOperations = tableOf(data.pool(TextField::OperationName),
        [&](std::string_view v) { return std::find(ops.begin(), ops.end(), v) != ops.end(); });
    m_isVaultGet = tableOf(data.pool(TextField::OperationName), [](std::string_view v) { return v == "VaultGet"; });
    m_allowedApp = tableOf(data.pool(TextField::ClaimAppId),
        [&](std::string_view v) { return std::find(allow.begin(), allow.end(), v) != allow.end(); });
    m_vaults = tableOf(
        data.pool(TextField::ResourceType), [](std::string_view v) { return equalsIgnoreAsciiCase(v, "VAULTS"); });
    m_success = tableOf(
        data.pool(TextField::ResultType), [](std::string_view v) { return equalsIgnoreAsciiCase(v, "Success"); });
    m_usableIp = tableOf(data.pool(TextField::CallerIPAddress),
        [](std::string_view v) { return !v.empty() && !equalsIgnoreAsciiCase(v, "None"); });
}

} // namespace kvt::engine
