// SPDX-License-Identifier: MIT
// A compact streaming JSON writer whose numbers keep full double precision (17 significant
// digits, as spec/cli.md asks) and stay valid JSON for non-finite values. It sits at the bottom of
// the engine so that report documents and the generator's exports share it.
#pragma once

#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "engine/core/json_text.h"

namespace kvt::engine {

/// Writes one JSON document into a string, element by element; commas are placed for the caller.
/// Not thread-safe; one writer per document.
class JsonWriter {
public:
    JsonWriter &beginObject();
    JsonWriter &endObject();
    JsonWriter &beginArray();
    JsonWriter &endArray();
    JsonWriter &key(std::string_view name);
    JsonWriter &string(std::string_view value);
    JsonWriter &number(double value);
    JsonWriter &integer(long long value);
    JsonWriter &null();
    JsonWriter &boolean(bool value);
    /// Inserts @p json as a value verbatim (it must be valid JSON).
    JsonWriter &raw(std::string_view json);
    JsonWriter &numbers(std::span<const double> values);
    JsonWriter &integers(std::span<const int> values);
    JsonWriter &integers(std::span<const std::size_t> values);
    JsonWriter &strings(std::span<const std::string> values);

    std::string take() { return std::move(m_out); }
    const std::string &text() const { return m_out; }

private:
    void separate();
    std::string m_out;
    std::vector<bool> m_first; // per open container: no element written yet
    bool m_afterKey = false;
};

} // namespace kvt::engine
