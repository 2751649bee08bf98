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
/// interned id, so a row costs a few array look-ups.
class RowFilter {
public:
    RowFilter(const Dataset &data, const SentinelParams &params);

    bool passes(std::size_t row) const
    {
        const StringId op = m_op[row];
        if (m_allowedApp[m_app[row]] && m_isVaultGet[op])
            return false;
        return m_vaults[m_resourceType[row]] && m_success[m_resultType[row]] && m_inOperations[op];
    }
    /// `CallerIPAddress !~ "None" and isnotempty(CallerIPAddress)` (the first half only).
    bool callerUsable(std::size_t row) const { return m_usableIp[m_ip[row]] != 0; }

private:
    const std::vector<StringId> &m_op;
    const std::vector<StringId> &m_app;
    const std::vector<StringId> &m_resourceType;
    const std::vector<StringId> &m_resultType;
    const std::vector<StringId> &m_ip;
    std::vector<std::uint8_t> m_inOperations, m_isVaultGet, m_allowedApp, m_vaults, m_success, m_usableIp;
};

/// KQL `=~` on ASCII text.
bool equalsIgnoreAsciiCase(std::string_view a, std::string_view b);

} // namespace kvt::engine
