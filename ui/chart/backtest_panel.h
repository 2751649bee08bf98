// SPDX-License-Identifier: MIT
// The backtest on screen: both rules' alerts on every past day as bars, Sentinel beside ES|QL (a click
// moves the evaluation there), the busiest keys and the days, and an A/B comparison against pinned
// parameters.
#pragma once

#include <QWidget>

#include "model/backtest_summary.h"

QT_BEGIN_NAMESPACE
class QBarSet;
class QChart;
class QChartView;
class QLabel;
class QPushButton;
class QTableWidget;
QT_END_NAMESPACE

namespace kvt::model {
class AnalysisSession;
}

namespace kvt::ui {

/// Follows the session's backtest, pinned side and evaluation day. GUI thread only.
class BacktestPanel : public QWidget {
    Q_OBJECT
public:
    explicit BacktestPanel(model::AnalysisSession *session, QWidget *parent = nullptr);

    const model::BacktestSummary &summary() const { return m_summary; }
    QLabel *summaryLabel() const { return m_summaryLabel; }
    QPushButton *pinButton() const { return m_pin; }
    QPushButton *correctedButton() const { return m_corrected; }
    QTableWidget *keysTable() const { return m_keys; }
    QTableWidget *daysTable() const { return m_days; }
    QChart *chart() const { return m_chart; }
    /// The bar sets, one value per run (null without runs; the A sets also without a pinned side).
    /// Owned by the chart, replaced on every rebuild.
    QBarSet *alertBars() const { return m_current; }
    QBarSet *alertBarsA() const { return m_pinned; }
    QBarSet *burstBars() const { return m_bursts; }
    QBarSet *burstBarsA() const { return m_burstsA; }
    /// The run shown as the evaluated day (-1: none of the runs).
    int evaluatedRun() const { return m_evaluated; }

    /// What a click on bar @p run does: evaluates that run's day.
    void activateRun(int run);
    /// What activating a key row does: evaluates the key's last alerting run and selects the key.
    void activateKeyRow(int row);
    /// The text shown when hovering any bar of @p run (both rules' counts; A's too when compared).
    QString dayToolTip(int run) const;

private:
    void rebuild();
    void showEvaluatedDay();
    void fillChart();
    void fillKeys();
    void fillDays();

    model::AnalysisSession *m_session;
    model::BacktestSummary m_summary;
    QLabel *m_summaryLabel;
    QPushButton *m_pin;
    QPushButton *m_corrected;
    QChart *m_chart;
    QChartView *m_view;
    // Owned by the chart.
    QBarSet *m_current = nullptr; ///< Sentinel alerts, B's (or the only side's)
    QBarSet *m_pinned = nullptr; ///< Sentinel alerts in A
    QBarSet *m_bursts = nullptr; ///< ES|QL alerts, B's (or the only side's)
    QBarSet *m_burstsA = nullptr; ///< ES|QL alerts in A
    QTableWidget *m_keys;
    QTableWidget *m_days;
    int m_evaluated = -1;
};

} // namespace kvt::ui
