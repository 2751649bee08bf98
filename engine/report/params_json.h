// SPDX-License-Identifier: MIT
// The `params` echo of every rule output: one key per row of the rule's parameter table.
#pragma once

#include <string>

#include <nlohmann/json_fwd.hpp>

#include "engine/report/json_writer.h"
#include "engine/rules/rule_parameters.h"

namespace kvt::engine {

/// Writes @p params as an object keyed by the long option names, in table order. Feeding the object
/// back as a --params file reproduces the run.
void writeParams(JsonWriter &w, const SentinelParams &params);
void writeParams(JsonWriter &w, const ElasticBurstParams &params);

/// Reads a JSON object keyed by long option names (a --params file, a case file's parameters, an
/// echo) into @p params: preset rows first, so the object's other keys override the preset. Values
/// may be JSON numbers, booleans, strings or (for lists) arrays; the key "rule" (the rule selector)
/// is skipped. Returns an error message naming the option or the unknown key; empty on success.
/// Never throws.
std::string readParams(const nlohmann::json &object, SentinelParams &params);
std::string readParams(const nlohmann::json &object, ElasticBurstParams &params);

/// One value as its JSON type (Integer as an integer, Number as a real, TextList as an array, ...).
void writeParamValue(JsonWriter &w, const ParamValue &value);

} // namespace kvt::engine
