// SPDX-License-Identifier: MIT
#include "engine/core/json_writer.h"

namespace kvt::engine {

void JsonWriter::separate()
{
    if (m_afterKey) {
        m_afterKey = false;
        return;
    }
    if (!m_first.empty()) {
        if (!m_first.back())
            m_out += ',';
        m_first.back() = false;
    }
}

JsonWriter &JsonWriter::beginObject()
{
    separate();
    m_out += '{';
    m_first.push_back(true);
    return *this;
}

JsonWriter &JsonWriter::endObject()
{
    m_out += '}';
    m_first.pop_back();
    return *this;
}

JsonWriter &JsonWriter::beginArray()
{
    separate();
    m_out += '[';
    m_first.push_back(true);
    return *this;
}

JsonWriter &JsonWriter::endArray()
{
    m_out += ']';
    m_first.pop_back();
    return *this;
}

JsonWriter &JsonWriter::key(std::string_view name)
{
    separate();
    appendJsonString(name, m_out);
    m_out += ':';
    m_afterKey = true;
    return *this;
}

JsonWriter &JsonWriter::string(std::string_view value)
{
    separate();
    appendJsonString(value, m_out);
    return *this;
}

JsonWriter &JsonWriter::number(double value)
{
    separate();
    m_out += formatJsonNumber(value);
    return *this;
}

JsonWriter &JsonWriter::integer(long long value)
{
    separate();
    m_out += std::to_string(value);
    return *this;
}

JsonWriter &JsonWriter::null()
{
    separate();
    m_out += "null";
    return *this;
}

JsonWriter &JsonWriter::boolean(bool value)
{
    separate();
    m_out += value ? "true" : "false";
    return *this;
}

JsonWriter &JsonWriter::raw(std::string_view json)
{
    separate();
    m_out += json;
    return *this;
}

JsonWriter &JsonWriter::numbers(std::span<const double> values)
{
    beginArray();
    for (const double v : values)
        number(v);
    return endArray();
}

JsonWriter &JsonWriter::integers(std::span<const int> values)
{
    beginArray();
    for (const int v : values)
        integer(v);
    return endArray();
}

JsonWriter &JsonWriter::integers(std::span<const std::size_t> values)
{
    beginArray();
    for (const std::size_t v : values)
        integer(static_cast<long long>(v));
    return endArray();
}

JsonWriter &JsonWriter::strings(std::span<const std::string> values)
{
    beginArray();
    for (const auto &v : values)
        string(v);
    return endArray();
}

} // namespace kvt::engine
