// SPDX-License-Identifier: MIT
// What was read, before any rule runs: the content of `kvtriage-cli inspect`.
#pragma once

#include <map>
#include <string>

#include <nlohmann/json_fwd.hpp>

#include "ingest/loader.h"

namespace kvt::engine {

/// Fraction of records that carry a non-empty value, per canonical field (AzureDiagnostics names).
std::map<std::string, double> fieldCoverage(const Dataset &data);

/// The JSON document `kvtriage-cli inspect` prints (shape fixed by spec/cli.md).
nlohmann::json inspectJson(const LoadResult &load);

} // namespace kvt::engine
