// SPDX-License-Identifier: MIT
// IP addresses as values that sort as addresses (10.0.0.9 before 10.0.0.10), not as text.
#pragma once

#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace kvt::engine {

/// An address in IPv6 form (IPv4 as ::ffff:a.b.c.d), big-endian, so byte order is address order.
using IpBytes = std::array<std::uint8_t, 16>;

/// Parses a textual IPv4 or IPv6 address (no port, no zone); nullopt when @p text is not one.
std::optional<IpBytes> parseIpAddress(std::string_view text);

/// A key that orders values as addresses first (IPv4 before IPv6, numerically), then anything
/// else as text: "0" + 32 hex digits for an address, "1" + the text otherwise.
std::string addressSortKey(std::string_view text);

} // namespace kvt::engine
