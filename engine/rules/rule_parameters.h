// SPDX-License-Identifier: MIT
// One table per rule of every rule parameter (Wireshark's preference registration): the CLI parser,
// its help, --params files, the `params` echo and the GUI's tuning controls all read these rows.
#pragma once

#include <functional>
#include <optional>
#include <span>
#include <string>
#include <variant>
#include <vector>

#include "engine/core/ticks.h"
#include "engine/rules/elastic_burst.h"
#include "engine/rules/sentinel_params.h"

namespace kvt::engine {

/// What a parameter change costs (style.md section 4), lowest first. Every rule parameter is Rescore;
/// Restyle and Reload are for view and load options, which the GUI keeps beside these tables.
enum class Invalidation { Restyle, Rescore, Reload };

/// How a parameter is read and edited: the GUI picks its control from this (spin box, slider,
/// duration field, date-time field, combo box, list editor, check box).
enum class ParamType { Integer, Number, Duration, DateTime, Choice, TextList, Flag };

/// "integer", "number", "duration", "date-time", "choice", "text list", "flag".
std::string_view paramTypeName(ParamType t);

/// A parameter's value as the outputs echo it: Integer -> long long, Number -> double, Flag -> bool,
/// TextList -> the list, Duration/DateTime/Choice -> their text ("1d", ISO 8601 UTC, the choice name).
using ParamValue = std::variant<bool, long long, double, std::string, std::vector<std::string>>;

/// One row of a rule's parameter table. @c parse and @c value never throw.
template <typename Params> struct ParamSpec {
    std::string option; ///< long option name without "--", also the --params key and the echo key
    std::string ruleName; ///< the rule's own name for it (the `let`, argument or column)
    ParamType type = ParamType::Number;
    std::optional<double> min, max; ///< accepted range, inclusive (Duration: in ticks of 100 ns)
    std::vector<std::string> choices; ///< Choice: the accepted names
    std::string defaultText; ///< the default as text (parses to the default value)
    std::string unit; ///< e.g. "days"; empty when the value has none
    std::string help; ///< one line
    Invalidation invalidation = Invalidation::Rescore;
    bool repeatable = false; ///< TextList: every occurrence adds to the list (else the last one wins)
    bool emptyAsNone = false; ///< TextList: "none" stands for (and formats) the empty list
    bool preset = false; ///< sets the other rows' values too: applied before every other row
    bool echoWhenDefault = true; ///< false: the `params` echo leaves the row out while it holds its default
    /// Reads the option's occurrences (at least one) into @p params; an error message naming the
    /// option ("--bin: 'x' is not a duration ...") on failure, empty on success.
    std::function<std::string(Params &params, std::span<const std::string> texts)> parse;
    std::function<ParamValue(const Params &params)> value;
};

/// The row's value of @p params as text that @c parse reads back to the same value.
std::string formatParamValue(const ParamValue &value, bool emptyAsNone);
template <typename Params> std::string formatParam(const ParamSpec<Params> &spec, const Params &params)
{
    return formatParamValue(spec.value(params), spec.emptyAsNone);
}

/// The Sentinel rule's parameters, in the order of spec/cli.md (and of the `params` echo).
const std::vector<ParamSpec<SentinelParams>> &sentinelParameters();
/// The ES|QL burst rule's parameters, same conventions.
const std::vector<ParamSpec<ElasticBurstParams>> &elasticBurstParameters();

/// The highest invalidation level among the parameters that differ; nullopt when none differs.
std::optional<Invalidation> changeLevel(const SentinelParams &a, const SentinelParams &b);
std::optional<Invalidation> changeLevel(const ElasticBurstParams &a, const ElasticBurstParams &b);

/// Applies one option by its long name; an error message on failure (unknown name included).
std::string applyParam(SentinelParams &params, std::string_view option, std::span<const std::string> texts);
std::string applyParam(ElasticBurstParams &params, std::string_view option, std::span<const std::string> texts);

/// "1d", "2h", "30m", or seconds with a fraction ("45s", "0.5s"), as the echo prints durations.
std::string formatDuration(Ticks t);

} // namespace kvt::engine
