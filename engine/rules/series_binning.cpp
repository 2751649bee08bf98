// SPDX-License-Identifier: MIT
#include "engine/rules/series_binning.h"

namespace kvt::engine {

SeriesTable makeDatasetSeries(
    const Dataset &data, TextField key, const TimeAxis &axis, std::span<const std::uint8_t> rowFilter)
{
    // Interned ids are dense and 0 is the empty string: exactly the key ids the counting expects.
    return makeSeriesCount(data.times(), data.column(key), data.pool(key).views(), axis, rowFilter);
}

} // namespace kvt::engine
