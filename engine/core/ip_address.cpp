// SPDX-License-Identifier: MIT
#include "engine/core/ip_address.h"

#include <arpa/inet.h>

#include <cstring>

namespace kvt::engine {

std::optional<IpBytes> parseIpAddress(std::string_view text)
{
    if (text.empty() || text.size() > 45)
        return std::nullopt;
    char buffer[46];
    std::memcpy(buffer, text.data(), text.size());
    buffer[text.size()] = '\0';
    IpBytes bytes {};
    std::uint8_t v4[4];
    if (inet_pton(AF_INET, buffer, v4) == 1) {
        bytes[10] = 0xff;
        bytes[11] = 0xff;
        std::memcpy(bytes.data() + 12, v4, 4);
        return bytes;
    }
    if (inet_pton(AF_INET6, buffer, bytes.data()) == 1)
        return bytes;
    return std::nullopt;
}

std::string addressSortKey(std::string_view text)
{
    const auto bytes = parseIpAddress(text);
    if (!bytes)
        return "1" + std::string(text);
    static constexpr char kHex[] = "0123456789abcdef";
    std::string key = "0";
    for (const std::uint8_t b : *bytes) {
        key += kHex[b >> 4];
        key += kHex[b & 0xf];
    }
    return key;
}

} // namespace kvt::engine
