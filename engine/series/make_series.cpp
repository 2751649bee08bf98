// SPDX-License-Identifier: MIT
#include "engine/series/make_series.h"

#include <algorithm>

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

SeriesTable makeSeriesCount(std::span<const Ticks> times, std::span<const std::uint32_t> keyIds,
    std::span<const std::string_view> keyNames, const TimeAxis &axis, std::span<const std::uint8_t> rowFilter)
{
    const std::size_t keyCount = keyNames.size();
    const std::size_t bins = axis.bins;
    SeriesTable table;
    table.axis = axis;
    if (keyIds.empty())
        return table;

    // Count by id first (dense, cache friendly), then keep the keys that have rows.
    std::vector<std::uint32_t> byId(keyCount * bins, 0);
    std::vector<std::uint8_t> seen(keyCount, 0);
    for (std::size_t r = 0; r < times.size(); ++r) {
        if (!rowFilter.empty() && !rowFilter[r])
            continue;
        const std::uint32_t id = keyIds[r];
        if (id == 0)
            continue;
        const std::int64_t bin = axis.binOf(times[r]);
        if (bin < 0)
            continue;
        ++byId[id * bins + static_cast<std::size_t>(bin)];
        seen[id] = 1;
    }

    std::vector<std::uint32_t> present;
    for (std::uint32_t id = 1; id < keyCount; ++id)
        if (seen[id])
            present.push_back(id);
    std::sort(
        present.begin(), present.end(), [&](std::uint32_t a, std::uint32_t b) { return keyNames[a] < keyNames[b]; });

    table.keys.reserve(present.size());
    table.counts.reserve(present.size() * bins);
    for (const std::uint32_t id : present) {
        table.keys.emplace_back(keyNames[id]);
        for (std::size_t b = 0; b < bins; ++b)
            table.counts.push_back(static_cast<double>(byId[id * bins + b]));
    }
    return table;
}

} // namespace kvt::engine
