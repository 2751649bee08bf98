// SPDX-License-Identifier: MIT
// A small command-line parser for kvtriage-cli: `--name value`, `--name=value`, flags, positionals.
#pragma once

#include <map>
#include <optional>
#include <set>
#include <stdexcept>
#include <string>
#include <vector>

namespace kvt::cli {

/// Thrown for usage errors; main() prints it and exits with status 2.
struct UsageError : std::runtime_error {
    using std::runtime_error::runtime_error;
};

class Args {
public:
    /// @p valued: options that take a value; @p flags: options that do not. Anything else is a usage error.
    Args(const std::vector<std::string> &argv, const std::set<std::string> &valued, const std::set<std::string> &flags);

    const std::vector<std::string> &positionals() const { return m_positionals; }
    bool has(const std::string &name) const { return m_values.count(name) > 0; }
    std::optional<std::string> value(const std::string &name) const;
    std::vector<std::string> values(const std::string &name) const;
    std::string valueOr(const std::string &name, const std::string &fallback) const;
    long long integer(const std::string &name, long long fallback, long long min, long long max) const;
    double number(const std::string &name, double fallback) const;
    /// Parses @p text as the value of option @p name (usage error naming the option otherwise).
    long long integerText(const std::string &name, const std::string &text, long long min, long long max) const;
    double numberText(const std::string &name, const std::string &text) const;

private:
    std::multimap<std::string, std::string> m_values;
    std::vector<std::string> m_positionals;
};

/// The non-empty items of a comma-separated option value.
std::vector<std::string> splitList(const std::string &text);

} // namespace kvt::cli
