// SPDX-License-Identifier: MIT
#include "engine/core/json_text.h"

#include <cmath>
#include <cstdio>

namespace kvt::engine {

void appendJsonString(std::string_view text, std::string &out)
{
    static constexpr char kHex[] = "0123456789abcdef";
    out += '"';
    for (const char c : text) {
        switch (c) {
        case '"': out += "\\\""; break;
        case '\\': out += "\\\\"; break;
        case '\n': out += "\\n"; break;
        case '\r': out += "\\r"; break;
        case '\t': out += "\\t"; break;
        default:
            if (static_cast<unsigned char>(c) < 0x20) {
                out += "\\u00";
                out += kHex[(c >> 4) & 0xF];
                out += kHex[c & 0xF];
            } else {
                out += c;
            }
        }
    }
    out += '"';
}

std::string formatJsonNumber(double value)
{
    if (std::isnan(value))
        return "null";
    if (std::isinf(value))
        return value > 0 ? "1.7976931348623157e+308" : "-1.7976931348623157e+308";
    char buf[32];
    const int n = std::snprintf(buf, sizeof buf, "%.17g", value);
    std::string text(buf, static_cast<std::size_t>(n));
    // Integral values print without a fraction ("0", "151"); make them read as reals like Kusto's.
    if (text.find_first_of(".eEn") == std::string::npos)
        text += ".0";
    return text;
}

} // namespace kvt::engine
