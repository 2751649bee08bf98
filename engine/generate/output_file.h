// SPDX-License-Identifier: MIT
// A write-only file that gzips itself when its name ends in ".gz"; "-" is standard output.
#pragma once

#include <memory>
#include <string>
#include <string_view>

namespace kvt::engine {

class OutputFile {
public:
    /// Opens @p path for writing; returns nullptr and sets @p error when it cannot.
    static std::unique_ptr<OutputFile> open(const std::string &path, std::string &error);
    virtual ~OutputFile() = default;
    virtual bool write(std::string_view bytes) = 0;
    /// Flushes and closes; false with @p error when data could not be written.
    virtual bool close(std::string &error) = 0;
};

} // namespace kvt::engine
