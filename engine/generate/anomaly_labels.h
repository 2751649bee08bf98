// SPDX-License-Identifier: MIT
// The labels file written beside generated data: which anomalies were injected where.
#pragma once

#include <nlohmann/json_fwd.hpp>

#include "engine/generate/generator.h"

namespace kvt::engine {

nlohmann::json labelsJson(const GeneratorOptions &options, const GenerationSummary &summary);

} // namespace kvt::engine
