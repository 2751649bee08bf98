// SPDX-License-Identifier: MIT
#include "app/cli/rule_options.h"

#include <algorithm>
#include <fstream>

#include <nlohmann/json.hpp>

namespace kvt::cli {
namespace {

template <typename P>
void addNames(
    const std::vector<engine::ParamSpec<P>> &table, std::set<std::string> &valued, std::set<std::string> &flags)
{
    for (const auto &row : table)
        (row.type == engine::ParamType::Flag ? flags : valued).insert(row.option);
}

nlohmann::json readParamsFile(const std::string &file)
{
    std::ifstream in(file);
    auto j = nlohmann::json::parse(in, nullptr, false);
    if (!in || !j.is_object())
        throw UsageError("--params: " + file + " is not a readable JSON object");
    return j;
}

// A --params value as option texts: a list is the whole list (an empty one is "none" where the
// row allows it), anything else its text.
template <typename P> std::vector<std::string> paramsFileTexts(const engine::ParamSpec<P> &row, const nlohmann::json &v)
{
    const auto toText = [](const nlohmann::json &x) { return x.is_string() ? x.get<std::string>() : x.dump(); };
    if (!v.is_array())
        return {toText(v)};
    std::vector<std::string> items;
    for (const auto &item : v)
        items.push_back(toText(item));
    if (items.empty())
        return {row.emptyAsNone ? "none" : ""};
    return {engine::formatParamValue(items, row.emptyAsNone)};
}

template <typename P> void apply(const engine::ParamSpec<P> &row, P &params, const std::vector<std::string> &texts)
{
    if (const std::string error = row.parse(params, texts); !error.empty())
        throw UsageError(error);
}

// Defaults, then the --params file's keys the command line does not give, then the command line;
// preset rows first, so that every explicit option overrides the preset's values.
template <typename P> P paramsFrom(const Args &args, const std::vector<engine::ParamSpec<P>> &table)
{
    P params;
    nlohmann::json file = nlohmann::json::object();
    if (const auto path = args.value("params")) {
        file = readParamsFile(*path);
        for (const auto &[name, value] : file.items())
            if (name != "rule"
                && std::none_of(table.begin(), table.end(), [&](const auto &r) { return r.option == name; }))
                throw UsageError("--params: unknown key '" + name + "' in " + *path);
    }
    for (const bool presets : {true, false}) {
        for (const auto &row : table)
            if (row.preset == presets && !args.has(row.option) && file.contains(row.option))
                apply(row, params, paramsFileTexts(row, file[row.option]));
        for (const auto &row : table)
            if (row.preset == presets && args.has(row.option))
                apply(row, params,
                    row.type == engine::ParamType::Flag ? std::vector<std::string> {"true"} : args.values(row.option));
    }
    return params;
}

template <typename P> std::string helpLines(const std::vector<engine::ParamSpec<P>> &table)
{
    std::string out;
    for (const auto &row : table) {
        std::string option = "  --" + row.option;
        if (row.type == engine::ParamType::Choice) {
            option += ' ';
            for (std::size_t i = 0; i < row.choices.size(); ++i)
                option += (i ? "|" : "") + row.choices[i];
        } else if (row.type != engine::ParamType::Flag) {
            option += " " + std::string(engine::paramTypeName(row.type));
        }
        out += option + "\n      " + row.help + " [" + row.ruleName + "; default: "
            + (row.defaultText.empty() ? "auto" : row.defaultText) + (row.unit.empty() ? "" : " " + row.unit) + "]\n";
    }
    return out;
}

} // namespace

std::set<std::string> ruleValuedOptions()
{
    std::set<std::string> valued {"params", "rule"}, flags;
    addNames(engine::sentinelParameters(), valued, flags);
    addNames(engine::elasticBurstParameters(), valued, flags);
    return valued;
}

std::set<std::string> ruleFlagOptions()
{
    std::set<std::string> valued, flags;
    addNames(engine::sentinelParameters(), valued, flags);
    addNames(engine::elasticBurstParameters(), valued, flags);
    return flags;
}

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
    return paramsFrom(args, engine::sentinelParameters());
}

engine::ElasticBurstParams elasticParamsFrom(const Args &args)
{
    return paramsFrom(args, engine::elasticBurstParameters());
}

std::string ruleOptionsHelp(bool withElasticBurst)
{
    std::string out
        = "Rule options, --rule sentinel-timeseries (the default; \"Azure Key Vault access TimeSeries anomaly\"):\n"
        + helpLines(engine::sentinelParameters());
    if (withElasticBurst)
        out += "Rule options, --rule elastic-burst (\"Excessive Secret or Key Retrieval from Azure Key Vault\"):\n"
            + helpLines(engine::elasticBurstParameters());
    return out
        + "  --params FILE.json\n      a JSON object with the long option names as keys (\"score-threshold\": 2.5) "
          "and optionally \"rule\"; options given on the command line win\n";
}

} // namespace kvt::cli
