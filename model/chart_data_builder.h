// SPDX-License-Identifier: MIT
// Pure function from engine series to what a chart draws (no QtCharts here, so it is unit-testable).
#pragma once

#include <QList>
#include <QPointF>
#include <QString>
#include <QStringList>

#include <vector>

#include "engine/series/make_series.h"

namespace kvt::model {

/// One plotted line: x in milliseconds since the epoch (UTC bin start), y the bin's value.
struct ChartLine {
    QString name;
    QString key; ///< the series key it belongs to (empty for the overview)
    int colorIndex = 0;
    QList<QPointF> points;
    QStringList tips; ///< per point (same size as points, or empty): the exact values, for hover
};

/// An anomaly marker. Never decimated away.
struct ChartMarker {
    QPointF point; ///< x ms, y count
    int flag = 0; ///< +1 rise, -1 drop
    bool alerted = false; ///< filled when the point alerts; hollow when a filter or the join dropped it
    int colorIndex = 0;
    QString key;
    QString tip;
};

/// A shaded time range behind the lines.
struct ChartBand {
    enum class Kind { AlertWindow, EvaluatedBin };
    Kind kind = Kind::AlertWindow;
    qint64 fromMs = 0;
    qint64 toMs = 0;
    QString label;
};

struct ChartData {
    QString title;
    QString xTitle = QStringLiteral("UTC day");
    QString yTitle;
    QList<ChartLine> lines;
    QList<ChartLine> baselines; ///< the rule's baseline per key, drawn dashed in the key's colour
    QList<ChartLine> scores; ///< per key, on a secondary axis (empty unless asked for)
    QList<ChartMarker> markers;
    QList<ChartBand> bands;
    double threshold = 0; ///< ±threshold band on the score axis (when scores are shown)
    qint64 stepMs = 86'400'000; ///< bin length: the time axis labels follow it
    qint64 xMinMs = 0; ///< first bin start
    qint64 xMaxMs = 0; ///< last bin start (equal to xMinMs for a single bin)
    double yMax = 0; ///< largest plotted value (0 when nothing is plotted)
    double scoreMin = 0, scoreMax = 0;
    QString emptyText; ///< what the chart says when there is nothing to draw

    bool isEmpty() const { return lines.isEmpty(); }
};

/// Min/max decimation: at most about @p maxPoints points, keeping each bucket's extremes in
/// time order, so a spike survives. Shorter input is returned as is.
QList<QPointF> decimateMinMax(const QList<QPointF> &points, int maxPoints);

/// Lines for @p rows of @p table (in the given order); rows out of range are skipped. Line i gets
/// colour index i, matching SeriesListModel::ColorIndexRole when @p rows are its checked rows.
ChartData buildChartData(const engine::SeriesTable &table, const std::vector<int> &rows, const QString &title);

} // namespace kvt::model
