// SPDX-License-Identifier: MIT
// The bytes of one input file: memory-mapped when plain, inflated into memory when gzip.
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>

#include "engine/core/issue.h"

namespace kvt::engine {

/// Immutable content of an input file. Record locators point into it, so the drill-down can show
/// a record's original text without keeping a copy per record. Safe to read from any thread.
class SourceBuffer {
public:
    virtual ~SourceBuffer() = default;
    virtual std::string_view bytes() const = 0;
    /// True when the buffer was inflated from gzip.
    virtual bool compressed() const = 0;

    /// Opens @p path (or "-" for standard input). gzip content is recognised by its magic bytes.
    /// @p progress sees compressed bytes consumed while inflating. Returns nullptr and sets
    /// @p error on failure; a cancelled inflate returns nullptr with an empty error. A damaged or
    /// truncated gzip returns what was inflated and sets @p error as a warning (GzipCorrupt,
    /// GzipTruncated).
    static std::shared_ptr<const SourceBuffer> open(
        const std::string &path, Problem &error, const ProgressFn &progress = {});
    /// Wraps bytes already in memory (tests, standard input).
    static std::shared_ptr<const SourceBuffer> fromString(std::string content);
};

/// Maps the pages of @p range in one system call ahead of reading them, instead of taking a page
/// fault per few pages of a memory-mapped file as the parser reaches them. Harmless on other memory.
void prefaultForReading(std::string_view range);

/// Everything on standard input, read to its end.
std::string readStandardInput();

} // namespace kvt::engine
