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

// The files of one load and their sizes on disk, which progress runs over.
struct LoadPlan {
    std::vector<InputFile> files;
    std::vector<std::uint64_t> sizes; ///< at least 1 each, so every file moves the progress
    std::uint64_t total = 0;
};

// Where one file's share of the load's progress lies.
struct FileSpan {
    std::uint64_t base = 0;
    std::uint64_t size = 0;
};

// What became of one file: read (its report is complete), reported (it could not be read and its
// report says why) or cancelled.
enum class FileStep { Read, Reported, Cancelled };

void setError(FileReport &report, Problem &&problem)
{
    report.error = std::move(problem.message);
    report.errorCode = problem.code;
}

// Step "expand inputs": folders walked, missing inputs reported, sizes taken.
LoadPlan planLoad(const std::vector<std::string> &inputs, std::vector<FileReport> &reports)
{
    LoadPlan plan;
    std::vector<std::string> missing;
    plan.files = expandInputs(inputs, missing);
    for (const auto &m : missing) {
        FileReport report;
        report.path = m;
        report.format = "unknown";
        report.error = m + ": no such file or folder";
        report.errorCode = IssueCode::FileNotFound;
        reports.push_back(std::move(report));
    }
    for (const auto &f : plan.files)
        plan.total += plan.sizes.emplace_back(std::max<std::uint64_t>(sizeOnDisk(f.path), 1));
    return plan;
}

// Step "open/inflate": maps or inflates the file. A truncated gzip keeps what was inflated and
// says so in the report.
FileStep openSource(const std::string &path, const FileSpan &span, const ProgressScale &scale, FileReport &report,
    std::shared_ptr<const SourceBuffer> &buffer)
{
    Problem error;
    // gzip files spend about half their time inflating, half parsing.
    buffer = SourceBuffer::open(path, error, scale.slice(span.base, span.size / 2));
    if (!buffer && error.empty())
        return FileStep::Cancelled;
    if (!error.empty())
        setError(report, std::move(error));
    if (!buffer) {
        report.format = "unknown";
        return FileStep::Reported;
    }
    report.compressed = buffer->compressed();
    return FileStep::Read;
}

// Step "sniff": the format from the content, unless the options force one or give the names of a
// header the file lacks. An unrecognised file is reported (skipped when a folder walk found it).
SniffResult sniffSource(std::string_view bytes, const LoadOptions &options, const InputFile &file, FileReport &report)
{
    SniffResult sniff = sniffFormat(bytes);
    if (options.forcedFormat)
        sniff.format = *options.forcedFormat;
    else if (sniff.format == InputFormat::Unknown && !options.csv.columns.empty())
        sniff.format = InputFormat::CsvHeaderless; // names given for a file without a header
    report.format = std::string(formatName(sniff.format));
    if (sniff.format == InputFormat::Unknown) {
        setError(report, {sniff.problem, file.path + ": " + sniff.reason});
        report.skipped = file.fromFolder;
    } else if (sniff.format == InputFormat::AzureDiagnosticsJson) {
        report.layout = std::string(layoutName(sniff.layout));
    }
    return sniff;
}

// Steps "choose reader" and "read": one reader per format family. False when no reader can take
// the file (a header-less CSV without column names), with the report saying why.
bool readSource(const SniffResult &sniff, std::string_view bytes, const LoadOptions &options, const ReadContext &ctx,
    Dataset &dataset, FileReport &report, ReadOutcome &outcome)
{
    if (sniff.format == InputFormat::AzureDiagnosticsJson && sniff.layout == JsonLayout::JsonLines) {
        outcome = readDiagnosticJson(bytes, ctx, dataset);
    } else if (sniff.format == InputFormat::Csv || sniff.format == InputFormat::CsvHeaderless) {
        CsvOptions csv = options.csv;
        if (sniff.format == InputFormat::Csv) {
            csv.columns.clear();
        } else if (csv.columns.empty()) {
            setError(report,
                {IssueCode::CsvColumnsNeeded,
                    report.path + ": a CSV file without a header needs the column names (--columns)"});
            return false;
        }
        outcome = readCsv(bytes, csv, ctx, dataset);
    } else {
        outcome = readJsonExport(bytes, sniff.shape, ctx, dataset); // includes the records envelope
    }
    return true;
}

// Step "record the report": what the reader found goes into the file's report.
void recordOutcome(ReadOutcome &&outcome, FileReport &report)
{
    report.records = outcome.records;
    report.rejected = outcome.rejected;
    report.issues = std::move(outcome.issues);
    report.columns = std::move(outcome.columns);
}

// One file through every step, into @p dataset.
FileStep loadFile(const InputFile &file, const FileSpan &span, const LoadOptions &options, const ProgressScale &scale,
    Dataset &dataset, FileReport &report)
{
    report.path = file.path;
    report.bytes = sizeOnDisk(file.path);
    std::shared_ptr<const SourceBuffer> buffer;
    if (const FileStep opened = openSource(file.path, span, scale, report, buffer); opened != FileStep::Read)
        return opened;
    const SniffResult sniff = sniffSource(buffer->bytes(), options, file, report);
    if (sniff.format == InputFormat::Unknown)
        return FileStep::Reported;
    const std::uint64_t inflateSpan = report.compressed ? span.size / 2 : 0;
    const std::uint32_t source = dataset.addSource(SourceFile {file.path, report.format, buffer});
    const ReadContext ctx {file.path, source, options.maxIssuesPerFile,
        scale.slice(span.base + inflateSpan, span.size - inflateSpan),
        options.threads ? options.threads : loaderThreads(), options.minPartBytes};
    ReadOutcome outcome;
    if (!readSource(sniff, buffer->bytes(), options, ctx, dataset, report, outcome))
        return FileStep::Reported;
    if (outcome.cancelled)
        return FileStep::Cancelled;
    recordOutcome(std::move(outcome), report);
    return FileStep::Read;
}

} // namespace

LoadResult loadInputs(const std::vector<std::string> &inputs, const LoadOptions &options, const ProgressFn &progress)
{
    LoadResult result;
    const LoadPlan plan = planLoad(inputs, result.files);
    const ProgressScale scale(progress, plan.total);
    auto dataset = std::make_shared<Dataset>();
    std::uint64_t base = 0;
    for (std::size_t i = 0; i < plan.files.size(); ++i) {
        FileReport report;
        const FileStep step = loadFile(plan.files[i], {base, plan.sizes[i]}, options, scale, *dataset, report);
        if (step == FileStep::Cancelled) {
            result.status = JobStatus::Cancelled;
            return result;
        }
        result.files.push_back(std::move(report));
        base += plan.sizes[i];
        // Only a file that was read reports its end: one that failed early has nothing to add.
        if (step == FileStep::Read && !scale.report(base)) {
            result.status = JobStatus::Cancelled;
            return result;
        }
    }
    result.dataset = std::move(dataset);
    return result;
}

} // namespace kvt::engine
