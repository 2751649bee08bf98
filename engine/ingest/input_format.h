// SPDX-License-Identifier: MIT
// Input formats kvtriage can read, and content sniffing to tell them apart.
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace kvt::engine {

enum class InputFormat {
    Unknown,
    AzureDiagnosticsJson, ///< raw diagnostic-settings records: PT1H.json JSON Lines or {"records":[…]}
};

/// How records are laid out inside a JSON file.
enum class JsonLayout { JsonLines, RecordsEnvelope };

std::string_view formatName(InputFormat f);
std::optional<InputFormat> formatByName(std::string_view name);
std::string_view layoutName(JsonLayout l);

struct SniffResult {
    InputFormat format = InputFormat::Unknown;
    JsonLayout layout = JsonLayout::JsonLines;
    std::string reason; ///< why the content was not recognised
};

/// Recognises the format from the first records of @p bytes (a UTF-8 BOM is allowed).
SniffResult sniffFormat(std::string_view bytes);

} // namespace kvt::engine
