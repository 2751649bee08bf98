// SPDX-License-Identifier: MIT
// Generated traffic written straight to a file in any export format (`generate`, `bench ingest`).
#pragma once

#include <string>

#include "engine/generate/generator.h"

namespace kvt::engine {

/// Generates @p options' events and writes them to @p path (".gz": compressed) in @p format (a name
/// from exportWriterFormats()). False with @p error when the format is unknown or writing fails.
bool writeGeneratedExport(const GeneratorOptions &options, const std::string &format, const std::string &path,
    GenerationSummary &summary, std::string &error);

} // namespace kvt::engine
