// SPDX-License-Identifier: MIT
// Pure function from engine series to what a chart draws (no QtCharts here, so it is unit-testable).
#pragma once

#include <QList>
#include <QPointF>
#include <QString>

#include <vector>

#include "engine/series/make_series.h"

namespace kvt::model {

/// One plotted line: x in milliseconds since the epoch (UTC bin start), y the bin's count.
struct ChartLine {
    QString name;
    int colorIndex = 0;
    QList<QPointF> points;
};

struct ChartData {
    QString title;
    QString yTitle;
    QList<ChartLine> lines;
    qint64 xMinMs = 0; ///< first bin start
    qint64 xMaxMs = 0; ///< last bin start (equal to xMinMs for a single bin)
    double yMax = 0; ///< largest plotted value (0 when nothing is plotted)

    bool isEmpty() const { return lines.isEmpty(); }
};

/// Lines for @p rows of @p table (in the given order); rows out of range are skipped. Line i gets
/// colour index i, matching SeriesListModel::ColorIndexRole when @p rows are its checked rows.
ChartData buildChartData(const engine::SeriesTable &table, const std::vector<int> &rows, const QString &title);

} // namespace kvt::model
