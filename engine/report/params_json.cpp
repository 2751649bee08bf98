// SPDX-License-Identifier: MIT
#include "engine/report/params_json.h"

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

} // namespace

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
