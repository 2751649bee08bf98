// SPDX-License-Identifier: MIT
#include "app/cli/rule_options.h"

#include <algorithm>
#include <fstream>
#include <functional>
#include <map>

#include <nlohmann/json.hpp>

namespace kvt::cli {
namespace {

using engine::SentinelParams;

engine::Ticks durationOption(const std::string &name, const std::string &text)
{
    const auto t = engine::parseDuration(text);
    if (!t || *t <= 0)
        throw UsageError("--" + name + ": '" + text + "' is not a duration (1d, 1h, 30m, ...)");
    return *t;
}

// Applies one option given as text (from the command line or a --params file).
void apply(SentinelParams &p, const std::string &name, const std::vector<std::string> &values, const Args &args)
{
    const std::string &v = values.back();
    if (name == "now") {
        const auto t = engine::parseIsoDateTime(v);
        if (!t)
            throw UsageError("--now: '" + v + "' is not an ISO 8601 date-time");
        p.now = *t;
    } else if (name == "lookback-days") {
        p.lookbackDays = static_cast<int>(args.integerText(name, v, 1, 3650));
    } else if (name == "bin") {
        p.bin = durationOption(name, v);
    } else if (name == "score-threshold") {
        p.scoreThreshold = args.numberText(name, v);
    } else if (name == "baseline-threshold") {
        p.baselineThreshold = args.numberText(name, v);
    } else if (name == "allow-appid") {
        p.allowAppIds.clear();
        for (const auto &id : values)
            if (id != "none")
                for (const auto &item : splitList(id))
                    p.allowAppIds.push_back(item);
    } else if (name == "operations") {
        p.operations = splitList(v);
        if (p.operations.empty())
            throw UsageError("--operations: give at least one operation name");
    } else if (name == "alert-window") {
        p.alertWindow = durationOption(name, v);
    } else if (name == "seasonality") {
        p.seasonality = static_cast<int>(args.integerText(name, v, -1, 1 << 20));
    } else if (name == "trend") {
        const auto t = engine::trendByName(v);
        if (!t)
            throw UsageError("--trend: '" + v + "' is not linefit, avg or none");
        p.trend = *t;
    } else if (name == "method") {
        const auto m = engine::outlierMethodByName(v);
        if (!m)
            throw UsageError("--method: '" + v + "' is not ctukey or tukey");
        p.method = *m;
    } else if (name == "series-key") {
        if (v != "CallerIPAddress" && v != "Resource")
            throw UsageError("--series-key: '" + v + "' is not CallerIPAddress or Resource");
        p.seriesKey = v == "Resource" ? engine::SeriesKey::Resource : engine::SeriesKey::CallerIPAddress;
    } else if (name == "drilldown") {
        if (v != "faithful" && v != "full-bin")
            throw UsageError("--drilldown: '" + v + "' is not faithful or full-bin");
        p.drilldown = v == "full-bin" ? engine::Drilldown::FullBin : engine::Drilldown::Faithful;
    } else if (name == "claim-backfill") {
        p.claimBackfill = v != "false";
    }
}

const std::vector<std::string> kElasticValued {
    "window", "min-actions", "min-distinct-actions", "group-by", "operations"};
const std::vector<std::string> kValued {"now", "lookback-days", "bin", "score-threshold", "baseline-threshold",
    "allow-appid", "operations", "alert-window", "seasonality", "trend", "method", "series-key", "drilldown"};

} // namespace

std::set<std::string> ruleValuedOptions()
{
    std::set<std::string> s(kValued.begin(), kValued.end());
    s.insert(kElasticValued.begin(), kElasticValued.end());
    s.insert({"params", "rule"});
    return s;
}

std::set<std::string> ruleFlagOptions()
{
    return {"claim-backfill", "sliding"};
}

namespace {

// Calls @p apply for each option: first the --params file's keys the command line does not give,
// then the command line's. @p known are the option names that take values; @p flags those that do not.
void collectOptions(const Args &args, const std::vector<std::string> &known, const std::vector<std::string> &flags,
    const std::function<void(const std::string &, const std::vector<std::string> &)> &apply)
{
    auto isKnown = [&](const std::string &n) {
        return std::find(known.begin(), known.end(), n) != known.end()
            || std::find(flags.begin(), flags.end(), n) != flags.end();
    };
    if (const auto file = args.value("params")) {
        std::ifstream in(*file);
        const auto j = nlohmann::json::parse(in, nullptr, false);
        if (!in || !j.is_object())
            throw UsageError("--params: " + *file + " is not a readable JSON object");
        for (const auto &[name, value] : j.items()) {
            if (name == "rule")
                continue;
            if (!isKnown(name))
                throw UsageError("--params: unknown key '" + name + "' in " + *file);
            std::vector<std::string> texts;
            const auto toText = [](const nlohmann::json &v) { return v.is_string() ? v.get<std::string>() : v.dump(); };
            if (value.is_array())
                for (const auto &item : value)
                    texts.push_back(toText(item));
            else
                texts.push_back(toText(value));
            if (name == "allow-appid" && texts.empty())
                texts.push_back("none");
            if (!args.has(name) && !texts.empty())
                apply(name, texts);
        }
    }
    for (const auto &name : known)
        if (args.has(name))
            apply(name, args.values(name));
    for (const auto &name : flags)
        if (args.has(name))
            apply(name, {"true"});
}

} // namespace

std::string ruleName(const Args &args)
{
    std::string rule = args.valueOr("rule", "");
    if (rule.empty() && args.has("params")) {
        std::ifstream in(*args.value("params"));
        const auto j = nlohmann::json::parse(in, nullptr, false);
        if (j.is_object() && j.contains("rule") && j["rule"].is_string())
            rule = j["rule"].get<std::string>();
    }
    if (rule.empty())
        rule = "sentinel-timeseries";
    if (rule != "sentinel-timeseries" && rule != "elastic-burst")
        throw UsageError("--rule: '" + rule + "' is not sentinel-timeseries or elastic-burst");
    return rule;
}

engine::SentinelParams sentinelParamsFrom(const Args &args)
{
    SentinelParams p;
    collectOptions(args, kValued, {"claim-backfill"},
        [&](const std::string &name, const std::vector<std::string> &values) { apply(p, name, values, args); });
    return p;
}

engine::ElasticBurstParams elasticParamsFrom(const Args &args)
{
    engine::ElasticBurstParams p;
    collectOptions(
        args, kElasticValued, {"sliding"}, [&](const std::string &name, const std::vector<std::string> &values) {
            const std::string &v = values.back();
            if (name == "window") {
                p.window = durationOption(name, v);
            } else if (name == "min-actions") {
                p.minActions = static_cast<int>(args.integerText(name, v, 1, 1 << 30));
            } else if (name == "min-distinct-actions") {
                p.minDistinctActions = static_cast<int>(args.integerText(name, v, 1, 1 << 30));
            } else if (name == "operations") {
                p.operations = splitList(v);
                if (p.operations.empty())
                    throw UsageError("--operations: give at least one operation name");
            } else if (name == "group-by") {
                if (v == "upn")
                    p.groupBy = engine::BurstIdentity::Upn;
                else if (v == "appid")
                    p.groupBy = engine::BurstIdentity::AppId;
                else if (v == "oid")
                    p.groupBy = engine::BurstIdentity::ObjectId;
                else if (v == "ip")
                    p.groupBy = engine::BurstIdentity::SourceIp;
                else
                    throw UsageError("--group-by: '" + v + "' is not upn, appid, oid or ip");
            } else if (name == "sliding") {
                p.sliding = v != "false";
            }
        });
    return p;
}

void writeElasticParams(engine::JsonWriter &w, const engine::ElasticBurstParams &p)
{
    w.beginObject();
    w.key("window").string(formatDuration(p.window));
    w.key("min-actions").integer(p.minActions);
    w.key("min-distinct-actions").integer(p.minDistinctActions);
    w.key("operations").strings(p.operations);
    w.key("group-by").string(engine::burstIdentityName(p.groupBy));
    w.key("sliding").boolean(p.sliding);
    w.endObject();
}

std::string formatDuration(engine::Ticks t)
{
    if (t % engine::kTicksPerDay == 0)
        return std::to_string(t / engine::kTicksPerDay) + "d";
    if (t % engine::kTicksPerHour == 0)
        return std::to_string(t / engine::kTicksPerHour) + "h";
    if (t % engine::kTicksPerMinute == 0)
        return std::to_string(t / engine::kTicksPerMinute) + "m";
    return engine::formatJsonNumber(static_cast<double>(t) / engine::kTicksPerSecond) + "s";
}

void writeParams(engine::JsonWriter &w, const engine::SentinelParams &p)
{
    w.beginObject();
    w.key("now").string(engine::formatIsoDateTime(p.now.value_or(0)));
    w.key("lookback-days").integer(p.lookbackDays);
    w.key("bin").string(formatDuration(p.bin));
    w.key("score-threshold").number(p.scoreThreshold);
    w.key("baseline-threshold").number(p.baselineThreshold);
    w.key("allow-appid").strings(p.allowAppIds);
    w.key("operations").strings(p.operations);
    w.key("alert-window").string(formatDuration(p.alertWindow));
    w.key("seasonality").integer(p.seasonality);
    w.key("trend").string(engine::trendName(p.trend));
    w.key("method").string(engine::outlierMethodName(p.method));
    w.key("series-key").string(engine::seriesKeyName(p.seriesKey));
    w.key("drilldown").string(engine::drilldownName(p.drilldown));
    w.key("claim-backfill").boolean(p.claimBackfill);
    w.endObject();
}

} // namespace kvt::cli
