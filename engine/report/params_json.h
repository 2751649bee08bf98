// SPDX-License-Identifier: MIT
// The `params` echo of every rule output: one key per row of the rule's parameter table.
#pragma once

#include "engine/report/json_writer.h"
#include "engine/rules/rule_parameters.h"

namespace kvt::engine {

/// Writes @p params as an object keyed by the long option names, in table order. Feeding the object
/// back as a --params file reproduces the run.
void writeParams(JsonWriter &w, const SentinelParams &params);
void writeParams(JsonWriter &w, const ElasticBurstParams &params);

/// One value as its JSON type (Integer as an integer, Number as a real, TextList as an array, ...).
void writeParamValue(JsonWriter &w, const ParamValue &value);

} // namespace kvt::engine
