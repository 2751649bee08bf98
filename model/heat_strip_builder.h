// SPDX-License-Identifier: MIT
// What the heat strip (the overview of all keys) draws: keys by bins, each cell a score, most urgent
// keys on top, aggregated to the pixel rows there are. Pure, QtCore only.
#pragma once

#include <QString>

#include <cstdint>
#include <vector>

#include "engine/rules/key_summary.h"
#include "engine/rules/sentinel_rule.h"

namespace kvt::model {

/// Every key of a Sentinel result, most urgent first: the status order of engine::summarizeKeys
/// (alerting, silenced by the join, dropped by the baseline, flagged outside the window, quiet),
/// then the max score descending (a NaN last), then the series order. Depends on the result only, so a view
/// computes it once per result and reuses it on every resize.
struct HeatStripKeys {
    std::vector<std::size_t> series; ///< per ordered key: index into SentinelResult::series
    std::vector<engine::KeyStatus> status; ///< per ordered key
};

HeatStripKeys orderHeatStripKeys(const engine::SentinelResult &result);
/// The same from the result's summaries (engine::summarizeKeys, in any order) when the caller has
/// them already: the keys list computes them for every result.
HeatStripKeys orderHeatStripKeys(const std::vector<engine::KeySummary> &summaries);

/// One cell: the score of a bin, or of the most extreme bin of the keys (and bins) it holds.
struct HeatStripCell {
    double score = 0; ///< signed; the cell of greatest |score| wins an aggregate, a rise wins a tie
    std::int8_t flag = 0; ///< that cell's flag: +1 rise, -1 drop, 0 none
    std::int32_t key = -1; ///< ordered key index that holds the score (-1: no cell)
    std::int32_t bin = -1; ///< the bin (index on the axis) that holds it
};

/// One row of the strip: one key, or a bucket of consecutive ordered keys when there are more keys
/// than pixel rows.
struct HeatStripRow {
    int firstKey = 0; ///< ordered key index of the row's first key
    int keyCount = 1; ///< the row holds ordered keys [firstKey, firstKey + keyCount)
    engine::KeyStatus status = engine::KeyStatus::Quiet; ///< the most urgent status of its keys
};

/// The strip for one result and one size: rows by columns of cells, row-major. Columns are bins,
/// or buckets of consecutive bins when there are more bins than pixel columns.
struct HeatStripData {
    engine::TimeAxis axis; ///< the result's axis (UTC ticks)
    double threshold = 0; ///< the score threshold the result was flagged with
    HeatStripKeys keys;
    std::vector<HeatStripRow> rows;
    std::vector<HeatStripCell> cells; ///< rows.size() × columnCount(), row-major
    int columns = 0; ///< column c holds bins [firstBin(c), firstBin(c + 1))

    int rowCount() const { return static_cast<int>(rows.size()); }
    int columnCount() const { return columns; }
    int keyCount() const { return static_cast<int>(keys.series.size()); }
    const HeatStripCell &cell(int row, int column) const;
    /// First bin of column @p column; firstBin(columnCount()) is the number of bins.
    int firstBin(int column) const;
    /// Row that holds ordered key @p orderedKey, or -1.
    int rowOfKey(int orderedKey) const;
    /// Column that holds bin @p bin (an index on the axis), or -1.
    int columnOfBin(int bin) const;
};

/// Builds the strip of @p result in the key order @p keys (from orderHeatStripKeys of the same
/// result) for at most @p maxRows rows and @p maxColumns columns (pixels; ≤ 0: no limit). A bucket
/// keeps its most extreme cell, so an outlier never disappears when keys or bins are merged.
HeatStripData buildHeatStrip(
    const engine::SentinelResult &result, const HeatStripKeys &keys, int maxRows, int maxColumns = 0);

/// Convenience: orders the keys and builds in one call.
HeatStripData buildHeatStrip(const engine::SentinelResult &result, int maxRows, int maxColumns = 0);

/// The diverging scale the strip is coloured by, as a shade index (the ui maps it to colours, so
/// the model needs no QtGui): 0 is neutral (also a NaN: no score); ±1 .. ±kHeatStripLevels shade
/// towards ±threshold (rises positive, drops negative); ±(kHeatStripLevels + 1) is saturated: beyond
/// the threshold, where the rule flags. Quantised, so neighbouring cells of one shade are one fill.
inline constexpr int kHeatStripLevels = 32;
int heatStripShade(double score, int flag, double threshold);

/// Item positions of @p count items (keys, bins, pixels) split into @p parts consecutive buckets
/// whose sizes differ by at most one: bucket b starts at floor(b * count / parts), so every pixel
/// row is used and none is empty.
int heatStripBucketStart(int bucket, int count, int parts);
/// The bucket that holds item @p item (the last one starting at or before it).
int heatStripBucketOf(int item, int count, int parts);

/// The key of ordered key @p orderedKey as text (empty when out of range).
QString heatStripKeyName(const engine::SentinelResult &result, const HeatStripData &data, int orderedKey);

} // namespace kvt::model
