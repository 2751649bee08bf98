// SPDX-License-Identifier: MIT
// Keeps the chart in step with the series list: the model is the single source of truth.
#pragma once

#include <QWidget>

namespace kvt::model {
class SeriesListModel;
}

namespace kvt::ui {

class TimeSeriesChart;

/// Redraws the checked series of a SeriesListModel whenever the model resets or a check changes.
class ChartPanel : public QWidget {
    Q_OBJECT
public:
    explicit ChartPanel(model::SeriesListModel *series, QWidget *parent = nullptr);
    TimeSeriesChart *chart() const { return m_chart; }

private:
    void rebuild();

    model::SeriesListModel *m_series;
    TimeSeriesChart *m_chart;
};

} // namespace kvt::ui
