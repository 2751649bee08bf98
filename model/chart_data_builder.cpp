// SPDX-License-Identifier: MIT
#include "model/chart_data_builder.h"

#include <algorithm>

#include "model/text_conversions.h"

namespace kvt::model {

ChartData buildChartData(const engine::SeriesTable &table, const std::vector<int> &rows, const QString &title)
{
    ChartData data;
    data.title = title;
    data.yTitle = QStringLiteral("records per %1")
                      .arg(table.axis.step == engine::kTicksPerDay ? QStringLiteral("day") : QStringLiteral("bin"));
    if (table.axis.bins == 0)
        return data;
    data.xMinMs = ticksToMs(table.axis.binStart(0));
    data.xMaxMs = ticksToMs(table.axis.binStart(table.axis.bins - 1));
    for (const int row : rows) {
        if (row < 0 || static_cast<std::size_t>(row) >= table.keys.size())
            continue;
        ChartLine line;
        line.name = toQString(table.keys[static_cast<std::size_t>(row)]);
        line.colorIndex = static_cast<int>(data.lines.size()); // same order as SeriesListModel::ColorIndexRole
        const auto values = table.row(static_cast<std::size_t>(row));
        line.points.reserve(static_cast<qsizetype>(values.size()));
        for (std::size_t b = 0; b < values.size(); ++b) {
            line.points.append(QPointF(static_cast<double>(ticksToMs(table.axis.binStart(b))), values[b]));
            data.yMax = std::max(data.yMax, values[b]);
        }
        data.lines.append(std::move(line));
    }
    return data;
}

QList<QPointF> decimateMinMax(const QList<QPointF> &points, int maxPoints)
{
    if (maxPoints < 4 || points.size() <= maxPoints)
        return points;
    const qsizetype buckets = maxPoints / 2;
    const double per = static_cast<double>(points.size()) / static_cast<double>(buckets);
    QList<QPointF> out;
    out.reserve(buckets * 2);
    for (qsizetype b = 0; b < buckets; ++b) {
        const auto first = static_cast<qsizetype>(static_cast<double>(b) * per);
        const auto last = std::min(points.size(), static_cast<qsizetype>(static_cast<double>(b + 1) * per));
        qsizetype lo = first, hi = first;
        for (qsizetype i = first; i < last; ++i) {
            if (points[i].y() < points[lo].y())
                lo = i;
            if (points[i].y() > points[hi].y())
                hi = i;
        }
        out.append(points[std::min(lo, hi)]);
        if (lo != hi)
            out.append(points[std::max(lo, hi)]);
    }
    return out;
}

} // namespace kvt::model
