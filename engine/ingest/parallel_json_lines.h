// SPDX-License-Identifier: MIT
// Raw diagnostic JSON Lines on several threads: the big-file path of the loader.
#pragma once

#include "ingest/diagnostic_json_reader.h"

namespace kvt::engine {

/// Cuts @p bytes at line boundaries into @p threads parts, parses each on its own thread into its
/// own Dataset, then appends the parts to @p out in file order (same records, order, line numbers
/// and locators as the one-thread reader). Small inputs are read on the calling thread.
ReadOutcome readDiagnosticJsonParallel(std::string_view bytes, const ReadContext &ctx, Dataset &out, unsigned threads);

/// Threads the loader uses: the machine's, at most 4.
unsigned loaderThreads();

} // namespace kvt::engine
