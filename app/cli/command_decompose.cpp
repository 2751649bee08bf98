// SPDX-License-Identifier: MIT
// `kvtriage-cli decompose`: series_decompose_anomalies on one series, with its intermediate values.
#include <cmath>
#include <cstdlib>

#include <nlohmann/json.hpp>

#include "app/cli/cli_args.h"
#include "app/cli/cli_output.h"
#include "app/cli/commands.h"
#include "engine/report/json_writer.h"
#include "engine/series/decompose.h"
#include "engine/store/source_buffer.h"

namespace kvt::cli {
namespace {

std::vector<double> parseValues(const std::string &text)
{
    std::vector<double> values;
    if (text == "-") {
        const std::string input = engine::readStandardInput();
        const auto j = nlohmann::json::parse(input, nullptr, false);
        if (!j.is_array())
            throw UsageError("--values -: standard input must hold a JSON array of numbers");
        for (const auto &v : j) {
            if (v.is_number())
                values.push_back(v.get<double>());
            else if (v.is_null())
                values.push_back(std::nan(""));
            else
                throw UsageError("--values -: every element must be a number or null");
        }
        return values;
    }
    std::size_t pos = 0;
    while (pos <= text.size()) {
        const std::size_t comma = text.find(',', pos);
        const std::string item = text.substr(pos, comma == std::string::npos ? std::string::npos : comma - pos);
        char *end = nullptr;
        const double v = std::strtod(item.c_str(), &end);
        if (item.empty() || end != item.c_str() + item.size())
            throw UsageError("--values: '" + item + "' is not a number");
        values.push_back(v);
        if (comma == std::string::npos)
            break;
        pos = comma + 1;
    }
    return values;
}

std::string_view sourceName(engine::PeriodSource s)
{
    switch (s) {
    case engine::PeriodSource::Forced: return "forced";
    case engine::PeriodSource::Detected: return "detected";
    case engine::PeriodSource::NotDetected: return "none detected";
    case engine::PeriodSource::None: break;
    }
    return "none";
}

} // namespace

int runDecompose(const std::vector<std::string> &argv)
{
    const Args args(argv,
        {"period", "trend", "threshold", "method", "seasonality-threshold", "test-points", "values", "output"}, {});
    const auto valuesText = args.value("values");
    if (!valuesText)
        throw UsageError("decompose needs --values 1,2,3 or --values - (a JSON array on standard input)");
    engine::DecomposeParams params;
    params.seasonality = static_cast<int>(args.integer("period", -1, -1, 1 << 20));
    params.testPoints = static_cast<int>(args.integer("test-points", 0, 0, 1 << 20));
    if (const auto t = args.value("trend")) {
        const auto trend = engine::trendByName(*t);
        if (!trend)
            throw UsageError("--trend: '" + *t + "' is not linefit, avg or none");
        params.trend = *trend;
    }
    if (const auto m = args.value("method")) {
        const auto method = engine::outlierMethodByName(*m);
        if (!method)
            throw UsageError("--method: '" + *m + "' is not ctukey or tukey");
        params.method = *method;
    }
    params.threshold = args.number("threshold", params.threshold);
    params.seasonalityThreshold = args.number("seasonality-threshold", params.seasonalityThreshold);

    const std::vector<double> values = parseValues(*valuesText);
    const engine::AnomalyResult r = engine::decomposeAnomalies(values, params);
    const auto &o = r.outliers;
    engine::JsonWriter w;
    w.beginObject();
    w.key("period").integer(r.parts.period);
    w.key("flags").integers(r.flags);
    w.key("scores").numbers(r.scores);
    w.key("baseline").numbers(r.parts.baseline);
    w.key("period_source").string(sourceName(r.parts.periodSource));
    w.key("period_score").number(r.parts.periodScore);
    w.key("seasonal").numbers(r.parts.seasonal);
    w.key("trend").numbers(r.parts.trend);
    w.key("residual").numbers(r.parts.residual);
    w.key("outliers").beginObject();
    w.key("method").string(engine::outlierMethodName(params.method));
    w.key("low_percentile").number(o.lowPercentile);
    w.key("high_percentile").number(o.highPercentile);
    w.key("low").number(o.low);
    w.key("high").number(o.high);
    w.key("range").number(o.range);
    w.key("normalisation").number(o.normalisation);
    w.key("zero_range_points").integers(o.zeroRangePoints);
    w.endObject();
    w.key("ignored_points").integer(static_cast<long long>(r.parts.ignoredPoints));
    w.endObject();
    return writeOutput(args.valueOr("output", "-"), w.take() + "\n") ? kExitOk : kExitFailed;
}

} // namespace kvt::cli
