// SPDX-License-Identifier: MIT
#include "model/heat_strip_builder.h"

#include <algorithm>
#include <cmath>
#include <numeric>

namespace kvt::model {
namespace {

std::vector<HeatStripRow> makeRows(const HeatStripKeys &keys, int maxRows)
{
    const int n = static_cast<int>(keys.series.size());
    const int rowCount = maxRows > 0 ? std::min(n, maxRows) : n;
    std::vector<HeatStripRow> rows(static_cast<std::size_t>(rowCount));
    for (int r = 0; r < rowCount; ++r) {
        HeatStripRow &row = rows[static_cast<std::size_t>(r)];
        row.firstKey = heatStripBucketStart(r, n, rowCount);
        row.keyCount = heatStripBucketStart(r + 1, n, rowCount) - row.firstKey;
        // Keys are ordered most urgent first, so a bucket's first key carries its most urgent status.
        row.status = keys.status[static_cast<std::size_t>(row.firstKey)];
    }
    return rows;
}

// Folds every score of ordered key @p orderedKey into its row's cells. Column c holds the bins
// [bounds[c], bounds[c + 1]); best[c] is the |score| cell c holds (-1: none, or a NaN). The greater
// |score| wins, a rise wins a tie (a rise is what can alert); a NaN compares false with everything,
// so it never replaces a score and fills a cell only until a number comes.
void foldKey(const engine::ScoredSeries &series, int orderedKey, const std::vector<int> &bounds,
    HeatStripCell *rowCells, double *best)
{
    const auto &scores = series.result.scores;
    const auto &flags = series.result.flags;
    const int bins = static_cast<int>(std::min(scores.size(), flags.size()));
    const auto fold = [&](std::size_t c, int b) {
        HeatStripCell &cell = rowCells[c];
        const double score = scores[static_cast<std::size_t>(b)];
        const double magnitude = std::abs(score);
        if (magnitude > best[c] || (magnitude == best[c] && score > cell.score) || cell.key < 0) {
            cell.score = score;
            cell.flag = static_cast<std::int8_t>(flags[static_cast<std::size_t>(b)]);
            cell.key = orderedKey;
            cell.bin = b;
            best[c] = std::isnan(magnitude) ? -1.0 : magnitude;
        }
    };
    const std::size_t columns = bounds.size() - 1;
    if (columns == static_cast<std::size_t>(bins)) { // one bin a column, the common case: no bounds
        for (int b = 0; b < bins; ++b)
            fold(static_cast<std::size_t>(b), b);
        return;
    }
    for (std::size_t c = 0; c < columns; ++c)
        for (int b = bounds[c], end = std::min(bounds[c + 1], bins); b < end; ++b)
            fold(c, b);
}

} // namespace

int heatStripBucketStart(int bucket, int count, int parts)
{
    return static_cast<int>(static_cast<std::int64_t>(bucket) * count / parts);
}

int heatStripBucketOf(int item, int count, int parts)
{
    // The greatest b with floor(b * count / parts) <= item, i.e. ceil((item + 1) * parts / count) - 1.
    return static_cast<int>((static_cast<std::int64_t>(item + 1) * parts + count - 1) / count) - 1;
}

int heatStripShade(double score, int flag, double threshold)
{
    if (std::isnan(score))
        return 0;
    const int sign = score < 0 ? -1 : 1;
    // Saturation jumps rather than fades in, so a flagged cell stands apart from one just under.
    if (flag != 0 || (threshold > 0 && std::abs(score) > threshold) || std::isinf(score))
        return sign * (kHeatStripLevels + 1);
    if (threshold <= 0)
        return 0;
    return sign * static_cast<int>(std::lround(std::abs(score) / threshold * kHeatStripLevels));
}

int HeatStripData::columnOfBin(int bin) const
{
    const int bins = static_cast<int>(axis.bins);
    return bin >= 0 && bin < bins && columns > 0 ? heatStripBucketOf(bin, bins, columns) : -1;
}

int HeatStripData::firstBin(int column) const
{
    return columns > 0 ? heatStripBucketStart(column, static_cast<int>(axis.bins), columns) : 0;
}

const HeatStripCell &HeatStripData::cell(int row, int column) const
{
    return cells[static_cast<std::size_t>(row) * static_cast<std::size_t>(columns) + static_cast<std::size_t>(column)];
}

int HeatStripData::rowOfKey(int orderedKey) const
{
    if (orderedKey < 0 || orderedKey >= keyCount() || rows.empty())
        return -1;
    // Rows hold consecutive keys in order: the last row that starts at or before the key holds it.
    const auto it = std::upper_bound(
        rows.begin(), rows.end(), orderedKey, [](int key, const HeatStripRow &row) { return key < row.firstKey; });
    return static_cast<int>(it - rows.begin()) - 1;
}

HeatStripKeys orderHeatStripKeys(const std::vector<engine::KeySummary> &summaries)
{
    std::vector<std::size_t> order(summaries.size());
    std::iota(order.begin(), order.end(), std::size_t {0});
    std::sort(order.begin(), order.end(), [&summaries](std::size_t a, std::size_t b) {
        const engine::KeySummary &x = summaries[a], &y = summaries[b];
        if (x.status != y.status)
            return x.status < y.status;
        // Max score descending, a NaN last (NaNs tie with each other, so the order stays strict weak).
        const bool nanX = std::isnan(x.maxScore), nanY = std::isnan(y.maxScore);
        if (nanX != nanY)
            return nanY;
        if (!nanX && x.maxScore != y.maxScore)
            return x.maxScore > y.maxScore;
        return x.series < y.series; // then the series order (sorted by key)
    });
    HeatStripKeys keys;
    keys.series.reserve(order.size());
    keys.status.reserve(order.size());
    for (const std::size_t i : order) {
        keys.series.push_back(summaries[i].series);
        keys.status.push_back(summaries[i].status);
    }
    return keys;
}

HeatStripKeys orderHeatStripKeys(const engine::SentinelResult &result)
{
    return orderHeatStripKeys(engine::summarizeKeys(result));
}

HeatStripData buildHeatStrip(
    const engine::SentinelResult &result, const HeatStripKeys &keys, int maxRows, int maxColumns)
{
    HeatStripData data;
    data.axis = result.axis;
    data.threshold = result.params.scoreThreshold;
    data.keys = keys;
    const int bins = static_cast<int>(result.axis.bins);
    data.columns = maxColumns > 0 ? std::min(bins, maxColumns) : bins;
    data.rows = makeRows(keys, maxRows);
    data.cells.assign(data.rows.size() * static_cast<std::size_t>(data.columns), HeatStripCell {});
    // Column bounds once, not per key: 10,000 keys × 90 bins is 900,000 folds on the GUI thread.
    std::vector<int> bounds(static_cast<std::size_t>(data.columns) + 1);
    for (int c = 0; c <= data.columns; ++c)
        bounds[static_cast<std::size_t>(c)] = data.firstBin(c);
    std::vector<double> best;
    for (std::size_t r = 0; r < data.rows.size(); ++r) {
        HeatStripCell *rowCells = data.cells.data() + r * static_cast<std::size_t>(data.columns);
        best.assign(static_cast<std::size_t>(data.columns), -1.0);
        const HeatStripRow &row = data.rows[r];
        for (int k = row.firstKey; k < row.firstKey + row.keyCount; ++k) {
            const std::size_t series = keys.series[static_cast<std::size_t>(k)];
            if (series < result.series.size())
                foldKey(result.series[series], k, bounds, rowCells, best.data());
        }
    }
    return data;
}

HeatStripData buildHeatStrip(const engine::SentinelResult &result, int maxRows, int maxColumns)
{
    return buildHeatStrip(result, orderHeatStripKeys(result), maxRows, maxColumns);
}

QString heatStripKeyName(const engine::SentinelResult &result, const HeatStripData &data, int orderedKey)
{
    if (orderedKey < 0 || orderedKey >= data.keyCount())
        return {};
    const std::size_t series = data.keys.series[static_cast<std::size_t>(orderedKey)];
    return series < result.series.size() ? QString::fromStdString(result.series[series].key) : QString();
}

} // namespace kvt::model
