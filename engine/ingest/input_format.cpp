// SPDX-License-Identifier: MIT
#include "ingest/input_format.h"

#include <array>
#include <cstring>

#include <simdjson.h>

namespace kvt::engine {
namespace {

namespace od = simdjson::ondemand;

struct FormatEntry {
    InputFormat format;
    std::string_view name;
};
constexpr std::array<FormatEntry, 1> kFormats{{{InputFormat::AzureDiagnosticsJson, "azure-diagnostics-json"}}};

enum class Shape { NotJson, Envelope, DiagnosticRecord, OtherObject };

// Classifies one JSON text by its top-level keys.
Shape classify(std::string_view text)
{
    simdjson::padded_string copy(text);
    od::parser parser;
    try {
        od::document doc = parser.iterate(copy);
        if (doc.type() != od::json_type::object)
            return Shape::OtherObject;
        bool hasTime = false, hasOperation = false;
        for (auto field : doc.get_object()) {
            const std::string_view key = field.unescaped_key();
            if (key == "records")
                return Shape::Envelope;
            if (key == "time")
                hasTime = true;
            else if (key == "operationName" || key == "resourceId")
                hasOperation = true;
        }
        return hasTime && hasOperation ? Shape::DiagnosticRecord : Shape::OtherObject;
    } catch (const simdjson::simdjson_error &) {
        return Shape::NotJson;
    }
}

} // namespace

std::string_view formatName(InputFormat f)
{
    for (const auto &e : kFormats)
        if (e.format == f)
            return e.name;
    return "unknown";
}

std::optional<InputFormat> formatByName(std::string_view name)
{
    for (const auto &e : kFormats)
        if (e.name == name)
            return e.format;
    return std::nullopt;
}

std::string_view layoutName(JsonLayout l)
{
    return l == JsonLayout::RecordsEnvelope ? "records-envelope" : "json-lines";
}

SniffResult sniffFormat(std::string_view bytes)
{
    SniffResult result;
    if (bytes.size() >= 3 && bytes.substr(0, 3) == "\xEF\xBB\xBF")
        bytes.remove_prefix(3);
    std::size_t pos = bytes.find_first_not_of(" \t\r\n");
    if (pos == std::string_view::npos) {
        result.reason = "the file is empty";
        return result;
    }
    if (bytes[pos] != '{') {
        result.reason = "not a recognised Key Vault export: expected raw diagnostic JSON records (JSON Lines or {\"records\":[...]})";
        return result;
    }
    // A record per line is the common case; a pretty-printed envelope has "{" alone on its first
    // line, so when the first line is not a JSON text by itself, classify the opening of the file.
    const std::string_view firstLine = bytes.substr(pos, bytes.find('\n', pos) - pos);
    if (classify(firstLine) == Shape::NotJson) {
        constexpr std::size_t kPrefix = 1 << 20;
        std::string_view head = bytes.substr(pos, kPrefix);
        if (head.size() == kPrefix)
            head = head.substr(0, head.rfind('\n') == std::string_view::npos ? head.size() : head.rfind('\n'));
        if (classify(head) == Shape::Envelope) {
            result.format = InputFormat::AzureDiagnosticsJson;
            result.layout = JsonLayout::RecordsEnvelope;
            return result;
        }
    }
    constexpr int kLinesToTry = 20;
    for (int i = 0; i < kLinesToTry && pos < bytes.size(); ++i) {
        const void *nl = std::memchr(bytes.data() + pos, '\n', bytes.size() - pos);
        const std::size_t end = nl ? static_cast<std::size_t>(static_cast<const char *>(nl) - bytes.data()) : bytes.size();
        const std::string_view line = bytes.substr(pos, end - pos);
        if (line.find_first_not_of(" \t\r") != std::string_view::npos) {
            switch (classify(line)) {
            case Shape::Envelope:
                result.format = InputFormat::AzureDiagnosticsJson;
                result.layout = JsonLayout::RecordsEnvelope;
                return result;
            case Shape::DiagnosticRecord:
                result.format = InputFormat::AzureDiagnosticsJson;
                result.layout = JsonLayout::JsonLines;
                return result;
            case Shape::OtherObject:
                result.reason = "not a recognised Key Vault export: the first JSON object has neither "
                                "'time' + 'operationName' (raw diagnostic record) nor a 'records' array";
                return result;
            case Shape::NotJson:
                break; // a corrupt line: look at the next ones
            }
        }
        pos = end + 1;
    }
    result.reason = "not a recognised Key Vault export: the first lines are not valid JSON records";
    return result;
}

} // namespace kvt::engine
