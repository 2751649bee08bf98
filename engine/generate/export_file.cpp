// SPDX-License-Identifier: MIT
#include "engine/generate/export_file.h"

#include "engine/generate/export_writers.h"
#include "engine/generate/output_file.h"

namespace kvt::engine {

bool writeGeneratedExport(const GeneratorOptions &options, const std::string &format, const std::string &path,
    GenerationSummary &summary, std::string &error)
{
    const auto writer = makeExportWriter(format);
    if (!writer) {
        error = "'" + format + "' is not an export format";
        return false;
    }
    const auto out = OutputFile::open(path, error);
    if (!out)
        return false;
    std::string buffer;
    writer->begin(buffer);
    bool writeOk = true;
    summary = generateAuditEvents(options, [&](std::vector<OwnedEvent> &day) {
        for (const auto &e : day)
            writer->write(e, buffer);
        writeOk = out->write(buffer);
        buffer.clear();
        return writeOk;
    });
    writer->end(buffer);
    writeOk = writeOk && out->write(buffer);
    if (!writeOk || !out->close(error)) {
        if (error.empty())
            error = path + ": cannot write";
        return false;
    }
    return true;
}

} // namespace kvt::engine
