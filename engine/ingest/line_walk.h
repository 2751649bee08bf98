// SPDX-License-Identifier: MIT
// The walk over one record per line that the JSON Lines and NDJSON readers share.
#pragma once

#include <algorithm>
#include <cstring>
#include <string_view>

namespace kvt::engine {

/// Calls @p record(offset, length) for each non-blank line of bytes[begin, stop) (surrounding
/// blanks and a CR trimmed), then @p tick(next line start); stops early when tick returns false.
template <typename Record, typename Tick>
void forEachLine(std::string_view bytes, std::size_t begin, std::size_t stop, Record &&record, Tick &&tick)
{
    constexpr std::size_t kPrefetchBytes = 4096;
    const auto blank = [&](std::size_t i) { return bytes[i] == ' ' || bytes[i] == '\t' || bytes[i] == '\r'; };
    std::size_t pos = begin, prefetched = begin;
    while (pos < stop) {
        // The file comes from memory once: ask for the bytes a few records ahead, so the newline
        // search does not wait on each cache line in turn.
        for (const std::size_t ahead = std::min(stop, pos + kPrefetchBytes); prefetched < ahead; prefetched += 64)
            __builtin_prefetch(bytes.data() + prefetched);
        const void *nl = std::memchr(bytes.data() + pos, '\n', stop - pos);
        const std::size_t end = nl ? static_cast<std::size_t>(static_cast<const char *>(nl) - bytes.data()) : stop;
        std::size_t first = pos, last = end;
        while (first < last && blank(first))
            ++first;
        while (last > first && blank(last - 1))
            --last;
        if (last > first)
            record(first, last - first);
        pos = end + 1;
        if (!tick(pos))
            break;
    }
}

} // namespace kvt::engine
