// SPDX-License-Identifier: MIT
#include "engine/rules/record_query.h"

#include <algorithm>
#include <functional>

#include "engine/rules/right_side.h"
#include "engine/rules/row_filter.h"

namespace kvt::engine {
namespace {

// The record predicate of one rule stage, built once per query.
std::function<bool(std::size_t)> stagePredicate(
    const Dataset &data, const SentinelParams &params, const SentinelResult &result, const RecordQuery &q)
{
    if (q.stage == RecordStage::Any)
        return [](std::size_t) { return true; };
    auto filter = std::make_shared<RowFilter>(data, params);
    if (q.stage == RecordStage::SeriesCounted) {
        // TimeSeriesData's filters, then make-series' [from, to) axis (a row at exactly `to` passes
        // the between but is not counted).
        const TimeAxis axis = result.axis;
        return [&data, filter, axis](std::size_t r) {
            const Ticks t = data.time(r);
            return t >= axis.from && t < axis.end() && filter->passes(r) && filter->callerUsable(r);
        };
    }
    // The right side: the shared filters, `TimeGenerated > ago(2d)`, the AnomalyHours match and a key
    // the left side has; the very JoinLeftSide the rule's join uses.
    SentinelParams joinParams = params;
    joinParams.drilldown = q.drilldown;
    auto left = std::make_shared<JoinLeftSide>(joinParams, result.axis, result.anomalies);
    const Ticks windowStart = params.now.value_or(result.params.now.value_or(0)) - params.alertWindow;
    const TextField keyField = seriesKeyField(params.seriesKey);
    return [&data, filter, left, windowStart, keyField](std::size_t r) {
        const Ticks t = data.time(r);
        return t > windowStart && filter->passes(r) && left->matchesTime(t) && left->keptRow(data.text(keyField, r));
    };
}

// Per interned id, whether the value is in @p wanted (all true when @p wanted is empty).
std::vector<std::uint8_t> idTable(const StringPool &pool, const std::vector<std::string> &wanted)
{
    std::vector<std::uint8_t> table(pool.size(), wanted.empty() ? 1 : 0);
    for (const auto &w : wanted)
        if (const StringId id = pool.find(w); id != StringPool::kMissing)
            table[id] = 1;
    return table;
}

} // namespace

std::vector<std::size_t> queryRecords(
    const Dataset &data, const SentinelParams &params, const SentinelResult &result, const RecordQuery &q)
{
    const TextField keyField = seriesKeyField(params.seriesKey);
    std::vector<std::string> keys;
    if (q.key)
        keys.push_back(*q.key);
    const std::vector<std::uint8_t> keyOk = idTable(data.pool(keyField), keys);
    const std::vector<std::uint8_t> opOk = idTable(data.pool(TextField::OperationName), q.operations);
    const auto inStage = stagePredicate(data, params, result, q);
    // The rule drops rows whose key is empty (make-series and the join both do).
    const bool keyNeeded = q.stage != RecordStage::Any;
    std::vector<std::size_t> out;
    for (std::size_t r = 0; r < data.size(); ++r) {
        const Ticks t = data.time(r);
        if ((q.from && t < *q.from) || (q.to && t >= *q.to))
            continue;
        const StringId key = data.textId(keyField, r);
        if (!keyOk[key] || (keyNeeded && data.pool(keyField).view(key).empty()))
            continue;
        if (opOk[data.textId(TextField::OperationName, r)] && inStage(r))
            out.push_back(r);
    }
    return out;
}

RecordQuery seriesPointQuery(const SentinelResult &result, const std::string &key, std::size_t bin)
{
    RecordQuery q;
    q.from = result.axis.binStart(bin);
    q.to = result.axis.binStart(bin + 1);
    q.key = key;
    q.stage = RecordStage::SeriesCounted;
    q.drilldown = result.params.drilldown;
    return q;
}

} // namespace kvt::engine
