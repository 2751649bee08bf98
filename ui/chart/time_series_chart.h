// SPDX-License-Identifier: MIT
// Thin adapter over QtCharts: applies a ChartData with bulk replace() calls.
#pragma once

#include <QWidget>

#include "model/chart_data_builder.h"

QT_BEGIN_NAMESPACE
class QChart;
class QChartView;
class QDateTimeAxis;
class QValueAxis;
class QLabel;
QT_END_NAMESPACE

namespace kvt::ui {

/// Draws per-key count lines over a UTC date axis. Holds no data of its own beyond what
/// QtCharts keeps; every update comes as a whole ChartData. GUI thread only.
class TimeSeriesChart : public QWidget {
    Q_OBJECT
public:
    explicit TimeSeriesChart(QWidget *parent = nullptr);

    void setChartData(const model::ChartData &chartData);

    // Inspection for tests.
    int lineCount() const;
    int pointCount(int line) const;
    QString lineName(int line) const;
    QPair<qint64, qint64> xRangeMs() const;
    double yMax() const;
    QChart *chart() const { return m_chart; }

private:
    QChart *m_chart;
    QChartView *m_view;
    QDateTimeAxis *m_xAxis;
    QValueAxis *m_yAxis;
    QLabel *m_placeholder;
};

} // namespace kvt::ui
