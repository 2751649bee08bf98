// SPDX-License-Identifier: MIT
#include "engine/rules/daily_replay.h"

#include <algorithm>

#include "engine/rules/right_side.h"
#include "engine/rules/row_filter.h"

namespace kvt::engine {

TimeAxis lookbackAxis(const SentinelParams &p, Ticks now)
{
    return TimeAxis::fromRange(startOfDay(now - p.lookbackDays * kTicksPerDay), startOfDay(now), p.bin);
}

bool DailyReplay::tilesDay(const SentinelParams &params)
{
    return params.bin > 0 && kTicksPerDay % params.bin == 0;
}

DailyReplay::DailyReplay(const Dataset &data, const SentinelParams &params, Ticks firstDay, Ticks lastDay, Ticks runAt)
    : m_data(data), m_params(params), m_firstDay(firstDay), m_runAt(runAt)
{
    if (firstDay > lastDay)
        return;
    m_runCount = static_cast<std::size_t>((lastDay - firstDay) / kTicksPerDay) + 1;
    const TimeAxis all = TimeAxis::fromRange(
        lookbackAxis(params, firstDay + runAt).from, lookbackAxis(params, lastDay + runAt).end(), params.bin);
    const RowFilter filter(data, params);
    std::vector<std::uint8_t> keep(data.size(), 0);
    for (std::size_t r = 0; r < data.size(); ++r) {
        if (!filter.passes(r))
            continue;
        keep[r] = filter.callerUsable(r) ? 1 : 0;
        m_rightRows.emplace_back(data.time(r), r);
    }
    const TextField key = seriesKeyField(params.seriesKey);
    m_table = makeDatasetSeries(data, key, all, keep);
    std::sort(m_rightRows.begin(), m_rightRows.end());
    // Each interned key value's series, looked up once per value rather than once per row.
    const StringPool &pool = data.pool(key);
    std::vector<std::int32_t> keyOfId(pool.size(), -1);
    for (StringId id = 0; id < pool.size(); ++id) {
        const auto it = std::lower_bound(m_table.keys.begin(), m_table.keys.end(), pool.view(id));
        if (it != m_table.keys.end() && *it == pool.view(id))
            keyOfId[id] = static_cast<std::int32_t>(it - m_table.keys.begin());
    }
    m_rightKey.reserve(m_rightRows.size());
    for (const auto &[t, r] : m_rightRows)
        m_rightKey.push_back(keyOfId[data.textId(key, r)]);
}

SentinelParams DailyReplay::runParams(std::size_t run) const
{
    SentinelParams p = m_params;
    p.now = m_firstDay + static_cast<Ticks>(run) * kTicksPerDay + m_runAt;
    return p;
}

TimeAxis DailyReplay::axis(std::size_t run) const
{
    return lookbackAxis(m_params, *runParams(run).now);
}

void DailyReplay::scoreRun(std::size_t run, const SentinelParams &params, const SeriesVisitor &visit)
{
    const TimeAxis day = axis(run);
    const auto offset = static_cast<std::size_t>((day.from - m_table.axis.from) / m_table.axis.step);
    const DecomposeParams dp = decomposeParamsOf(params);
    for (std::size_t k = 0; k < m_table.keys.size(); ++k) {
        const auto counts = m_table.row(k).subspan(offset, day.bins);
        // make-series gives a key a series only when it has a row inside the axis.
        if (std::all_of(counts.begin(), counts.end(), [](double c) { return c == 0; }))
            continue;
        m_scorer.score(counts, dp, m_scratch);
        visit(k, counts, m_scratch);
    }
}

void DailyReplay::join(std::size_t run, SentinelResult &out) const
{
    if (out.anomalies.empty())
        return;
    const Ticks now = *runParams(run).now;
    const Ticks windowStart = now - m_params.alertWindow;
    // The join only matches a record whose hour (faithful) or bin (full-bin) is an anomaly's, of a key
    // with an anomaly, and anomalies lie inside the axis: other rows can never join.
    std::vector<std::uint8_t> anomalousKey(m_table.keys.size(), 0);
    for (const AnomalyRow &a : out.anomalies) {
        const auto it = std::lower_bound(m_table.keys.begin(), m_table.keys.end(), a.key);
        anomalousKey[static_cast<std::size_t>(it - m_table.keys.begin())] = 1;
    }
    const Ticks last = axis(run).end() + kTicksPerHour;
    const auto lo = std::upper_bound(m_rightRows.begin(), m_rightRows.end(), std::pair(windowStart, SIZE_MAX));
    const auto hi = std::lower_bound(lo, m_rightRows.end(), std::pair(last, std::size_t {0}));
    std::vector<std::size_t> candidates;
    for (auto it = lo; it != hi; ++it) {
        const std::int32_t k = m_rightKey[static_cast<std::size_t>(it - m_rightRows.begin())];
        if (k >= 0 && anomalousKey[static_cast<std::size_t>(k)])
            candidates.push_back(it->second);
    }
    std::sort(candidates.begin(), candidates.end()); // the rule reads them in row order
    joinAndSummarize(m_data, out.params, out.axis, candidates, out);
}

} // namespace kvt::engine
