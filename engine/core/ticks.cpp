// SPDX-License-Identifier: MIT
#include "engine/core/ticks.h"

#include <array>
#include <charconv>
#include <cmath>

namespace kvt::engine {

std::int64_t daysFromCivil(int year, unsigned month, unsigned day)
{
    const int y = year - (month <= 2 ? 1 : 0);
    const int era = (y >= 0 ? y : y - 399) / 400;
    const auto yoe = static_cast<unsigned>(y - era * 400);
    const unsigned mp = month > 2 ? month - 3 : month + 9;
    const unsigned doy = (153 * mp + 2) / 5 + day - 1;
    const unsigned doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return static_cast<std::int64_t>(era) * 146097 + static_cast<std::int64_t>(doe) - 719468;
}

Ticks floorTo(Ticks t, Ticks step)
{
    Ticks q = t / step;
    if (t % step != 0 && t < 0)
        --q;
    return q * step;
}

namespace {

// Reads exactly @p count ASCII digits at @p pos; false if any is not a digit.
bool readDigits(std::string_view s, std::size_t pos, std::size_t count, int &out)
{
    if (pos + count > s.size())
        return false;
    int v = 0;
    for (std::size_t i = pos; i < pos + count; ++i) {
        const char c = s[i];
        if (c < '0' || c > '9')
            return false;
        v = v * 10 + (c - '0');
    }
    out = v;
    return true;
}

unsigned daysInMonth(int year, int month)
{
    static constexpr std::array<unsigned, 12> kDays {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    const bool leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
    return month == 2 && leap ? 29U : kDays[static_cast<std::size_t>(month - 1)];
}

} // namespace

std::optional<Ticks> ticksFromCivil(int year, int month, int day, int hour, int minute, int second)
{
    if (year < 1 || year > 9999 || month < 1 || month > 12 || day < 1
        || static_cast<unsigned>(day) > daysInMonth(year, month) || hour < 0 || hour > 23 || minute < 0 || minute > 59
        || second < 0 || second > 60)
        return std::nullopt;
    return daysFromCivil(year, static_cast<unsigned>(month), static_cast<unsigned>(day)) * kTicksPerDay
        + ((hour * 60 + minute) * Ticks {60} + second) * kTicksPerSecond;
}

std::optional<Ticks> parseIsoDateTime(std::string_view s)
{
    while (!s.empty() && (s.front() == ' ' || s.front() == '\t'))
        s.remove_prefix(1);
    while (!s.empty() && (s.back() == ' ' || s.back() == '\t'))
        s.remove_suffix(1);

    int year = 0, month = 0, day = 0;
    if (!readDigits(s, 0, 4, year) || s.size() < 10 || s[4] != '-' || !readDigits(s, 5, 2, month) || s[7] != '-'
        || !readDigits(s, 8, 2, day))
        return std::nullopt;
    if (month < 1 || month > 12 || day < 1 || static_cast<unsigned>(day) > daysInMonth(year, month))
        return std::nullopt;

    Ticks t = daysFromCivil(year, static_cast<unsigned>(month), static_cast<unsigned>(day)) * kTicksPerDay;
    std::size_t pos = 10;
    if (pos == s.size())
        return t;
    if (s[pos] != 'T' && s[pos] != 't' && s[pos] != ' ')
        return std::nullopt;
    ++pos;

    int hour = 0, minute = 0, second = 0;
    if (!readDigits(s, pos, 2, hour) || pos + 2 >= s.size() || s[pos + 2] != ':' || !readDigits(s, pos + 3, 2, minute))
        return std::nullopt;
    pos += 5;
    if (pos < s.size() && s[pos] == ':') {
        if (!readDigits(s, pos + 1, 2, second))
            return std::nullopt;
        pos += 3;
    }
    if (hour > 23 || minute > 59 || second > 60)
        return std::nullopt;
    t += hour * kTicksPerHour + minute * kTicksPerMinute + second * kTicksPerSecond;

    if (pos < s.size() && (s[pos] == '.' || s[pos] == ',')) {
        ++pos;
        Ticks frac = 0;
        int digits = 0;
        const std::size_t start = pos;
        while (pos < s.size() && s[pos] >= '0' && s[pos] <= '9') {
            if (digits < 7) {
                frac = frac * 10 + (s[pos] - '0');
                ++digits;
            }
            ++pos;
        }
        if (pos == start)
            return std::nullopt;
        for (; digits < 7; ++digits)
            frac *= 10;
        t += frac;
    }

    if (pos == s.size())
        return t;
    if ((s[pos] == 'Z' || s[pos] == 'z') && pos + 1 == s.size())
        return t;
    if (s[pos] == '+' || s[pos] == '-') {
        const int sign = s[pos] == '+' ? 1 : -1;
        int oh = 0, om = 0;
        if (!readDigits(s, pos + 1, 2, oh))
            return std::nullopt;
        std::size_t p = pos + 3;
        if (p < s.size() && s[p] == ':')
            ++p;
        if (p < s.size()) {
            if (!readDigits(s, p, 2, om) || p + 2 != s.size())
                return std::nullopt;
        }
        if (oh > 23 || om > 59)
            return std::nullopt;
        return t - sign * (oh * kTicksPerHour + om * kTicksPerMinute);
    }
    return std::nullopt;
}

std::string formatIsoDateTime(Ticks t)
{
    const Ticks dayTicks = startOfDay(t);
    const Ticks inDay = t - dayTicks;
    // civil_from_days (Howard Hinnant).
    std::int64_t z = dayTicks / kTicksPerDay + 719468;
    const std::int64_t era = (z >= 0 ? z : z - 146096) / 146097;
    const auto doe = static_cast<unsigned>(z - era * 146097);
    const unsigned yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    const unsigned doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    const unsigned mp = (5 * doy + 2) / 153;
    const unsigned d = doy - (153 * mp + 2) / 5 + 1;
    const unsigned m = mp < 10 ? mp + 3 : mp - 9;
    const std::int64_t y = static_cast<std::int64_t>(yoe) + era * 400 + (m <= 2 ? 1 : 0);

    char buf[40];
    const auto h = static_cast<int>(inDay / kTicksPerHour);
    const auto mi = static_cast<int>(inDay / kTicksPerMinute % 60);
    const auto sec = static_cast<int>(inDay / kTicksPerSecond % 60);
    const auto frac = static_cast<long>(inDay % kTicksPerSecond);
    const int n = std::snprintf(
        buf, sizeof buf, "%04lld-%02u-%02uT%02d:%02d:%02d.%07ldZ", static_cast<long long>(y), m, d, h, mi, sec, frac);
    return std::string(buf, static_cast<std::size_t>(n));
}

std::optional<Ticks> parseDuration(std::string_view s)
{
    if (s.empty())
        return std::nullopt;
    // KQL timespan literal d.hh:mm:ss or hh:mm:ss.
    if (s.find(':') != std::string_view::npos) {
        int days = 0;
        std::string_view rest = s;
        if (const auto dot = s.find('.'); dot != std::string_view::npos && dot < s.find(':')) {
            if (std::from_chars(s.data(), s.data() + dot, days).ec != std::errc {})
                return std::nullopt;
            rest = s.substr(dot + 1);
        }
        int h = 0, m = 0, sec = 0;
        if (rest.size() < 5 || !readDigits(rest, 0, 2, h) || rest[2] != ':' || !readDigits(rest, 3, 2, m))
            return std::nullopt;
        if (rest.size() >= 8 && (rest[5] != ':' || !readDigits(rest, 6, 2, sec)))
            return std::nullopt;
        return days * kTicksPerDay + h * kTicksPerHour + m * kTicksPerMinute + sec * kTicksPerSecond;
    }
    std::size_t unitPos = s.size();
    while (unitPos > 0 && ((s[unitPos - 1] >= 'a' && s[unitPos - 1] <= 'z')))
        --unitPos;
    const std::string_view number = s.substr(0, unitPos);
    const std::string_view unit = s.substr(unitPos);
    double value = 0;
    if (number.empty() || std::from_chars(number.data(), number.data() + number.size(), value).ec != std::errc {}
        || value < 0)
        return std::nullopt;
    Ticks scale = 0;
    if (unit == "d")
        scale = kTicksPerDay;
    else if (unit == "h")
        scale = kTicksPerHour;
    else if (unit == "m" || unit == "min")
        scale = kTicksPerMinute;
    else if (unit == "s")
        scale = kTicksPerSecond;
    else if (unit == "ms")
        scale = kTicksPerSecond / 1000;
    else
        return std::nullopt;
    return static_cast<Ticks>(std::llround(value * static_cast<double>(scale)));
}

} // namespace kvt::engine
