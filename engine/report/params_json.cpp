// SPDX-License-Identifier: MIT
#include "engine/report/params_json.h"

#include <algorithm>

#include <nlohmann/json.hpp>

namespace kvt::engine {
namespace {

template <typename P> void writeTable(JsonWriter &w, const std::vector<ParamSpec<P>> &table, const P &params)
{
    const P defaults;
    w.beginObject();
    for (const auto &row : table) {
        if (!row.echoWhenDefault && row.value(params) == row.value(defaults))
            continue;
        w.key(row.option);
        writeParamValue(w, row.value(params));
    }
    w.endObject();
}

// A JSON value as option texts: a list of a repeatable row is one text per item, of another row
// the whole list as one text (an empty one is "none" where the row allows it).
template <typename P> std::vector<std::string> textsOf(const ParamSpec<P> &row, const nlohmann::json &v)
{
    const auto toText = [](const nlohmann::json &x) { return x.is_string() ? x.get<std::string>() : x.dump(); };
    if (!v.is_array())
        return {toText(v)};
    std::vector<std::string> items;
    for (const auto &item : v)
        items.push_back(toText(item));
    if (items.empty())
        return {row.emptyAsNone ? "none" : ""};
    if (row.repeatable)
        return items;
    return {formatParamValue(items, row.emptyAsNone)};
}

template <typename P>
std::string readTable(const nlohmann::json &object, P &params, const std::vector<ParamSpec<P>> &table)
{
    if (!object.is_object())
        return "the parameters are not a JSON object";
    for (const auto &[name, value] : object.items())
        if (name != "rule" && std::none_of(table.begin(), table.end(), [&](const auto &r) { return r.option == name; }))
            return "unknown key '" + name + "'";
    for (const bool presets : {true, false})
        for (const auto &row : table)
            if (row.preset == presets && object.contains(row.option))
                if (std::string error = row.parse(params, textsOf(row, object[row.option])); !error.empty())
                    return error;
    return {};
}

} // namespace

std::string readParams(const nlohmann::json &object, SentinelParams &params)
{
    return readTable(object, params, sentinelParameters());
}

std::string readParams(const nlohmann::json &object, ElasticBurstParams &params)
{
    return readTable(object, params, elasticBurstParameters());
}

void writeParamValue(JsonWriter &w, const ParamValue &value)
{
    struct Visitor {
        JsonWriter &w;
        void operator()(bool b) const { w.boolean(b); }
        void operator()(long long n) const { w.integer(n); }
        void operator()(double d) const { w.number(d); }
        void operator()(const std::string &s) const { w.string(s); }
        void operator()(const std::vector<std::string> &list) const { w.strings(list); }
    };
    std::visit(Visitor {w}, value);
}

void writeParams(JsonWriter &w, const SentinelParams &params)
{
    writeTable(w, sentinelParameters(), params);
}

void writeParams(JsonWriter &w, const ElasticBurstParams &params)
{
    writeTable(w, elasticBurstParameters(), params);
}

} // namespace kvt::engine
