// SPDX-License-Identifier: MIT
// KQL `make-series Count=count() on TimeGenerated from A to B step S by Key`, on a Dataset column.
#pragma once

#include <cstdint>
#include <span>
#include <string>
#include <vector>

#include "engine/core/ticks.h"
#include "engine/store/dataset.h"

namespace kvt::engine {

/// Bin starts from + k·step for every k with from + k·step < to (KQL: `to` is exclusive).
struct TimeAxis {
    Ticks from = 0;
    Ticks step = kTicksPerDay;
    std::size_t bins = 0;

    static TimeAxis fromRange(Ticks from, Ticks to, Ticks step);
    Ticks binStart(std::size_t i) const { return from + static_cast<Ticks>(i) * step; }
    Ticks end() const { return binStart(bins); }
    /// Bin of @p t, or -1 when t < from or t >= end().
    std::int64_t binOf(Ticks t) const;
};

/// Per-key count series on one axis: row k holds `counts[k * bins .. k * bins + bins)`.
struct SeriesTable {
    TimeAxis axis;
    std::vector<std::string> keys; ///< sorted ascending (byte order)
    std::vector<double> counts;

    std::span<const double> row(std::size_t k) const { return {counts.data() + k * axis.bins, axis.bins}; }
};

/// Counts rows per value of @p key per bin. Rows outside the axis are ignored; a key with no row
/// inside the axis gets no series (rows whose key is empty are ignored, as the rule drops them).
/// @p rowFilter, when non-empty, selects the rows to count (1 = keep).
SeriesTable makeSeriesCount(
    const Dataset &data, TextField key, const TimeAxis &axis, std::span<const std::uint8_t> rowFilter = {});

} // namespace kvt::engine
