// SPDX-License-Identifier: MIT
#include "rules/sentinel_rule.h"

#include <algorithm>
#include <map>
#include <set>
#include <tuple>

#include "rules/right_side.h"
#include "rules/row_filter.h"

namespace kvt::engine {

namespace {

TextField keyField(SeriesKey k)
{
    return k == SeriesKey::Resource ? TextField::Resource : TextField::CallerIPAddress;
}

// What the series counts depend on; any change means a rescan.
struct SeriesInputs {
    Ticks from = 0, to = 0, bin = 0, windowStart = 0;
    SeriesKey key = SeriesKey::CallerIPAddress;
    std::vector<std::string> allow, operations;
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

SentinelRule::SentinelRule(std::shared_ptr<const Dataset> data) : m_data(std::move(data)), m_cache(std::make_shared<Cache>()) {}

SentinelResult SentinelRule::run(const SentinelParams &input)
{
    const Dataset &data = *m_data;
    SentinelResult out;
    out.params = input;
    const Ticks now = input.now.value_or(defaultNow(data));
    out.params.now = now;

    // Stage TimeSeriesData: `between (startofday(ago(starttime)) .. startofday(now()))`, the shared
    // filters, then make-series over [from, to) (the row at exactly `to` passes the between but
    // falls outside the series, as in Kusto).
    const Ticks to = startOfDay(now);
    const Ticks from = startOfDay(now - input.lookbackDays * kTicksPerDay);
    out.axis = TimeAxis::fromRange(from, to, input.bin);
    const SeriesInputs seriesInputs{from, to, input.bin, now - input.alertWindow, input.seriesKey, input.allowAppIds, input.operations};
    const ModelInputs modelInputs{input.seasonality, input.trend, input.method};
    Cache &c = *m_cache;
    DecomposeParams dp;
    dp.threshold = input.scoreThreshold;
    dp.seasonality = input.seasonality;
    dp.trend = input.trend;
    dp.method = input.method;
    AnomalyScorer scorer;
    if (!c.seriesInputs || !(*c.seriesInputs == seriesInputs)) {
        const RowFilter filter(data, input);
        std::vector<std::uint8_t> keep(data.size(), 0);
        c.rightCandidates.clear();
        const auto &times = data.times();
        for (std::size_t r = 0; r < data.size(); ++r) {
            if (!filter.passes(r))
                continue;
            const Ticks t = times[r];
            keep[r] = t >= from && t <= to && filter.callerUsable(r) ? 1 : 0;
            if (t > seriesInputs.windowStart)
                c.rightCandidates.push_back(r);
        }
        SeriesTable table = makeSeriesCount(data, keyField(input.seriesKey), out.axis, keep);
        // An allow-list or operation change moves the counts of a few keys only: keys whose series
        // is unchanged keep their cached scores, the others are rescored.
        const bool modelChanged = !c.modelInputs || !(*c.modelInputs == modelInputs);
        const bool sameAxis = c.seriesInputs && c.seriesInputs->from == from && c.seriesInputs->to == to
                              && c.seriesInputs->bin == input.bin && c.seriesInputs->key == input.seriesKey;
        std::vector<AnomalyResult> results(table.keys.size());
        for (std::size_t k = 0; k < table.keys.size(); ++k) {
            bool reused = false;
            if (sameAxis && !modelChanged) {
                const auto it = std::lower_bound(c.table.keys.begin(), c.table.keys.end(), table.keys[k]);
                const auto old = static_cast<std::size_t>(it - c.table.keys.begin());
                if (it != c.table.keys.end() && *it == table.keys[k]) {
                    const auto before = c.table.row(old), after = table.row(k);
                    if (std::equal(before.begin(), before.end(), after.begin(), after.end())) {
                        results[k] = std::move(c.results[old]);
                        reused = true;
                    }
                }
            }
            if (!reused) {
                scorer.score(table.row(k), dp, results[k]);
                ++m_seriesScored;
            }
        }
        c.table = std::move(table);
        c.results = std::move(results);
        c.seriesInputs = seriesInputs;
        c.modelInputs = modelInputs;
        m_scoreRuns += modelChanged ? 1 : 0;
        ++m_seriesBuilds;
    }

    // series_decompose_anomalies(HourlyCount, scorethreshold, seasonality, trend): scores depend on
    // the model only; the threshold just re-flags the cached scores.
    const std::size_t keys = c.table.keys.size();
    if (!c.modelInputs || !(*c.modelInputs == modelInputs)) {
        c.results.resize(keys);
        for (std::size_t k = 0; k < keys; ++k)
            scorer.score(c.table.row(k), dp, c.results[k]);
        m_seriesScored += static_cast<int>(keys);
        c.modelInputs = modelInputs;
        ++m_scoreRuns;
    }
    for (auto &r : c.results)
        flagScores(r.scores, input.scoreThreshold, r.flags);

    // mv-expand, `anomalies > 0`, `baseline > baselinethreshold` (on the truncated long).
    out.series.reserve(keys);
    for (std::size_t k = 0; k < keys; ++k) {
        const auto counts = c.table.row(k);
        const AnomalyResult &r = c.results[k];
        out.series.push_back({c.table.keys[k], std::vector<double>(counts.begin(), counts.end()), r});
        for (std::size_t b = 0; b < counts.size(); ++b) {
            const std::int64_t baseline = truncateToLong(r.parts.baseline[b]);
            if (r.flags[b] > 0 && static_cast<double>(baseline) > input.baselineThreshold) {
                AnomalyRow row{c.table.keys[k], out.axis.binStart(b), counts[b], baseline, r.parts.baseline[b], r.scores[b], r.flags[b]};
                out.timeSeriesAlerts.push_back(row);
                if (row.bin > now - input.alertWindow) // `TimeGenerated > ago(2d)`
                    out.anomalies.push_back(std::move(row));
            }
        }
    }

    joinAndSummarize(data, input, out.axis, c.rightCandidates, out);
    return out;
}

} // namespace kvt::engine
