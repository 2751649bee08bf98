// SPDX-License-Identifier: MIT
#include "engine/store/canonical_field.h"

namespace kvt::engine {

std::optional<TextField> textFieldByName(std::string_view name)
{
    for (std::size_t i = 0; i < kTextFieldCount; ++i)
        if (!name.empty() && kTextFieldNames[i] == name)
            return static_cast<TextField>(i);
    return std::nullopt;
}

std::string_view ecsSourceIp(std::string_view caller)
{
    const auto digits = [](std::string_view s) {
        return !s.empty() && s.size() <= 5 && s.find_first_not_of("0123456789") == std::string_view::npos;
    };
    if (caller.size() > 2 && caller.front() == '[') { // [v6]:port or [v6]
        const std::size_t close = caller.find(']');
        if (close != std::string_view::npos
            && (close + 1 == caller.size() || (caller[close + 1] == ':' && digits(caller.substr(close + 2)))))
            return caller.substr(1, close - 1);
        return caller;
    }
    const std::size_t colon = caller.find(':');
    if (colon != std::string_view::npos && caller.find(':', colon + 1) == std::string_view::npos
        && caller.find('.') < colon && digits(caller.substr(colon + 1)))
        return caller.substr(0, colon); // IPv4:port (one colon only: IPv6 has several)
    return caller;
}

} // namespace kvt::engine
