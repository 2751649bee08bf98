// SPDX-License-Identifier: MIT
// KQL `make-series Count=count() on TimeGenerated from A to B step S by Key`, on plain arrays: a
// time and a key id per row. Binning a Dataset column is the rules' business (engine/rules/series_binning.h).
#pragma once

#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "engine/core/ticks.h"

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

/// Counts rows per key per bin. Row r has time @p times[r] and key id @p keyIds[r]; @p keyNames[id]
/// is the key's text (ids index it densely). Id 0 stands for "no key" and is never counted, as the
/// rule drops empty keys; an empty @p keyIds means no row has a key. Rows outside the axis are
/// ignored, and a key with no row inside the axis gets no series. @p rowFilter, when non-empty,
/// selects the rows to count (1 = keep).
SeriesTable makeSeriesCount(std::span<const Ticks> times, std::span<const std::uint32_t> keyIds,
    std::span<const std::string_view> keyNames, const TimeAxis &axis, std::span<const std::uint8_t> rowFilter = {});

} // namespace kvt::engine
