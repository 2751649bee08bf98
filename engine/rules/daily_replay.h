// SPDX-License-Identifier: MIT
// What every daily run of the Sentinel rule shares when its bins tile a day (internal to
// engine/rules): one pass of counts over the union of the look-backs, the rows the join may read,
// and the stages of SentinelRule::run on one day's slice of them. The backtest and the threshold
// advice both replay through it, so both equal `detect --now` of each day.
#pragma once

#include <functional>
#include <span>
#include <vector>

#include "engine/rules/sentinel_rule.h"
#include "engine/rules/series_binning.h"

namespace kvt::engine {

class DailyReplay {
public:
    /// True when every day's look-back is a slice of one axis (the bin divides a day).
    static bool tilesDay(const SentinelParams &params);

    /// Runs at `day + runAt` for every day from @p firstDay to @p lastDay (day starts, inclusive;
    /// none when firstDay > lastDay). Requires tilesDay(params). Keeps a reference to @p data.
    DailyReplay(const Dataset &data, const SentinelParams &params, Ticks firstDay, Ticks lastDay, Ticks runAt);

    std::size_t runCount() const { return m_runCount; }
    /// The parameters of run @p run (`now` set to its run time).
    SentinelParams runParams(std::size_t run) const;
    TimeAxis axis(std::size_t run) const;
    /// The series keys (sorted), which the visitor's key indices point into.
    const std::vector<std::string> &keys() const { return m_table.keys; }

    /// series_decompose_anomalies of run @p run's look-back, with @p params' model: calls
    /// @p visit(key index, counts, result) for every key with a series, in key order.
    using SeriesVisitor = std::function<void(std::size_t, std::span<const double>, const AnomalyResult &)>;
    void scoreRun(std::size_t run, const SentinelParams &params, const SeriesVisitor &visit);

    /// The join and final summarize of run @p run: fills @p out.alerts and @p out.outcomes from
    /// @p out.anomalies (that run's in-window anomalies in key, then bin order; @p out.params and
    /// @p out.axis set as runParams/axis give them).
    void join(std::size_t run, SentinelResult &out) const;

private:
    const Dataset &m_data;
    SentinelParams m_params;
    Ticks m_firstDay = 0, m_runAt = 0;
    std::size_t m_runCount = 0;
    SeriesTable m_table;
    std::vector<std::pair<Ticks, std::size_t>> m_rightRows; ///< (time, row) of rows passing the shared filters
    std::vector<std::int32_t> m_rightKey; ///< per m_rightRows entry: its key's index, -1 when it has no series
    AnomalyScorer m_scorer;
    AnomalyResult m_scratch;
};

/// A day's look-back, as SentinelRule::run sets it.
TimeAxis lookbackAxis(const SentinelParams &params, Ticks now);

} // namespace kvt::engine
