// SPDX-License-Identifier: MIT
// Thin adapter over QtCharts: applies a ChartData with bulk replace() calls, shows exact values on
// hover and turns clicks into typed signals.
#pragma once

#include <QWidget>

#include "model/chart_data_builder.h"

QT_BEGIN_NAMESPACE
class QAbstractSeries;
class QChart;
class QChartView;
class QDateTimeAxis;
class QLineSeries;
class QScatterSeries;
class QValueAxis;
class QLabel;
QT_END_NAMESPACE

namespace kvt::ui {

/// Draws count lines (plus, when the data carry them, dashed baselines, anomaly markers, shaded
/// bands and a score axis) over a UTC time axis. Holds no data of its own beyond what QtCharts keeps
/// and the hover tips; every update comes as a whole ChartData. Zoom: drag a range, the wheel, or
/// + / - / arrows / 0 (reset). GUI thread only.
class TimeSeriesChart : public QWidget {
    Q_OBJECT
public:
    explicit TimeSeriesChart(QWidget *parent = nullptr);

    void setChartData(const model::ChartData &chartData);

    // Inspection for tests.
    int lineCount() const;
    int pointCount(int line) const;
    QString lineName(int line) const;
    int baselineCount() const { return static_cast<int>(m_baselines.size()); }
    int markerCount(bool filled) const;
    int bandCount() const { return m_bandCount; }
    bool showsScores() const { return m_scoreAxis != nullptr; }
    bool isDark() const;
    QPair<qint64, qint64> xRangeMs() const;
    double yMax() const;
    QChart *chart() const { return m_chart; }

    /// What a click at data point @p value (x in ms) on the line of @p key activates; public so
    /// tests call it without synthetic mouse coordinates.
    void activatePoint(const QString &key, QPointF value);

Q_SIGNALS:
    /// A point or marker of @p key was clicked: @p binMs is the start of its bin (ms since epoch).
    void pointActivated(const QString &key, qint64 binMs);

protected:
    void keyPressEvent(QKeyEvent *event) override;
    void changeEvent(QEvent *event) override;

private:
    void addLine(const model::ChartLine &line, bool dashed);
    void addMarkers(const model::ChartData &chartData);
    void addBands(const model::ChartData &chartData, double top);
    void addScores(const model::ChartData &chartData);
    void attach(QAbstractSeries *series, QValueAxis *y);
    void showTip(const QString &key, QPointF value, bool state);
    bool applyTheme();

    QChart *m_chart;
    QChartView *m_view;
    QDateTimeAxis *m_xAxis;
    QValueAxis *m_yAxis;
    QValueAxis *m_scoreAxis = nullptr;
    QLabel *m_placeholder;
    QList<QLineSeries *> m_lines;
    QList<QLineSeries *> m_baselines;
    QList<QScatterSeries *> m_markers; ///< [0] filled rises, [1] hollow rises, [2] drops
    int m_bandCount = 0;
    qint64 m_stepMs = 86'400'000;
    model::ChartData m_last; ///< redrawn when the palette (so the theme) changes
    QHash<QString, QPair<QList<QPointF>, QStringList>> m_tips; ///< per key: points and their tips
};

} // namespace kvt::ui
