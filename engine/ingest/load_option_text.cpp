// SPDX-License-Identifier: MIT
#include "engine/ingest/load_option_text.h"

namespace kvt::engine {

const std::vector<InputFormat> &forcibleInputFormats()
{
    static const std::vector<InputFormat> formats {
        InputFormat::AzureDiagnosticsJson,
        InputFormat::LogAnalyticsJson,
        InputFormat::AzCliJson,
        InputFormat::LogAnalyticsApi,
        InputFormat::KustoV1,
        InputFormat::KustoV2,
        InputFormat::ElasticJson,
        InputFormat::EsqlJson,
        InputFormat::Csv,
        InputFormat::CsvHeaderless,
    };
    return formats;
}

std::vector<std::string> parseColumnNames(std::string_view text)
{
    std::vector<std::string> names;
    std::size_t pos = 0;
    while (pos <= text.size()) {
        const std::size_t comma = text.find(',', pos);
        names.emplace_back(text.substr(pos, comma == std::string_view::npos ? std::string_view::npos : comma - pos));
        if (comma == std::string_view::npos)
            break;
        pos = comma + 1;
    }
    return names;
}

std::optional<Ticks> parseUtcOffset(std::string_view text)
{
    // ±HH:MM exactly, as ISO 8601 writes a zone.
    if (text.size() != 6 || (text[0] != '+' && text[0] != '-') || text[3] != ':')
        return std::nullopt;
    const auto digit = [&](std::size_t i) { return text[i] >= '0' && text[i] <= '9'; };
    if (!digit(1) || !digit(2) || !digit(4) || !digit(5))
        return std::nullopt;
    const int hours = (text[1] - '0') * 10 + (text[2] - '0');
    const int minutes = (text[4] - '0') * 10 + (text[5] - '0');
    if (hours > 14 || minutes > 59)
        return std::nullopt;
    const Ticks offset = hours * kTicksPerHour + minutes * kTicksPerMinute;
    return text[0] == '-' ? -offset : offset;
}

std::string formatUtcOffset(Ticks offset)
{
    const Ticks magnitude = offset < 0 ? -offset : offset;
    const auto hours = static_cast<int>(magnitude / kTicksPerHour);
    const auto minutes = static_cast<int>((magnitude % kTicksPerHour) / kTicksPerMinute);
    std::string out(1, offset < 0 ? '-' : '+');
    out += static_cast<char>('0' + hours / 10);
    out += static_cast<char>('0' + hours % 10);
    out += ':';
    out += static_cast<char>('0' + minutes / 10);
    out += static_cast<char>('0' + minutes % 10);
    return out;
}

} // namespace kvt::engine
