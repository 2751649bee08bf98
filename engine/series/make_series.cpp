// SPDX-License-Identifier: MIT
#include "engine/series/make_series.h"

#include <algorithm>
#include <numeric>

namespace kvt::engine {

TimeAxis TimeAxis::fromRange(Ticks from, Ticks to, Ticks step)
{
    TimeAxis axis {from, step, 0};
    if (step > 0 && to > from)
        axis.bins = static_cast<std::size_t>((to - from + step - 1) / step);
    return axis;
}

std::int64_t TimeAxis::binOf(Ticks t) const
{
    if (t < from || t >= end())
        return -1;
    return (t - from) / step;
}

SeriesTable makeSeriesCount(
    const Dataset &data, TextField key, const TimeAxis &axis, std::span<const std::uint8_t> rowFilter)
{
    const auto &keys = data.column(key);
    const auto &times = data.times();
    const std::size_t keyCount = data.pool(key).size();
    const std::size_t bins = axis.bins;

    // Count by interned id first (dense, cache friendly), then keep keys that have rows.
    std::vector<std::uint32_t> byId(keyCount * bins, 0);
    std::vector<std::uint8_t> seen(keyCount, 0);
    for (std::size_t r = 0; r < times.size(); ++r) {
        if (!rowFilter.empty() && !rowFilter[r])
            continue;
        const StringId id = keys[r];
        if (id == 0)
            continue;
        const std::int64_t bin = axis.binOf(times[r]);
        if (bin < 0)
            continue;
        ++byId[id * bins + static_cast<std::size_t>(bin)];
        seen[id] = 1;
    }

    std::vector<StringId> present;
    for (StringId id = 1; id < keyCount; ++id)
        if (seen[id])
            present.push_back(id);
    const StringPool &pool = data.pool(key);
    std::sort(present.begin(), present.end(), [&](StringId a, StringId b) { return pool.view(a) < pool.view(b); });

    SeriesTable table;
    table.axis = axis;
    table.keys.reserve(present.size());
    table.counts.reserve(present.size() * bins);
    for (const StringId id : present) {
        table.keys.emplace_back(pool.view(id));
        for (std::size_t b = 0; b < bins; ++b)
            table.counts.push_back(static_cast<double>(byId[id * bins + b]));
    }
    return table;
}

} // namespace kvt::engine
