// SPDX-License-Identifier: MIT
// The rows of both rules' parameter tables. Adding a parameter is adding one row here.
#include "engine/rules/param_rows.h"

namespace kvt::engine {
namespace {

using S = SentinelParams;
using E = ElasticBurstParams;

// TimeSeriesData: the time range, the bins and the record filters make-series counts under.
void addSeriesRows(std::vector<ParamSpec<S>> &t)
{
    t.push_back(rows::dateTime<S>({"now", "now()", "", "",
                                      "the run time (ISO 8601); default: 00:05 UTC after the last complete UTC day "
                                      "of the data"},
        &S::now));
    t.push_back(rows::integer<S>(
        {"lookback-days", "starttime", "14", "days", "history make-series covers, ending at startofday(now)"},
        &S::lookbackDays, 1, 3650));
    t.push_back(rows::duration<S>({"bin", "timeframe", "1d", "", "the make-series step (1d, 1h, 30m, ...)"}, &S::bin));
    t.push_back(rows::number<S>({"score-threshold", "scorethreshold", "3", "",
                                    "series_decompose_anomalies flags a point whose score exceeds this"},
        &S::scoreThreshold, 0.0));
    t.push_back(rows::number<S>({"baseline-threshold", "baselinethreshold", "25", "records per bin",
                                    "a flagged point counts only when its baseline (truncated) exceeds this"},
        &S::baselineThreshold));
    t.push_back(rows::textList<S>({"allow-appid", "Allowedappid", kResourceGraphAppIdDefault, "",
                                      "app ids whose VaultGet calls are not counted (repeatable; none clears)"},
        &S::allowAppIds, true));
    t.push_back(rows::textList<S>(
        {"operations", "OperationList", "SecretGet,KeyGet,VaultGet", "", "the operations counted (A,B,...)"},
        &S::operations, false));
    t.push_back(rows::duration<S>({"alert-window", "the ago(2d) filters", "2d", "",
                                      "anomalies and joined records count only after now minus this"},
        &S::alertWindow));
}

// series_decompose_anomalies' model and the right side of the query.
void addModelAndJoinRows(std::vector<ParamSpec<S>> &t)
{
    t.push_back(rows::integer<S>({"seasonality", "3rd argument of series_decompose_anomalies", "-1", "bins",
                                     "-1 detects the period, 0 assumes none, N forces a period of N bins"},
        &S::seasonality, -1, 1 << 20));
    t.push_back(rows::choice<S, TrendKind>({"trend", "4th argument of series_decompose_anomalies", "linefit", "",
                                               "the trend component: linear fit, average or none"},
        &S::trend, {{"linefit", TrendKind::LineFit}, {"avg", TrendKind::Average}, {"none", TrendKind::None}}));
    t.push_back(rows::choice<S, OutlierMethod>(
        {"method", "AD_method", "ctukey", "", "the outlier score: Tukey's fences on 10/90 (ctukey) or 25/75 (tukey)"},
        &S::method, {{"ctukey", OutlierMethod::CTukey}, {"tukey", OutlierMethod::Tukey}}));
    t.push_back(rows::choice<S, SeriesKey>(
        {"series-key", "the make-series by column", "CallerIPAddress", "", "the column whose values each get a series"},
        &S::seriesKey, {{"CallerIPAddress", SeriesKey::CallerIPAddress}, {"Resource", SeriesKey::Resource}}));
    t.push_back(rows::choice<S, Drilldown>({"drilldown", "the AnomalyHours join", "faithful", "",
                                               "faithful: the records of the bin's first hour only, as deployed; "
                                               "full-bin: every record of the bin"},
        &S::drilldown, {{"faithful", Drilldown::Faithful}, {"full-bin", Drilldown::FullBin}}));
    t.push_back(rows::flag<S>({"claim-backfill", "(none)", "false", "",
                                  "merge the short and long identity claims (not in the deployed rule)"},
        &S::claimBackfill));
}

// An exclusion list (not in either deployed rule): repeatable, and left out of the echo while empty
// so the deployed rule's output keeps its shape.
template <typename P>
ParamSpec<P> exclusionRow(const std::string &option, const std::string &ruleName, const std::string &help,
    std::vector<std::string> P::*member)
{
    auto row = rows::textList<P>({option, ruleName, "none", "", help}, member, true);
    row.echoWhenDefault = false;
    return row;
}

void addExclusionRows(std::vector<ParamSpec<S>> &t)
{
    t.push_back(exclusionRow<S>("exclude-ip", "(none)",
        "caller addresses whose records neither half of the rule reads (repeatable; none clears)", &S::excludeCallers));
    t.push_back(exclusionRow<S>("exclude-account", "(none)",
        "accounts (CallerObjectUPN, any case) whose records neither half reads (repeatable; none clears)",
        &S::excludeAccounts));
}

std::string joined(const std::vector<std::string> &list)
{
    return formatParamValue(list, false);
}

// --preset: the defaults of one form of the rule, which the other options then override. Left out of
// the echo while it is the default, so the proposed rule's output is what it always was.
ParamSpec<E> presetRow()
{
    auto row = rows::choice<E, BurstPreset>({"preset", "the rule's text", "proposed", "",
                                                "proposed: the query of the issue that proposed the rule; published: "
                                                "the rule as merged (Esql.* names, event_count >= 10)"},
        &E::preset, {{"proposed", BurstPreset::Proposed}, {"published", BurstPreset::Published}});
    row.preset = true;
    row.echoWhenDefault = false;
    row.parse = [choose = row.parse](E &p, std::span<const std::string> texts) {
        E chosen;
        std::string error = choose(chosen, texts);
        if (error.empty())
            p = burstPresetParams(chosen.preset);
        return error;
    };
    return row;
}

std::vector<ParamSpec<E>> elasticRows()
{
    std::vector<ParamSpec<E>> t {presetRow()};
    t.push_back(rows::duration<E>({"window", "DATE_TRUNC(1 minute, @timestamp)", "1m", "",
                                      "the length of the windows the records are counted in"},
        &E::window));
    t.push_back(rows::integer<E>(
        {"min-actions", "action_count >= 5", "5", "records", "a window alerts with at least this many records"},
        &E::minActions, 1, 1 << 30));
    t.push_back(rows::integer<E>({"min-distinct-actions", "distinct_actions >= 2", "2", "operations",
                                     "... and at least this many distinct operations"},
        &E::minDistinctActions, 1, 1 << 30));
    t.push_back(rows::textList<E>({"operations", "event.action IN (...)", joined(elasticReadOperations()), "",
                                      "the operations in scope (A,B,...)"},
        &E::operations, false));
    t.push_back(rows::choice<E, BurstIdentity>(
        {"group-by", "the STATS ... BY identity", "upn", "", "the identity the windows are grouped by"}, &E::groupBy,
        {{"upn", BurstIdentity::Upn}, {"appid", BurstIdentity::AppId}, {"oid", BurstIdentity::ObjectId},
            {"ip", BurstIdentity::SourceIp}}));
    t.push_back(rows::flag<E>({"sliding", "(none)", "false", "",
                                  "windows opened by every record, merged when they overlap, instead of fixed ones"},
        &E::sliding));
    t.push_back(exclusionRow<E>("exclude-appid", "(none)",
        "app ids whose records the rule does not read (input side; repeatable; none clears)", &E::excludeAppIds));
    t.push_back(exclusionRow<E>("exclude-ip", "(none)",
        "source addresses whose records the rule does not read (input side; repeatable; none clears)", &E::excludeIps));
    t.push_back(exclusionRow<E>("exclude-account", "(none)",
        "UPNs (any case) whose records the rule does not read (input side; repeatable; none clears)",
        &E::excludeAccounts));
    return t;
}

} // namespace

ElasticBurstParams burstPresetParams(BurstPreset preset)
{
    ElasticBurstParams p;
    p.preset = preset;
    if (preset == BurstPreset::Published)
        p.minActions = 10; // `Esql.event_count >= 10`
    return p;
}

const std::vector<ParamSpec<SentinelParams>> &sentinelParameters()
{
    static const std::vector<ParamSpec<S>> kTable = [] {
        std::vector<ParamSpec<S>> t;
        addSeriesRows(t);
        addModelAndJoinRows(t);
        addExclusionRows(t);
        return t;
    }();
    return kTable;
}

const std::vector<ParamSpec<ElasticBurstParams>> &elasticBurstParameters()
{
    static const std::vector<ParamSpec<E>> kTable = elasticRows();
    return kTable;
}

} // namespace kvt::engine
