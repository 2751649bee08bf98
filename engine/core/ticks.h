// SPDX-License-Identifier: MIT
// Time points as Kusto keeps them: 100-ns ticks, here counted from the Unix epoch, always UTC.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace kvt::engine {

/// 100-nanosecond ticks since 1970-01-01T00:00:00Z (UTC). Kusto's datetime resolution.
using Ticks = std::int64_t;

inline constexpr Ticks kTicksPerSecond = 10'000'000;
inline constexpr Ticks kTicksPerMinute = 60 * kTicksPerSecond;
inline constexpr Ticks kTicksPerHour = 60 * kTicksPerMinute;
inline constexpr Ticks kTicksPerDay = 24 * kTicksPerHour;

/// Days since 1970-01-01 for a proleptic Gregorian civil date (Howard Hinnant's algorithm).
std::int64_t daysFromCivil(int year, unsigned month, unsigned day);

/// The tick of a UTC calendar date and time of day; nullopt when a part is out of range (Feb 30).
std::optional<Ticks> ticksFromCivil(int year, int month, int day, int hour, int minute, int second);

/// Floors @p t to a multiple of @p step (step > 0); correct for negative ticks too.
Ticks floorTo(Ticks t, Ticks step);
inline Ticks startOfDay(Ticks t)
{
    return floorTo(t, kTicksPerDay);
}

/// Parses ISO 8601 date-times: `YYYY-MM-DD`, `YYYY-MM-DDTHH:MM[:SS[.fffffff…]]` with `T` or a space,
/// then `Z`, `±HH:MM`, `±HHMM` or nothing (UTC). Fractional digits beyond the 7th are truncated.
std::optional<Ticks> parseIsoDateTime(std::string_view text);

/// Formats as Kusto prints datetimes: `2026-11-22T00:00:00.0000000Z`.
std::string formatIsoDateTime(Ticks t);

/// Parses a duration such as `1d`, `2h`, `30m`, `45s`, `1.5h` or a KQL timespan `1.02:00:00`.
std::optional<Ticks> parseDuration(std::string_view text);

} // namespace kvt::engine
