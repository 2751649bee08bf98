// SPDX-License-Identifier: MIT
// The Sentinel rule's series chart: the counts it scores, the baseline, the anomaly markers, the
// alert window and the evaluated bin, for the keys chosen in the keys list.
#pragma once

#include <QWidget>

#include <vector>

QT_BEGIN_NAMESPACE
class QCheckBox;
QT_END_NAMESPACE

namespace kvt::model {
class AnalysisSession;
}

namespace kvt::ui {

class TimeSeriesChart;

/// Redraws on new results, on the session's chart keys and selection, and on the score toggle (a
/// restyle: no engine call). A click on a point selects that key's bin in the session.
class RuleChartPanel : public QWidget {
    Q_OBJECT
public:
    explicit RuleChartPanel(model::AnalysisSession *session, QWidget *parent = nullptr);

    TimeSeriesChart *chart() const { return m_chart; }
    QCheckBox *scoresToggle() const { return m_scores; }
    /// The series indices currently drawn, in drawing order.
    const std::vector<std::size_t> &shownSeries() const { return m_shown; }

private:
    void rebuild();
    std::vector<std::size_t> chooseSeries() const;

    model::AnalysisSession *m_session;
    TimeSeriesChart *m_chart;
    QCheckBox *m_scores;
    std::vector<std::size_t> m_shown;
};

} // namespace kvt::ui
