// SPDX-License-Identifier: MIT
#include "engine/bench/ingest_bench.h"

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <optional>

#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include "engine/generate/export_file.h"
#include "engine/ingest/loader.h"
#include "engine/ingest/parallel_read.h"

namespace kvt::engine {
namespace {

using Clock = std::chrono::steady_clock;

double msSince(Clock::time_point start)
{
    return std::chrono::duration<double, std::milli>(Clock::now() - start).count();
}

std::string extensionOf(const std::string &format)
{
    return format.rfind("csv", 0) == 0 ? ".csv" : format == "azure-diagnostics-json" ? ".jsonl" : ".json";
}

// The baseline the issue names: the file through a pipe, bytes counted, in a shell.
std::optional<double> catBaseline(const std::string &path)
{
    if (path.find('\'') != std::string::npos)
        return std::nullopt;
    const auto start = Clock::now();
    FILE *pipe = ::popen(("cat '" + path + "' | wc -c").c_str(), "r");
    if (!pipe)
        return std::nullopt;
    char sink[64];
    while (std::fgets(sink, sizeof sink, pipe)) { }
    if (::pclose(pipe) != 0)
        return std::nullopt;
    return msSince(start);
}

// Peak resident memory of a child process that loads @p path and exits.
std::uint64_t peakRssOfLoad(const std::string &path, const LoadOptions &options)
{
    const pid_t child = ::fork();
    if (child == 0) {
        const LoadResult r = loadInputs({path}, options);
        ::_exit(r.status == JobStatus::Ok ? 0 : 1);
    }
    if (child < 0)
        return 0;
    int status = 0;
    rusage usage {};
    if (::wait4(child, &status, 0, &usage) != child || !WIFEXITED(status) || WEXITSTATUS(status) != 0)
        return 0;
    return static_cast<std::uint64_t>(usage.ru_maxrss) * 1024; // Linux reports KiB
}

// Time from asking a load to stop (once it has run @p after) to the load returning.
double cancelLatency(const std::string &path, const LoadOptions &options, std::chrono::milliseconds after)
{
    const auto start = Clock::now();
    std::optional<Clock::time_point> asked;
    const LoadResult r = loadInputs({path}, options, [&](std::uint64_t, std::uint64_t) {
        if (!asked && Clock::now() - start >= after)
            asked = Clock::now();
        return !asked;
    });
    if (!asked || r.status != JobStatus::Cancelled)
        return 0; // finished before the cancel: nothing to measure
    return msSince(*asked);
}

} // namespace

bool runIngestBenchmarks(const IngestBenchOptions &options, std::vector<IngestFigure> &figures, std::string &error)
{
    namespace fs = std::filesystem;
    const fs::path dir
        = options.directory.empty() ? fs::temp_directory_path() / "kvtriage-bench" : fs::path(options.directory);
    std::error_code ec;
    fs::create_directories(dir, ec);
    LoadOptions load;
    load.threads = options.threads;
    for (const auto &format : options.formats) {
        IngestFigure f;
        f.format = format;
        f.path = (dir / ("ingest-" + std::to_string(options.records) + "-" + format + extensionOf(format))).string();
        f.threads = options.threads ? options.threads : loaderThreads();
        if (!fs::exists(f.path)) {
            GeneratorOptions g;
            g.records = options.records;
            GenerationSummary summary;
            if (!writeGeneratedExport(g, format, f.path + ".part", summary, error))
                return false;
            fs::rename(f.path + ".part", f.path, ec);
        }
        f.bytes = fs::file_size(f.path, ec);
        f.targetRatio = format == "azure-diagnostics-json" ? 2.5 : 4.0;
        f.targetRssRatio = format == "azure-diagnostics-json" ? 1.3 : 0.0;
        f.milliseconds = f.baselineMilliseconds = 1e300;
        catBaseline(f.path); // warms the page cache
        std::vector<double> paired;
        for (int r = 0; r < options.repetitions; ++r) {
            const auto cat = catBaseline(f.path);
            const auto start = Clock::now();
            const LoadResult result = loadInputs({f.path}, load);
            const double ms = msSince(start);
            f.milliseconds = std::min(f.milliseconds, ms);
            f.records = result.records();
            if (cat) {
                f.baselineMilliseconds = std::min(f.baselineMilliseconds, *cat);
                paired.push_back(ms / *cat);
            }
        }
        if (!paired.empty()) {
            std::nth_element(
                paired.begin(), paired.begin() + static_cast<std::ptrdiff_t>(paired.size() / 2), paired.end());
            f.medianPairedRatio = paired[paired.size() / 2];
        }
        f.peakRssBytes = peakRssOfLoad(f.path, load);
        f.cancelMilliseconds = cancelLatency(f.path, load, std::chrono::milliseconds(150));
        figures.push_back(std::move(f));
    }
    return true;
}

} // namespace kvt::engine
