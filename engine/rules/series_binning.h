// SPDX-License-Identifier: MIT
// The rule's make-series over the store: one Dataset column as the series key. The rules know the
// store; engine/series does the counting on plain arrays.
#pragma once

#include <cstdint>
#include <span>

#include "engine/series/make_series.h"
#include "engine/store/dataset.h"

namespace kvt::engine {

/// `make-series count() on TimeGenerated ... by key` over @p data: counts rows per value of @p key
/// per bin of @p axis. Rows outside the axis and rows whose key is empty are ignored; @p rowFilter,
/// when non-empty, selects the rows to count (1 = keep, one entry per row).
SeriesTable makeDatasetSeries(
    const Dataset &data, TextField key, const TimeAxis &axis, std::span<const std::uint8_t> rowFilter = {});

} // namespace kvt::engine
