// SPDX-License-Identifier: MIT
// "The records behind this point / this alert": a small query over the store that the CLI's
// `records` command, the chart click and the records table share. Answers are record indices.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <vector>

#include "engine/rules/sentinel_rule.h"

namespace kvt::engine {

/// Which of the rule's stages a record must have reached.
enum class RecordStage {
    Any, ///< no rule filter: every record that matches the time range, key and operations
    SeriesCounted, ///< exactly what make-series counted for the key in the time range (the rule's
                   ///< filters, allow-list, operations, success, vaults, usable caller, inside the axis)
    Joined ///< what the rule's join attached to the key's alerts under @ref RecordQuery::drilldown
};

/// A value: copy it, compare it, keep it in a selection.
struct RecordQuery {
    std::optional<Ticks> from; ///< inclusive, UTC ticks; unset = no lower bound
    std::optional<Ticks> to; ///< exclusive
    std::optional<std::string> key; ///< a value of the rule's series key column; unset = any key
    std::vector<std::string> operations; ///< OperationName in these (case-sensitive); empty = any
    RecordStage stage = RecordStage::Any;
    Drilldown drilldown = Drilldown::Faithful; ///< for RecordStage::Joined

    bool operator==(const RecordQuery &) const = default;
};

/// The records of @p data that match @p query, sorted ascending. @p params are the parameters the
/// rule ran with (@p result's; an unset `now` is taken from @p result). Linear in the records; safe
/// from any thread (reads only).
std::vector<std::size_t> queryRecords(
    const Dataset &data, const SentinelParams &params, const SentinelResult &result, const RecordQuery &query);

/// The query for the records make-series counted for @p key in bin @p bin of @p result.
RecordQuery seriesPointQuery(const SentinelResult &result, const std::string &key, std::size_t bin);

} // namespace kvt::engine
