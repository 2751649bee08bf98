// SPDX-License-Identifier: MIT
// Parses one JSON object held inside a larger buffer (a line, an array element) with simdjson
// On-Demand, with the padding, error-position and trailing-text handling every reader needs.
#pragma once

#include <algorithm>
#include <string>
#include <string_view>

#include <simdjson.h>

#include "engine/core/issue.h"

namespace kvt::engine {

/// Offset of the first byte that does not start a well-formed UTF-8 sequence (size() if none).
std::size_t firstInvalidUtf8(std::string_view s);

class JsonTextParser {
public:
    /// Parses @p text, whose buffer has @p available readable bytes from text.data() on, and calls
    /// @p visit with the top-level object. @p visit returns false (and sets @p error) to reject the
    /// record. On failure @p errorOffset is the byte offset of the problem within @p text.
    template <typename Visit>
    bool parse(std::string_view text, std::size_t available, Visit &&visit, Problem &error, std::size_t &errorOffset)
    {
        namespace od = simdjson::ondemand;
        simdjson::padded_string_view input;
        if (available >= text.size() + simdjson::SIMDJSON_PADDING) {
            input = simdjson::padded_string_view(text.data(), text.size(), available);
        } else {
            m_copy = simdjson::padded_string(text);
            input = m_copy;
        }
        const char *base = input.data();
        od::document doc;
        bool started = false;
        try {
            doc = m_parser.iterate(input);
            started = true;
            if (doc.type() != od::json_type::object) {
                error = {IssueCode::NotAnObject, "expected a JSON object (one record)"};
                errorOffset = 0;
                return false;
            }
            if (!visit(doc.get_object().value())) {
                errorOffset = 0;
                return false;
            }
            // simdjson 3.0 has no document::at_end(); a location still inside the text means more tokens.
            const char *rest = nullptr;
            if (doc.current_location().get(rest) == simdjson::SUCCESS && rest >= base && rest < base + text.size()) {
                error = {IssueCode::TrailingText, "unexpected text after the record"};
                errorOffset = static_cast<std::size_t>(rest - base);
                return false;
            }
            return true;
        } catch (const simdjson::simdjson_error &e) {
            error = {IssueCode::InvalidJson, std::string("invalid JSON: ") + simdjson::error_message(e.error())};
            // A document that failed in its first pass has no position to ask for.
            if (e.error() == simdjson::UTF8_ERROR) {
                errorOffset = firstInvalidUtf8(text);
            } else {
                const char *where = nullptr;
                errorOffset = text.size();
                if (started && doc.current_location().get(where) == simdjson::SUCCESS && where >= base)
                    errorOffset = std::min<std::size_t>(static_cast<std::size_t>(where - base), text.size());
            }
            return false;
        }
    }

private:
    simdjson::ondemand::parser m_parser;
    simdjson::padded_string m_copy;
};

} // namespace kvt::engine
