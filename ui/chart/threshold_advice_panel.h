// SPDX-License-Identifier: MIT
// Threshold advice on screen: the Sentinel rule's alerts over the backtest at every score threshold
// and every baseline threshold, over the spread of the points each threshold decides on, with the
// current value marked. A click on a curve tries that threshold.
#pragma once

#include <QList>
#include <QPointF>
#include <QWidget>

QT_BEGIN_NAMESPACE
class QChart;
class QChartView;
class QLabel;
class QLineSeries;
QT_END_NAMESPACE

namespace kvt::model {
class AnalysisSession;
class TuningAdvisor;
} // namespace kvt::model

namespace kvt::ui {

/// Activates the advisor while shown. GUI thread only.
class ThresholdAdvicePanel : public QWidget {
    Q_OBJECT
public:
    ThresholdAdvicePanel(model::AnalysisSession *session, model::TuningAdvisor *advisor, QWidget *parent = nullptr);

    QLabel *summaryLabel() const { return m_summary; }
    QChart *scoreChart() const { return m_scoreChart; }
    QChart *baselineChart() const { return m_baselineChart; }
    /// The alerts curves as drawn, (threshold position, alerts) per grid value; empty before the first advice.
    QList<QPointF> scoreAlertPoints() const;
    QList<QPointF> baselineAlertPoints() const;

    /// What a click on the curves does: applies grid point @p index as the score (or baseline) threshold.
    void tryScorePoint(int index);
    void tryBaselinePoint(int index);

protected:
    void showEvent(QShowEvent *event) override;
    void hideEvent(QHideEvent *event) override;

private:
    void rebuild();
    void fillScoreChart();
    void fillBaselineChart();

    model::AnalysisSession *m_session;
    model::TuningAdvisor *m_advisor;
    QLabel *m_summary;
    QChart *m_scoreChart;
    QChart *m_baselineChart;
    QChartView *m_scoreView;
    QChartView *m_baselineView;
    QLineSeries *m_scoreAlerts = nullptr;
    QLineSeries *m_baselineAlerts = nullptr;
};

} // namespace kvt::ui
