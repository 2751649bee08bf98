// SPDX-License-Identifier: MIT
#include "engine/rules/sentinel_rule.h"

#include <algorithm>
#include <map>
#include <set>
#include <tuple>

#include "engine/rules/right_side.h"
#include "engine/rules/row_filter.h"
#include "engine/rules/series_binning.h"

namespace kvt::engine {

namespace {

// What the series counts depend on; any change means a rescan.
struct SeriesInputs {
    Ticks from = 0, to = 0, bin = 0, windowStart = 0;
    SeriesKey key = SeriesKey::CallerIPAddress;
    std::vector<std::string> allow, operations, excludeCallers, excludeAccounts;
    bool operator==(const SeriesInputs &) const = default;
};

struct ModelInputs {
    int seasonality = -1;
    TrendKind trend = TrendKind::LineFit;
    OutlierMethod method = OutlierMethod::CTukey;
    bool operator==(const ModelInputs &) const = default;
};

} // namespace

struct SentinelRule::Cache {
    std::optional<SeriesInputs> seriesInputs;
    SeriesTable table;
    std::vector<std::size_t> rightCandidates; ///< rows inside the alert window that pass the shared filters
    std::optional<ModelInputs> modelInputs;
    std::vector<AnomalyResult> results;
};

SentinelRule::SentinelRule(std::shared_ptr<const Dataset> data)
    : m_data(std::move(data)), m_cache(std::make_shared<Cache>())
{
}

namespace {

ModelInputs modelInputsOf(const SentinelParams &p)
{
    return {p.seasonality, p.trend, p.method};
}

} // namespace

// Stage TimeSeriesData: `between (startofday(ago(starttime)) .. startofday(now()))`, the shared
// filters, then make-series over [from, to) (a row at exactly `to` passes the between but falls
// outside the series, as in Kusto). Also caches the alert-window rows the right side reads.
void SentinelRule::refreshSeries(const SentinelParams &params, const TimeAxis &axis, Ticks windowStart)
{
    Cache &c = *m_cache;
    const SeriesInputs inputs {axis.from, axis.end(), params.bin, windowStart, params.seriesKey, params.allowAppIds,
        params.operations, params.excludeCallers, params.excludeAccounts};
    if (c.seriesInputs && *c.seriesInputs == inputs)
        return;
    const Dataset &data = *m_data;
    const RowFilter filter(data, params);
    std::vector<std::uint8_t> keep(data.size(), 0);
    c.rightCandidates.clear();
    const auto &times = data.times();
    for (std::size_t r = 0; r < data.size(); ++r) {
        if (!filter.passes(r))
            continue;
        const Ticks t = times[r];
        keep[r] = t >= axis.from && t <= axis.end() && filter.callerUsable(r) ? 1 : 0;
        if (t > windowStart)
            c.rightCandidates.push_back(r);
    }
    SeriesTable table = makeDatasetSeries(data, seriesKeyField(params.seriesKey), axis, keep);

    // An allow-list or operation change moves the counts of a few keys only: keys whose series is
    // unchanged keep their cached scores, the others are rescored.
    const ModelInputs model = modelInputsOf(params);
    const bool modelChanged = !c.modelInputs || !(*c.modelInputs == model);
    const bool sameAxis = c.seriesInputs && c.seriesInputs->from == inputs.from && c.seriesInputs->to == inputs.to
        && c.seriesInputs->bin == inputs.bin && c.seriesInputs->key == inputs.key;
    const DecomposeParams dp = decomposeParamsOf(params);
    AnomalyScorer scorer;
    std::vector<AnomalyResult> results(table.keys.size());
    for (std::size_t k = 0; k < table.keys.size(); ++k) {
        if (sameAxis && !modelChanged) {
            const auto it = std::lower_bound(c.table.keys.begin(), c.table.keys.end(), table.keys[k]);
            if (it != c.table.keys.end() && *it == table.keys[k]) {
                const auto old = static_cast<std::size_t>(it - c.table.keys.begin());
                const auto before = c.table.row(old), after = table.row(k);
                if (std::equal(before.begin(), before.end(), after.begin(), after.end())) {
                    results[k] = std::move(c.results[old]);
                    continue;
                }
            }
        }
        scorer.score(table.row(k), dp, results[k]);
        ++m_seriesScored;
    }
    c.table = std::move(table);
    c.results = std::move(results);
    c.seriesInputs = inputs;
    c.modelInputs = model;
    m_scoreRuns += modelChanged ? 1 : 0;
    ++m_seriesBuilds;
}

// series_decompose_anomalies(HourlyCount, scorethreshold, seasonality, trend): scores depend on the
// model only; the threshold just re-flags the cached scores.
void SentinelRule::refreshScores(const SentinelParams &params)
{
    Cache &c = *m_cache;
    const ModelInputs model = modelInputsOf(params);
    if (!c.modelInputs || !(*c.modelInputs == model)) {
        const DecomposeParams dp = decomposeParamsOf(params);
        AnomalyScorer scorer;
        c.results.resize(c.table.keys.size());
        for (std::size_t k = 0; k < c.table.keys.size(); ++k)
            scorer.score(c.table.row(k), dp, c.results[k]);
        m_seriesScored += static_cast<int>(c.table.keys.size());
        c.modelInputs = model;
        ++m_scoreRuns;
    }
    for (auto &r : c.results)
        flagScores(r.scores, params.scoreThreshold, r.flags);
}

SentinelResult SentinelRule::run(const SentinelParams &input)
{
    SentinelResult out;
    out.params = input;
    const Ticks now = input.now.value_or(defaultNow(*m_data));
    out.params.now = now;
    out.axis = TimeAxis::fromRange(startOfDay(now - input.lookbackDays * kTicksPerDay), startOfDay(now), input.bin);
    out.shape = {std::string(seriesKeyName(input.seriesKey)), input.bin};
    refreshSeries(input, out.axis, now - input.alertWindow);
    refreshScores(input);

    // mv-expand, `anomalies > 0`, `baseline > baselinethreshold` (on the truncated long), then the
    // alert window `TimeGenerated > ago(2d)`.
    const Cache &c = *m_cache;
    out.series.reserve(c.table.keys.size());
    for (std::size_t k = 0; k < c.table.keys.size(); ++k) {
        const auto counts = c.table.row(k);
        const AnomalyResult &r = c.results[k];
        out.series.push_back({c.table.keys[k], std::vector<double>(counts.begin(), counts.end()), r});
        for (std::size_t b = 0; b < counts.size(); ++b) {
            const std::int64_t baseline = truncateToLong(r.parts.baseline[b]);
            if (r.flags[b] <= 0 || static_cast<double>(baseline) <= input.baselineThreshold)
                continue;
            AnomalyRow row {c.table.keys[k], out.axis.binStart(b), counts[b], baseline, r.parts.baseline[b],
                r.scores[b], r.flags[b]};
            out.timeSeriesAlerts.push_back(row);
            if (row.bin > now - input.alertWindow)
                out.anomalies.push_back(std::move(row));
        }
    }
    joinAndSummarize(*m_data, input, out.axis, c.rightCandidates, out);
    return out;
}

} // namespace kvt::engine
