// SPDX-License-Identifier: MIT
#include "engine/ingest/parallel_read.h"

#include <algorithm>
#include <atomic>
#include <cstring>
#include <thread>

namespace kvt::engine {

unsigned loaderThreads()
{
    return std::clamp(std::thread::hardware_concurrency(), 1U, 4U);
}

std::size_t estimateLineRecords(std::string_view bytes, std::size_t begin, std::size_t end)
{
    const std::string_view head = bytes.substr(begin, std::min(end - begin, std::size_t {256} << 10));
    if (head.empty())
        return 0;
    const auto lines = std::max<std::ptrdiff_t>(std::count(head.begin(), head.end(), '\n'), 1);
    return static_cast<std::size_t>(
        static_cast<double>(end - begin) / (static_cast<double>(head.size()) / static_cast<double>(lines)) * 1.05);
}

ReadOutcome readParts(
    std::size_t parts, std::size_t expectedRecords, const ReadContext &ctx, Dataset &out, const PartReader &readPart)
{
    out.reserve(out.size() + expectedRecords);
    if (parts <= 1)
        return readPart(0, ctx, out);

    std::atomic<bool> cancelled {false};
    std::vector<Dataset> partData(parts);
    std::vector<ReadOutcome> outcomes(parts);
    {
        std::vector<std::jthread> workers;
        for (std::size_t k = 1; k < parts; ++k) {
            workers.emplace_back([&, k] {
                ReadContext c = ctx;
                c.progress
                    = [&cancelled](std::uint64_t, std::uint64_t) { return !cancelled.load(std::memory_order_relaxed); };
                partData[k].reserve(expectedRecords / parts + 1);
                outcomes[k] = readPart(k, c, partData[k]);
            });
        }
        // The parts advance at about the same pace: part 0's progress stands for the whole.
        ReadContext first = ctx;
        if (ctx.progress)
            first.progress = [&](std::uint64_t done, std::uint64_t total) {
                const bool goOn = ctx.progress(std::min<std::uint64_t>(done * parts, total), total);
                if (!goOn)
                    cancelled = true;
                return goOn;
            };
        outcomes[0] = readPart(0, first, out);
    } // joins the workers

    if (!cancelled)
        out.appendChunks(partData, ctx.source, ctx.threads); // partData[0] is empty: part 0 went to out
    ReadOutcome total;
    for (std::size_t k = 0; k < parts; ++k) {
        total.records += outcomes[k].records;
        total.rejected += outcomes[k].rejected;
        total.cancelled = total.cancelled || outcomes[k].cancelled || cancelled;
        if (total.columns.empty())
            total.columns = std::move(outcomes[k].columns);
        for (auto &issue : outcomes[k].issues) {
            if (total.issues.size() == ctx.maxIssues)
                break;
            total.issues.push_back(std::move(issue));
        }
    }
    return total;
}

namespace {

// Part boundaries for bytes[begin, end): begin, a cut at the start of a line near each 1/parts of
// the range, end.
std::vector<std::size_t> cutAtLines(std::string_view bytes, std::size_t begin, std::size_t end, std::size_t parts)
{
    std::vector<std::size_t> cuts {begin};
    for (std::size_t k = 1; k < parts; ++k) {
        const std::size_t from = begin + (end - begin) * k / parts;
        const void *nl = std::memchr(bytes.data() + from, '\n', end - from);
        const std::size_t cut = nl ? static_cast<std::size_t>(static_cast<const char *>(nl) - bytes.data()) + 1 : end;
        if (cut > cuts.back() && cut < end)
            cuts.push_back(cut);
    }
    cuts.push_back(end);
    return cuts;
}

} // namespace

ReadOutcome readLinesInParts(std::string_view bytes, const ReadContext &ctx, Dataset &out, const RangeReader &readRange)
{
    const std::size_t begin = bytes.substr(0, 3) == "\xEF\xBB\xBF" ? 3 : 0;
    const std::vector<std::size_t> cuts = cutAtLines(bytes, begin, bytes.size(), ctx.partsFor(bytes.size() - begin));
    return readParts(cuts.size() - 1, estimateLineRecords(bytes, begin, bytes.size()), ctx, out,
        [&](std::size_t k, const ReadContext &c, Dataset &d) { return readRange(cuts[k], cuts[k + 1], c, d); });
}

} // namespace kvt::engine
