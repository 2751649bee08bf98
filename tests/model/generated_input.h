// SPDX-License-Identifier: MIT
// Generated audit data for the model tests (written per run into a temporary folder, never committed).
#pragma once

#include <QString>
#include <QTemporaryDir>

#include "engine/generate/diagnostic_json_writer.h"
#include "engine/generate/output_file.h"

namespace kvt::test {

/// Writes @p days days of generated traffic of @p keys callers (@p records in all; 0 = the
/// generator's default) as raw JSON Lines into @p dir and returns the file's path.
inline QString writeGenerated(
    QTemporaryDir &dir, int days, int keys, std::uint64_t records, const QString &name = QStringLiteral("gen.jsonl"))
{
    engine::GeneratorOptions o;
    o.days = days;
    o.keys = keys;
    o.records = records;
    const std::string path = dir.filePath(name).toStdString();
    std::string error, text;
    auto out = engine::OutputFile::open(path, error);
    engine::generateAuditEvents(o, [&](std::vector<engine::OwnedEvent> &day) {
        text.clear();
        for (const auto &e : day)
            engine::appendDiagnosticJsonLine(e, text);
        return out->write(text);
    });
    out->close(error);
    return QString::fromStdString(path);
}

} // namespace kvt::test
