// SPDX-License-Identifier: MIT
// Keeps the chart in step with the series list: the model is the single source of truth.
#pragma once

#include <QWidget>

namespace kvt::model {
class AnalysisSession;
class SeriesListModel;
} // namespace kvt::model

namespace kvt::ui {

class TimeSeriesChart;

/// Redraws the checked series of the session's series list whenever it resets or a check changes.
class ChartPanel : public QWidget {
    Q_OBJECT
public:
    explicit ChartPanel(model::AnalysisSession *session, QWidget *parent = nullptr);
    TimeSeriesChart *chart() const { return m_chart; }

private:
    void rebuild();

    model::SeriesListModel *m_series;
    TimeSeriesChart *m_chart;
};

} // namespace kvt::ui
