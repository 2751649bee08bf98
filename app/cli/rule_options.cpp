// SPDX-License-Identifier: MIT
#include "app/cli/rule_options.h"

#include <algorithm>
#include <fstream>

#include <nlohmann/json.hpp>

#include "engine/report/params_json.h"

namespace kvt::cli {
namespace {

template <typename P>
void addNames(
    const std::vector<engine::ParamSpec<P>> &table, std::set<std::string> &valued, std::set<std::string> &flags)
{
    for (const auto &row : table)
        (row.type == engine::ParamType::Flag ? flags : valued).insert(row.option);
}

nlohmann::json readParamsFile(const std::string &option, const std::string &file)
{
    std::ifstream in(file);
    auto j = nlohmann::json::parse(in, nullptr, false);
    if (!in || !j.is_object())
        throw UsageError(option + ": " + file + " is not a readable JSON object");
    return j;
}

// A parameters file's object, every key checked against @p table. @p option names the option in
// error messages ("--params", "--compare").
template <typename P>
nlohmann::json checkedParamsFile(
    const std::string &option, const std::string &path, const std::vector<engine::ParamSpec<P>> &table)
{
    nlohmann::json object = readParamsFile(option, path);
    for (const auto &[name, value] : object.items())
        if (name != "rule" && std::none_of(table.begin(), table.end(), [&](const auto &r) { return r.option == name; }))
            throw UsageError(option + ": unknown key '" + name + "' in " + path);
    return object;
}

template <typename P> P paramsFromObject(const std::string &option, const nlohmann::json &object)
{
    P params;
    if (const std::string error = engine::readParams(object, params); !error.empty())
        throw UsageError(option + ": " + error);
    return params;
}

// The --params file's object with the command line's options laid over it (the command line wins),
// read by the engine: preset rows first, then every other option.
template <typename P> P paramsFrom(const Args &args, const std::vector<engine::ParamSpec<P>> &table)
{
    nlohmann::json object = nlohmann::json::object();
    if (const auto path = args.value("params"))
        object = checkedParamsFile("--params", *path, table);
    for (const auto &row : table) {
        if (!args.has(row.option))
            continue;
        if (row.type == engine::ParamType::Flag)
            object[row.option] = true;
        else if (row.repeatable)
            object[row.option] = args.values(row.option);
        else
            object[row.option] = *args.value(row.option); // the last occurrence wins
    }
    P params;
    if (const std::string error = engine::readParams(object, params); !error.empty())
        throw UsageError(error);
    return params;
}

template <typename P>
P paramsFromFile(const std::string &option, const std::string &path, const std::vector<engine::ParamSpec<P>> &table)
{
    return paramsFromObject<P>(option, checkedParamsFile(option, path, table));
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

engine::SentinelParams sentinelParamsFromFile(const std::string &option, const std::string &path)
{
    return paramsFromFile(option, path, engine::sentinelParameters());
}

engine::ElasticBurstParams elasticParamsFromFile(const std::string &option, const std::string &path)
{
    return paramsFromFile(option, path, engine::elasticBurstParameters());
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
