// SPDX-License-Identifier: MIT
// The ES|QL burst rule's own view: its bursts per identity and window (sortable, filterable), and
// the records it cannot see with its grouping identity (the blind spot) with the callers behind them.
#pragma once

#include <QList>
#include <QWidget>

QT_BEGIN_NAMESPACE
class QLabel;
class QLineEdit;
class QSortFilterProxyModel;
class QTableView;
class QTableWidget;
QT_END_NAMESPACE

namespace kvt::model {
class AnalysisSession;
class BurstTableModel;
} // namespace kvt::model

namespace kvt::ui {

/// Shows the ES|QL result of the session's latest results and follows resultsChanged. Read-only: the
/// rule's parameters are set in the tuning panel. GUI thread only.
class BurstPanel : public QWidget {
    Q_OBJECT
public:
    explicit BurstPanel(model::AnalysisSession *session, QWidget *parent = nullptr);

    model::BurstTableModel *model() const { return m_model; }
    QSortFilterProxyModel *proxy() const { return m_proxy; }
    QTableView *view() const { return m_view; }
    QLineEdit *filterEdit() const { return m_filter; }
    QLabel *summary() const { return m_summary; }
    QLabel *recordsInScope() const { return m_inScope; }
    QLabel *recordsWithoutIdentity() const { return m_withoutIdentity; }
    QTableWidget *topCallers() const { return m_callers; }
    QLabel *blindSpotNote() const { return m_note; }

Q_SIGNALS:
    /// The analyst made a burst the current row: its index into model()->results()'s bursts
    /// (AnalysisSession::selectBurst shows its records).
    void burstSelected(int burst);

private:
    void setUpView();
    QWidget *createBlindSpot();
    void showResults();
    void showSummary();
    void showBlindSpot();

    model::AnalysisSession *m_session;
    model::BurstTableModel *m_model;
    QSortFilterProxyModel *m_proxy;
    QLabel *m_summary;
    QLineEdit *m_filter;
    QTableView *m_view;
    QLabel *m_withoutLabel;
    QLabel *m_inScope;
    QLabel *m_withoutIdentity;
    QTableWidget *m_callers;
    QLabel *m_note;
};

} // namespace kvt::ui
