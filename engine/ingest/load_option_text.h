// SPDX-License-Identifier: MIT
// Load options written as text, the same way on the command line and in the app's Load options.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "engine/core/ticks.h"
#include "engine/ingest/input_format.h"

namespace kvt::engine {

/// Every format a load can be forced to, in the order a user reads them.
const std::vector<InputFormat> &forcibleInputFormats();

/// "a,b,c" -> {"a","b","c"}; names are kept as written (empty items too: a headerless CSV may have
/// a column nobody cares about).
std::vector<std::string> parseColumnNames(std::string_view text);

/// "+02:00" / "-05:30" (an ISO 8601 zone: local time minus UTC) to ticks; nullopt when malformed.
std::optional<Ticks> parseUtcOffset(std::string_view text);

/// The inverse of parseUtcOffset: "+02:00".
std::string formatUtcOffset(Ticks offset);

} // namespace kvt::engine
