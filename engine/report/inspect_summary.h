// SPDX-License-Identifier: MIT
// What was read, before any rule runs: the content of `kvtriage-cli inspect`.
#pragma once

#include <map>
#include <string>

#include <nlohmann/json_fwd.hpp>

#include "engine/ingest/loader.h"

namespace kvt::engine {

/// Names the store's fields go by: the AzureDiagnostics columns the Sentinel rule reads (canonical),
/// or the ECS fields the ES|QL rule reads.
enum class FieldView { AzureDiagnostics, Ecs };

/// Fraction of records that carry a non-empty value, per field, named in @p view (fields with no
/// name in that view are left out).
std::map<std::string, double> fieldCoverage(const Dataset &data, FieldView view = FieldView::AzureDiagnostics);

/// The JSON document `kvtriage-cli inspect` prints (shape fixed by spec/cli.md; each file also lists
/// its own field names and the canonical field each fills). Beyond the spec, each warning carries
/// its `code` (issueCodeName), `severity` and `byte`, and a file with an `error` its `error_code`.
nlohmann::json inspectJson(const LoadResult &load, FieldView view = FieldView::AzureDiagnostics);

} // namespace kvt::engine
