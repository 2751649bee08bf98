// SPDX-License-Identifier: MIT
// The record filters both halves of the Sentinel rule share, evaluated once per interned value.
#pragma once

#include <cstdint>
#include <vector>

#include "engine/rules/sentinel_params.h"
#include "engine/store/dataset.h"

namespace kvt::engine {

/// `not(appid in Allowedappid and OperationName == 'VaultGet')`, `ResourceType =~ "VAULTS"`,
/// `ResultType =~ "Success"` and `OperationName in OperationList`, with KQL's case rules
/// (`in` and `==` case-sensitive, `=~` ASCII case-insensitive). Each predicate is a table indexed by
/// interned id, so a row costs a few array look-ups. The analyst's exclusions (excludeCallers,
/// excludeAccounts), when there are any, drop their records too.
class RowFilter {
public:
    RowFilter(const Dataset &data, const SentinelParams &params);

    bool passes(std::size_t row) const
    {
        const StringId op = m_op[row];
        if (m_allowedApp[m_app[row]] && m_isVaultGet[op])
            return false;
        if (m_excludes && excluded(row))
            return false;
        return m_vaults[m_resourceType[row]] && m_success[m_resultType[row]] && m_inOperations[op];
    }
    /// `CallerIPAddress !~ "None" and isnotempty(CallerIPAddress)` (the first half only).
    bool callerUsable(std::size_t row) const { return m_usableIp[m_ip[row]] != 0; }

private:
    /// `CallerIPAddress in (excludeCallers) or CallerObjectUPN in~ (excludeAccounts)`, CallerObjectUPN
    /// being the short upn claim, else the long one (as the rule's right side computes it).
    bool excluded(std::size_t row) const
    {
        if (m_excludedIp[m_ip[row]])
            return true;
        const StringId upn = m_upn[row];
        return upn != 0 ? m_excludedUpn[upn] != 0 : m_excludedUpnLong[m_upnLong[row]] != 0;
    }

    const std::vector<StringId> &m_op;
    const std::vector<StringId> &m_app;
    const std::vector<StringId> &m_resourceType;
    const std::vector<StringId> &m_resultType;
    const std::vector<StringId> &m_ip;
    const std::vector<StringId> &m_upn;
    const std::vector<StringId> &m_upnLong;
    std::vector<std::uint8_t> m_inOperations, m_isVaultGet, m_allowedApp, m_vaults, m_success, m_usableIp;
    bool m_excludes = false;
    std::vector<std::uint8_t> m_excludedIp, m_excludedUpn, m_excludedUpnLong;
};

/// @p pred of every interned value of @p pool, indexed by id: a predicate on a column costs one
/// look-up per row.
template <typename Pred> std::vector<std::uint8_t> predicateTable(const StringPool &pool, Pred pred)
{
    std::vector<std::uint8_t> table(pool.size());
    for (StringId id = 0; id < pool.size(); ++id)
        table[id] = pred(pool.view(id)) ? 1 : 0;
    return table;
}

/// KQL `=~` on ASCII text.
bool equalsIgnoreAsciiCase(std::string_view a, std::string_view b);
/// KQL `in~`: @p v equals one of @p list, ASCII case-insensitively.
bool inIgnoreAsciiCase(std::string_view v, const std::vector<std::string> &list);

} // namespace kvt::engine
