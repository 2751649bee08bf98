// SPDX-License-Identifier: MIT
#include "ingest/parallel_json_lines.h"

#include <algorithm>
#include <atomic>
#include <cstring>
#include <thread>

namespace kvt::engine {

unsigned loaderThreads()
{
    return std::clamp(std::thread::hardware_concurrency(), 1U, 4U);
}

namespace {

constexpr std::size_t kMinBytesPerThread = std::size_t{16} << 20;

std::uint64_t countLines(std::string_view s)
{
    std::uint64_t n = 0;
    for (const char *p = s.data(), *end = s.data() + s.size(); (p = static_cast<const char *>(std::memchr(p, '\n', static_cast<std::size_t>(end - p)))); ++p)
        ++n;
    return n;
}

// Records expected in @p bytes, from the average line length of its first 256 KiB.
std::size_t estimateRecords(std::string_view bytes)
{
    const std::string_view head = bytes.substr(0, std::size_t{256} << 10);
    const std::uint64_t lines = std::max<std::uint64_t>(countLines(head), 1);
    return static_cast<std::size_t>(static_cast<double>(bytes.size()) / (static_cast<double>(head.size()) / static_cast<double>(lines)) * 1.05);
}

} // namespace

ReadOutcome readDiagnosticJsonParallel(std::string_view bytes, const ReadContext &ctx, Dataset &out, unsigned threads)
{
    threads = std::max(1U, std::min<unsigned>(threads, static_cast<unsigned>(bytes.size() / kMinBytesPerThread)));
    if (threads <= 1)
        return readDiagnosticJson(bytes, ctx, out);

    std::vector<std::size_t> starts{0};
    for (unsigned k = 1; k < threads; ++k) {
        const void *nl = std::memchr(bytes.data() + bytes.size() * k / threads, '\n', bytes.size() - bytes.size() * k / threads);
        const std::size_t cut = nl ? static_cast<std::size_t>(static_cast<const char *>(nl) - bytes.data()) + 1 : bytes.size();
        if (cut > starts.back() && cut < bytes.size())
            starts.push_back(cut);
    }
    starts.push_back(bytes.size());
    const std::size_t parts = starts.size() - 1;
    out.reserve(estimateRecords(bytes));

    std::atomic<bool> cancelled{false};
    std::vector<Dataset> partData(parts);
    std::vector<ReadOutcome> outcomes(parts);
    std::vector<std::uint64_t> linesBefore(parts, 0);
    {
        std::vector<std::jthread> workers;
        for (std::size_t k = 1; k < parts; ++k) {
            workers.emplace_back([&, k] {
                ReadContext c = ctx;
                c.progress = [&cancelled](std::uint64_t, std::uint64_t) { return !cancelled.load(std::memory_order_relaxed); };
                const std::string_view part = bytes.substr(starts[k], starts[k + 1] - starts[k]);
                partData[k].reserve(estimateRecords(part));
                outcomes[k] = readDiagnosticJson(part, c, partData[k]);
                linesBefore[k] = countLines(bytes.substr(0, starts[k]));
            });
        }
        // The calling thread reads the first part straight into the result and reports progress
        // for the whole file (the parts advance at about the same pace).
        ReadContext first = ctx;
        if (ctx.progress)
            first.progress = [&](std::uint64_t done, std::uint64_t) {
                const bool goOn = ctx.progress(std::min<std::uint64_t>(done * parts, bytes.size()), bytes.size());
                if (!goOn)
                    cancelled = true;
                return goOn;
            };
        outcomes[0] = readDiagnosticJson(bytes.substr(0, starts[1]), first, out);
    } // joins the workers

    ReadOutcome total;
    for (std::size_t k = 0; k < parts; ++k) {
        if (k > 0)
            out.appendChunk(partData[k], ctx.source, starts[k]);
        total.records += outcomes[k].records;
        total.rejected += outcomes[k].rejected;
        total.cancelled = total.cancelled || outcomes[k].cancelled || cancelled;
        for (auto &issue : outcomes[k].issues) {
            if (total.issues.size() == ctx.maxIssues)
                break;
            issue.line += linesBefore[k];
            total.issues.push_back(std::move(issue));
        }
    }
    return total;
}

} // namespace kvt::engine
