// SPDX-License-Identifier: MIT
#include "app/cli/cli_args.h"

#include <charconv>
#include <cmath>
#include <cstdlib>

namespace kvt::cli {

Args::Args(
    const std::vector<std::string> &argv, const std::set<std::string> &valued, const std::set<std::string> &flags)
{
    bool onlyPositionals = false;
    for (std::size_t i = 0; i < argv.size(); ++i) {
        const std::string &a = argv[i];
        if (onlyPositionals || a == "-" || a.rfind("--", 0) != 0) {
            m_positionals.push_back(a);
            continue;
        }
        if (a == "--") {
            onlyPositionals = true;
            continue;
        }
        std::string name = a.substr(2);
        std::optional<std::string> inlineValue;
        if (const auto eq = name.find('='); eq != std::string::npos) {
            inlineValue = name.substr(eq + 1);
            name.resize(eq);
        }
        if (flags.count(name)) {
            if (inlineValue)
                throw UsageError("option --" + name + " takes no value");
            m_values.emplace(name, "");
        } else if (valued.count(name)) {
            if (inlineValue) {
                m_values.emplace(name, *inlineValue);
            } else {
                if (i + 1 >= argv.size())
                    throw UsageError("option --" + name + " needs a value");
                m_values.emplace(name, argv[++i]);
            }
        } else {
            throw UsageError("unknown option --" + name);
        }
    }
}

std::optional<std::string> Args::value(const std::string &name) const
{
    const auto range = m_values.equal_range(name);
    if (range.first == range.second)
        return std::nullopt;
    return std::prev(range.second)->second; // the last occurrence wins
}

std::vector<std::string> Args::values(const std::string &name) const
{
    std::vector<std::string> out;
    for (auto [it, end] = m_values.equal_range(name); it != end; ++it)
        out.push_back(it->second);
    return out;
}

std::string Args::valueOr(const std::string &name, const std::string &fallback) const
{
    return value(name).value_or(fallback);
}

long long Args::integer(const std::string &name, long long fallback, long long min, long long max) const
{
    const auto v = value(name);
    return v ? integerText(name, *v, min, max) : fallback;
}

long long Args::integerText(const std::string &name, const std::string &text, long long min, long long max) const
{
    long long out = 0;
    const auto res = std::from_chars(text.data(), text.data() + text.size(), out);
    if (res.ec != std::errc {} || res.ptr != text.data() + text.size())
        throw UsageError("--" + name + ": '" + text + "' is not an integer");
    if (out < min || out > max)
        throw UsageError("--" + name + ": " + text + " is outside " + std::to_string(min) + ".." + std::to_string(max));
    return out;
}

} // namespace kvt::cli

namespace kvt::cli {

double Args::number(const std::string &name, double fallback) const
{
    const auto v = value(name);
    return v ? numberText(name, *v) : fallback;
}

double Args::numberText(const std::string &name, const std::string &text) const
{
    char *end = nullptr;
    const double out = std::strtod(text.c_str(), &end);
    if (text.empty() || end != text.c_str() + text.size() || !std::isfinite(out))
        throw UsageError("--" + name + ": '" + text + "' is not a number");
    return out;
}

std::vector<std::string> splitList(const std::string &text)
{
    std::vector<std::string> out;
    std::size_t pos = 0;
    while (pos <= text.size()) {
        const std::size_t comma = text.find(',', pos);
        std::string item = text.substr(pos, comma == std::string::npos ? std::string::npos : comma - pos);
        if (!item.empty())
            out.push_back(item);
        if (comma == std::string::npos)
            break;
        pos = comma + 1;
    }
    return out;
}

} // namespace kvt::cli
