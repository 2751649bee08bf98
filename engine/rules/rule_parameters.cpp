// SPDX-License-Identifier: MIT
#include "engine/rules/rule_parameters.h"

#include <cstdio>

#include "engine/rules/param_rows.h"

namespace kvt::engine {

namespace rows {

std::string quoted(const std::string &option, const std::string &text, const std::string &what)
{
    return "--" + option + ": '" + text + "' " + what;
}

std::optional<long long> parseInteger(const std::string &text)
{
    long long out = 0;
    const auto res = std::from_chars(text.data(), text.data() + text.size(), out);
    if (res.ec != std::errc {} || res.ptr != text.data() + text.size())
        return std::nullopt;
    return out;
}

std::optional<double> parseNumber(const std::string &text)
{
    char *end = nullptr;
    const double out = std::strtod(text.c_str(), &end);
    if (text.empty() || end != text.c_str() + text.size() || !std::isfinite(out))
        return std::nullopt;
    return out;
}

std::optional<bool> parseFlag(const std::string &text)
{
    if (text == "true" || text == "1" || text == "yes" || text == "on")
        return true;
    if (text == "false" || text == "0" || text == "no" || text == "off")
        return false;
    return std::nullopt;
}

std::vector<std::string> splitList(const std::string &text)
{
    std::vector<std::string> out;
    std::size_t pos = 0;
    while (pos <= text.size()) {
        const std::size_t comma = text.find(',', pos);
        std::string item = text.substr(pos, comma == std::string::npos ? std::string::npos : comma - pos);
        if (!item.empty())
            out.push_back(std::move(item));
        if (comma == std::string::npos)
            break;
        pos = comma + 1;
    }
    return out;
}

std::string outsideRange(const std::string &option, const std::string &text, double min, double max)
{
    return "--" + option + ": " + text + " is outside " + std::to_string(static_cast<long long>(min)) + ".."
        + std::to_string(static_cast<long long>(max));
}

} // namespace rows

std::string_view paramTypeName(ParamType t)
{
    switch (t) {
    case ParamType::Integer: return "integer";
    case ParamType::Number: return "number";
    case ParamType::Duration: return "duration";
    case ParamType::DateTime: return "date-time";
    case ParamType::Choice: return "choice";
    case ParamType::TextList: return "text list";
    case ParamType::Flag: break;
    }
    return "flag";
}

namespace {

// The shortest text that reads back as the same double, so a formatted value round-trips exactly
// without printing 0.1 as 0.10000000000000001.
std::string shortestNumber(double v)
{
    char buf[32];
    for (int digits = 15; digits <= 17; ++digits) {
        std::snprintf(buf, sizeof buf, "%.*g", digits, v);
        if (std::strtod(buf, nullptr) == v)
            break;
    }
    return buf;
}

} // namespace

std::string formatParamValue(const ParamValue &value, bool emptyAsNone)
{
    struct Visitor {
        bool emptyAsNone;
        std::string operator()(bool b) const { return b ? "true" : "false"; }
        std::string operator()(long long n) const { return std::to_string(n); }
        std::string operator()(double d) const { return shortestNumber(d); }
        std::string operator()(const std::string &s) const { return s; }
        std::string operator()(const std::vector<std::string> &list) const
        {
            if (list.empty())
                return emptyAsNone ? "none" : "";
            std::string out;
            for (const auto &item : list)
                out += (out.empty() ? "" : ",") + item;
            return out;
        }
    };
    return std::visit(Visitor {emptyAsNone}, value);
}

std::string formatDuration(Ticks t)
{
    if (t % kTicksPerDay == 0)
        return std::to_string(t / kTicksPerDay) + "d";
    if (t % kTicksPerHour == 0)
        return std::to_string(t / kTicksPerHour) + "h";
    if (t % kTicksPerMinute == 0)
        return std::to_string(t / kTicksPerMinute) + "m";
    // Seconds as the JSON echo has always printed them: 17 significant digits, a real ("45.0s").
    char buf[32];
    std::snprintf(buf, sizeof buf, "%.17g", static_cast<double>(t) / kTicksPerSecond);
    std::string text = buf;
    if (text.find_first_of(".eEn") == std::string::npos)
        text += ".0";
    return text + "s";
}

std::optional<Invalidation> changeLevel(const SentinelParams &a, const SentinelParams &b)
{
    return rows::highestChange(sentinelParameters(), a, b);
}

std::optional<Invalidation> changeLevel(const ElasticBurstParams &a, const ElasticBurstParams &b)
{
    return rows::highestChange(elasticBurstParameters(), a, b);
}

std::string applyParam(SentinelParams &params, std::string_view option, std::span<const std::string> texts)
{
    return rows::applyByName(sentinelParameters(), params, option, texts);
}

std::string applyParam(ElasticBurstParams &params, std::string_view option, std::span<const std::string> texts)
{
    return rows::applyByName(elasticBurstParameters(), params, option, texts);
}

} // namespace kvt::engine
