// SPDX-License-Identifier: MIT
#include "engine/ingest/loader.h"

#include <algorithm>
#include <filesystem>
#include <system_error>

#include "engine/ingest/diagnostic_json_reader.h"
#include "engine/ingest/json_export_reader.h"
#include "engine/ingest/parallel_read.h"

namespace kvt::engine {

namespace fs = std::filesystem;

std::uint64_t LoadResult::records() const
{
    std::uint64_t n = 0;
    for (const auto &f : files)
        n += f.records;
    return n;
}

std::uint64_t LoadResult::rejected() const
{
    std::uint64_t n = 0;
    for (const auto &f : files)
        n += f.rejected;
    return n;
}

std::vector<InputFile> expandInputs(const std::vector<std::string> &inputs, std::vector<std::string> &missing)
{
    std::vector<InputFile> files;
    for (const auto &input : inputs) {
        std::error_code ec;
        if (input == "-") {
            files.push_back({input, false});
        } else if (fs::is_directory(input, ec)) {
            std::vector<std::string> found;
            for (fs::recursive_directory_iterator it(input, fs::directory_options::skip_permission_denied, ec), end;
                 !ec && it != end; it.increment(ec)) {
                if (it->is_regular_file(ec))
                    found.push_back(it->path().string());
            }
            std::sort(found.begin(), found.end());
            for (auto &f : found)
                files.push_back({std::move(f), true});
        } else if (fs::exists(input, ec)) {
            files.push_back({input, false});
        } else {
            missing.push_back(input);
        }
    }
    return files;
}

namespace {

std::uint64_t sizeOnDisk(const std::string &path)
{
    std::error_code ec;
    const auto size = path == "-" ? 0 : fs::file_size(path, ec);
    return ec ? 0 : static_cast<std::uint64_t>(size);
}

// Maps a file-local progress fraction onto the whole load's byte range.
class ProgressScale {
public:
    ProgressScale(const ProgressFn &outer, std::uint64_t total) : m_outer(outer), m_total(total) { }
    ProgressFn slice(std::uint64_t base, std::uint64_t span) const
    {
        if (!m_outer)
            return {};
        return [this, base, span](std::uint64_t done, std::uint64_t total) {
            const double fraction = total ? static_cast<double>(done) / static_cast<double>(total) : 1.0;
            return m_outer(base + static_cast<std::uint64_t>(fraction * static_cast<double>(span)), m_total);
        };
    }
    bool report(std::uint64_t done) const { return !m_outer || m_outer(done, m_total); }

private:
    const ProgressFn &m_outer;
    std::uint64_t m_total;
};

} // namespace

LoadResult loadInputs(const std::vector<std::string> &inputs, const LoadOptions &options, const ProgressFn &progress)
{
    LoadResult result;
    std::vector<std::string> missing;
    const std::vector<InputFile> files = expandInputs(inputs, missing);
    for (const auto &m : missing) {
        FileReport report;
        report.path = m;
        report.format = "unknown";
        report.error = m + ": no such file or folder";
        result.files.push_back(std::move(report));
    }

    std::vector<std::uint64_t> sizes;
    std::uint64_t total = 0;
    for (const auto &f : files)
        total += sizes.emplace_back(std::max<std::uint64_t>(sizeOnDisk(f.path), 1));
    const ProgressScale scale(progress, total);

    auto dataset = std::make_shared<Dataset>();
    std::uint64_t base = 0;
    for (std::size_t i = 0; i < files.size(); ++i) {
        const std::string &path = files[i].path;
        FileReport report;
        report.path = path;
        report.bytes = sizeOnDisk(path);
        std::string error;
        bool cancelled = false;
        // gzip files spend about half their time inflating, half parsing.
        const auto inflateSpan = sizes[i] / 2;
        auto buffer = SourceBuffer::open(path, error, scale.slice(base, inflateSpan));
        if (!buffer) {
            if (error.empty()) {
                cancelled = true;
            } else {
                report.format = "unknown";
                report.error = error;
                result.files.push_back(std::move(report));
                base += sizes[i];
                continue;
            }
        }
        if (cancelled) {
            result.status = JobStatus::Cancelled;
            return result;
        }
        report.error = error; // e.g. truncated gzip: what was inflated still loads
        report.compressed = buffer->compressed();
        const std::uint64_t parseBase = report.compressed ? base + inflateSpan : base;
        const std::uint64_t parseSpan = report.compressed ? sizes[i] - inflateSpan : sizes[i];

        SniffResult sniff = sniffFormat(buffer->bytes());
        if (options.forcedFormat)
            sniff.format = *options.forcedFormat;
        else if (sniff.format == InputFormat::Unknown && !options.csv.columns.empty())
            sniff.format = InputFormat::CsvHeaderless; // names given for a file without a header
        report.format = std::string(formatName(sniff.format));
        if (sniff.format == InputFormat::Unknown) {
            report.error = path + ": " + sniff.reason;
            report.skipped = files[i].fromFolder;
            result.files.push_back(std::move(report));
            base += sizes[i];
            continue;
        }
        if (sniff.format == InputFormat::AzureDiagnosticsJson)
            report.layout = std::string(layoutName(sniff.layout));
        const std::uint32_t source = dataset->addSource(SourceFile {path, report.format, buffer});
        const ReadContext ctx {path, source, options.maxIssuesPerFile, scale.slice(parseBase, parseSpan),
            options.threads ? options.threads : loaderThreads(), options.minPartBytes};
        ReadOutcome outcome;
        if (sniff.format == InputFormat::AzureDiagnosticsJson && sniff.layout == JsonLayout::JsonLines) {
            outcome = readDiagnosticJson(buffer->bytes(), ctx, *dataset);
        } else if (sniff.format == InputFormat::Csv || sniff.format == InputFormat::CsvHeaderless) {
            CsvOptions csv = options.csv;
            if (sniff.format == InputFormat::Csv)
                csv.columns.clear();
            else if (csv.columns.empty()) {
                report.error = path + ": a CSV file without a header needs the column names (--columns)";
                result.files.push_back(std::move(report));
                base += sizes[i];
                continue;
            }
            outcome = readCsv(buffer->bytes(), csv, ctx, *dataset);
        } else {
            outcome = readJsonExport(buffer->bytes(), sniff.shape, ctx, *dataset); // includes the records envelope
        }
        if (outcome.cancelled) {
            result.status = JobStatus::Cancelled;
            return result;
        }
        report.records = outcome.records;
        report.rejected = outcome.rejected;
        report.issues = std::move(outcome.issues);
        report.columns = std::move(outcome.columns);
        result.files.push_back(std::move(report));
        base += sizes[i];
        if (!scale.report(base)) {
            result.status = JobStatus::Cancelled;
            return result;
        }
    }
    result.dataset = std::move(dataset);
    return result;
}

} // namespace kvt::engine
