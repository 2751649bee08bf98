// SPDX-License-Identifier: MIT
#include "engine/rules/key_summary.h"

#include <algorithm>
#include <map>
#include <string>

namespace kvt::engine {

std::string_view keyStatusName(KeyStatus s)
{
    switch (s) {
    case KeyStatus::Alerting: return "alerting";
    case KeyStatus::SilencedByJoin: return "silenced-by-join";
    case KeyStatus::DroppedByBaseline: return "dropped-by-baseline";
    case KeyStatus::FlaggedOutsideWindow: return "flagged-outside-window";
    case KeyStatus::Quiet: return "quiet";
    }
    return "quiet";
}

namespace {

// Alert rows per key: the join key is the caller IP, or the vault with a Resource series key.
std::map<std::string_view, std::size_t> alertsPerKey(const SentinelResult &result)
{
    std::map<std::string_view, std::size_t> counts;
    const bool byResource = result.params.seriesKey == SeriesKey::Resource;
    for (const AlertRow &a : result.alerts)
        ++counts[byResource ? std::string_view(a.resource) : std::string_view(a.callerIp)];
    return counts;
}

KeyStatus statusOf(
    const ScoredSeries &s, const SentinelResult &result, std::size_t alerts, bool silenced, Ticks windowStart)
{
    if (alerts > 0)
        return KeyStatus::Alerting;
    if (silenced)
        return KeyStatus::SilencedByJoin;
    bool inWindow = false, outside = false;
    for (std::size_t b = 0; b < s.result.flags.size(); ++b) {
        if (s.result.flags[b] <= 0)
            continue;
        (result.axis.binStart(b) > windowStart ? inWindow : outside) = true;
    }
    // A flagged in-window bin that made no anomaly row can only have been stopped by the baseline.
    if (inWindow)
        return KeyStatus::DroppedByBaseline;
    return outside ? KeyStatus::FlaggedOutsideWindow : KeyStatus::Quiet;
}

} // namespace

std::vector<KeySummary> summarizeKeys(const SentinelResult &result)
{
    const auto alerts = alertsPerKey(result);
    std::map<std::string_view, bool> silenced;
    for (const AnomalyOutcome &o : result.outcomes)
        silenced[o.key] = silenced[o.key] || o.silenced;
    const Ticks windowStart = result.params.now.value_or(0) - result.params.alertWindow;

    std::vector<KeySummary> out;
    out.reserve(result.series.size());
    for (std::size_t k = 0; k < result.series.size(); ++k) {
        const ScoredSeries &s = result.series[k];
        KeySummary line;
        line.series = k;
        const auto a = alerts.find(s.key);
        line.alerts = a == alerts.end() ? 0 : a->second;
        const auto q = silenced.find(s.key);
        line.status = statusOf(s, result, line.alerts, q != silenced.end() && q->second, windowStart);
        for (std::size_t b = 0; b < s.counts.size(); ++b) {
            line.records += static_cast<std::uint64_t>(s.counts[b]);
            line.flaggedBins += s.result.flags[b] > 0 ? 1U : 0U;
            line.maxScore = b == 0 ? s.result.scores[b] : std::max(line.maxScore, s.result.scores[b]);
        }
        if (!s.counts.empty()) {
            line.latestCount = s.counts.back();
            line.latestScore = s.result.scores.back();
            line.latestBaseline = s.result.parts.baseline.back();
        }
        out.push_back(line);
    }
    return out;
}

} // namespace kvt::engine
