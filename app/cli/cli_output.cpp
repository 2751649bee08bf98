// SPDX-License-Identifier: MIT
#include "app/cli/cli_output.h"

#include <cstdio>
#include <iostream>

#include <unistd.h>

#include "engine/generate/output_file.h"

namespace kvt::cli {

bool writeOutput(const std::string &path, const std::string &text)
{
    std::string error;
    auto out = engine::OutputFile::open(path.empty() ? "-" : path, error);
    if (!out || !out->write(text) || !out->close(error)) {
        std::cerr << "kvtriage-cli: " << (error.empty() ? path + ": cannot write" : error) << '\n';
        return false;
    }
    return true;
}

engine::ProgressFn terminalProgress(const std::string &label)
{
    if (!::isatty(STDERR_FILENO))
        return {};
    return [label, last = -1](std::uint64_t done, std::uint64_t total) mutable {
        const int pct = total ? static_cast<int>(100.0 * static_cast<double>(done) / static_cast<double>(total)) : 100;
        if (pct != last) {
            last = pct;
            std::fprintf(stderr, "\r%s %3d%%%s", label.c_str(), pct, pct >= 100 ? "\n" : "");
        }
        return true;
    };
}

} // namespace kvt::cli
