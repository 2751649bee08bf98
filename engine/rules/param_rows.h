// SPDX-License-Identifier: MIT
// Builders of parameter-table rows from a member pointer, one per parameter type, shared by the
// Sentinel and ES|QL tables (rule_parameters.h). Internal to engine/rules.
#pragma once

#include <algorithm>
#include <charconv>
#include <cmath>
#include <cstdlib>
#include <optional>
#include <utility>

#include "engine/rules/rule_parameters.h"

namespace kvt::engine::rows {

/// The descriptive part of a row, given once per parameter.
struct Meta {
    std::string option, ruleName, defaultText, unit, help;
};

std::string quoted(const std::string &option, const std::string &text, const std::string &what);
std::optional<long long> parseInteger(const std::string &text);
std::optional<double> parseNumber(const std::string &text);
std::optional<bool> parseFlag(const std::string &text);
/// The non-empty items of a comma-separated value.
std::vector<std::string> splitList(const std::string &text);
std::string outsideRange(const std::string &option, const std::string &text, double min, double max);

template <typename P> ParamSpec<P> rowOf(const Meta &m, ParamType type)
{
    ParamSpec<P> s;
    s.option = m.option;
    s.ruleName = m.ruleName;
    s.type = type;
    s.defaultText = m.defaultText;
    s.unit = m.unit;
    s.help = m.help;
    return s;
}

template <typename P, typename Int> ParamSpec<P> integer(const Meta &m, Int P::*member, long long min, long long max)
{
    ParamSpec<P> s = rowOf<P>(m, ParamType::Integer);
    s.min = static_cast<double>(min);
    s.max = static_cast<double>(max);
    s.parse = [option = m.option, member, min, max](P &p, std::span<const std::string> texts) -> std::string {
        const std::string &v = texts.back();
        const auto n = parseInteger(v);
        if (!n)
            return quoted(option, v, "is not an integer");
        if (*n < min || *n > max)
            return outsideRange(option, v, static_cast<double>(min), static_cast<double>(max));
        p.*member = static_cast<Int>(*n);
        return {};
    };
    s.value = [member](const P &p) { return ParamValue(static_cast<long long>(p.*member)); };
    return s;
}

/// A real; @p min, when given, is the smallest accepted value.
template <typename P> ParamSpec<P> number(const Meta &m, double P::*member, std::optional<double> min = std::nullopt)
{
    ParamSpec<P> s = rowOf<P>(m, ParamType::Number);
    s.min = min;
    s.parse = [option = m.option, member, min](P &p, std::span<const std::string> texts) -> std::string {
        const auto n = parseNumber(texts.back());
        if (!n)
            return quoted(option, texts.back(), "is not a number");
        if (min && *n < *min)
            return "--" + option + ": " + texts.back() + " is below " + formatParamValue(*min, false);
        p.*member = *n;
        return {};
    };
    s.value = [member](const P &p) { return ParamValue(p.*member); };
    return s;
}

template <typename P> ParamSpec<P> duration(const Meta &m, Ticks P::*member)
{
    ParamSpec<P> s = rowOf<P>(m, ParamType::Duration);
    s.min = 1;
    s.parse = [option = m.option, member](P &p, std::span<const std::string> texts) -> std::string {
        const auto t = parseDuration(texts.back());
        if (!t || *t <= 0)
            return quoted(option, texts.back(), "is not a duration (1d, 1h, 30m, ...)");
        p.*member = *t;
        return {};
    };
    s.value = [member](const P &p) { return ParamValue(formatDuration(p.*member)); };
    return s;
}

/// An optional instant: the empty text leaves it unset (the rule then chooses it).
template <typename P> ParamSpec<P> dateTime(const Meta &m, std::optional<Ticks> P::*member)
{
    ParamSpec<P> s = rowOf<P>(m, ParamType::DateTime);
    s.parse = [option = m.option, member](P &p, std::span<const std::string> texts) -> std::string {
        if (texts.back().empty()) {
            p.*member = std::nullopt;
            return {};
        }
        const auto t = parseIsoDateTime(texts.back());
        if (!t)
            return quoted(option, texts.back(), "is not an ISO 8601 date-time");
        p.*member = *t;
        return {};
    };
    s.value
        = [member](const P &p) { return ParamValue((p.*member) ? formatIsoDateTime(*(p.*member)) : std::string()); };
    return s;
}

/// @p names maps each accepted name to its value; the error lists them ("is not a, b or c").
template <typename P, typename E>
ParamSpec<P> choice(const Meta &m, E P::*member, std::vector<std::pair<std::string, E>> names)
{
    ParamSpec<P> s = rowOf<P>(m, ParamType::Choice);
    std::string listed;
    for (std::size_t i = 0; i < names.size(); ++i) {
        s.choices.push_back(names[i].first);
        listed += (i == 0 ? "" : i + 1 == names.size() ? " or " : ", ") + names[i].first;
    }
    s.parse = [option = m.option, member, names, listed](P &p, std::span<const std::string> texts) -> std::string {
        const auto it
            = std::find_if(names.begin(), names.end(), [&](const auto &n) { return n.first == texts.back(); });
        if (it == names.end())
            return quoted(option, texts.back(), "is not " + listed);
        p.*member = it->second;
        return {};
    };
    s.value = [member, names](const P &p) {
        const auto it = std::find_if(names.begin(), names.end(), [&](const auto &n) { return n.second == p.*member; });
        return ParamValue(it == names.end() ? std::string() : it->first);
    };
    return s;
}

/// A comma-separated list. @p repeatable: every occurrence adds (and "none" clears); otherwise the
/// last occurrence is the whole list, which must not be empty.
template <typename P> ParamSpec<P> textList(const Meta &m, std::vector<std::string> P::*member, bool repeatable)
{
    ParamSpec<P> s = rowOf<P>(m, ParamType::TextList);
    s.repeatable = repeatable;
    s.emptyAsNone = repeatable;
    s.parse = [option = m.option, member, repeatable](P &p, std::span<const std::string> texts) -> std::string {
        std::vector<std::string> list;
        for (const std::string &t : repeatable ? texts : texts.last(1))
            for (auto &item : splitList(t))
                if (!(repeatable && item == "none"))
                    list.push_back(std::move(item));
        if (!repeatable && list.empty())
            return "--" + option + ": give at least one operation name";
        p.*member = std::move(list);
        return {};
    };
    s.value = [member](const P &p) { return ParamValue(p.*member); };
    return s;
}

template <typename P> ParamSpec<P> flag(const Meta &m, bool P::*member)
{
    ParamSpec<P> s = rowOf<P>(m, ParamType::Flag);
    s.parse = [option = m.option, member](P &p, std::span<const std::string> texts) -> std::string {
        const auto b = parseFlag(texts.back());
        if (!b)
            return quoted(option, texts.back(), "is not true or false");
        p.*member = *b;
        return {};
    };
    s.value = [member](const P &p) { return ParamValue(p.*member); };
    return s;
}

/// The highest level among the rows whose values differ.
template <typename P>
std::optional<Invalidation> highestChange(const std::vector<ParamSpec<P>> &table, const P &a, const P &b)
{
    std::optional<Invalidation> level;
    for (const auto &row : table)
        if (row.value(a) != row.value(b) && (!level || row.invalidation > *level))
            level = row.invalidation;
    return level;
}

template <typename P>
std::string applyByName(
    const std::vector<ParamSpec<P>> &table, P &params, std::string_view option, std::span<const std::string> texts)
{
    const auto it = std::find_if(table.begin(), table.end(), [&](const auto &row) { return row.option == option; });
    if (it == table.end())
        return "unknown parameter '" + std::string(option) + "'";
    if (texts.empty())
        return "--" + std::string(option) + ": no value";
    return it->parse(params, texts);
}

} // namespace kvt::engine::rows
