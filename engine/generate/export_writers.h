// SPDX-License-Identifier: MIT
// Writers for every export format the loader reads, so each loader is tested by round trip:
// generate, write, load, compare every canonical field (issue 4).
#pragma once

#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "engine/generate/generator.h"

namespace kvt::engine {

/// Streams events into one export file's text: begin(), write() per event, end().
class ExportWriter {
public:
    virtual ~ExportWriter() = default;
    virtual void begin(std::string &) { }
    virtual void write(const OwnedEvent &event, std::string &out) = 0;
    virtual void end(std::string &) { }
};

/// The writer for @p format, or nullptr when there is none.
std::unique_ptr<ExportWriter> makeExportWriter(std::string_view format);

/// The columns, in order, of the CSV writers (what `--columns` names for csv-headerless).
std::vector<std::string> csvColumnNames();

/// Every format name makeExportWriter accepts.
const std::vector<std::string> &exportWriterFormats();

} // namespace kvt::engine
