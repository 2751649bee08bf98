// SPDX-License-Identifier: MIT
// The alerts of both rules in one sortable table, with the analyst's triage: a state per alert set
// from the keyboard (N, T, B, F) or the context menu, a note, and filters by state and by rule.
#pragma once

#include <QString>
#include <QStringList>
#include <QWidget>

#include <array>

#include "model/triage_store.h"

QT_BEGIN_NAMESPACE
class QAction;
class QComboBox;
class QLabel;
class QLineEdit;
class QTableView;
QT_END_NAMESPACE

namespace kvt::model {
class AlertsFilterModel;
class AlertsTableModel;
} // namespace kvt::model

namespace kvt::ui {

/// Shows @c alerts (results are set on it by whoever owns it) through a filter by state and rule.
/// The current row survives a rescore when its alert does (it is found again by identity), without
/// a new @ref alertActivated: the session decides what a rescore does to its selection. Neither the
/// model nor the store is owned; both must outlive the panel. GUI thread only.
class AlertsPanel : public QWidget {
    Q_OBJECT
public:
    AlertsPanel(model::AlertsTableModel *alerts, model::TriageStore *store, QWidget *parent = nullptr);

    /// Sets the state of the selected rows (the current row when none is selected).
    void setSelectedState(model::TriageState state);
    /// Moves the keyboard to the note of the current row.
    void editNote();
    /// Makes @p rule's alert @p index (a Sentinel alert or burst index) the current row, clearing the
    /// filters if they hide it; no @ref alertActivated (for a selection made elsewhere). False if absent.
    bool showAlert(model::AlertRule rule, int index);

    model::AlertsFilterModel *proxy() const { return m_proxy; }
    QTableView *view() const { return m_view; }
    QComboBox *stateFilter() const { return m_stateFilter; }
    QComboBox *ruleFilter() const { return m_ruleFilter; }
    QLabel *summary() const { return m_summary; }
    QLineEdit *noteEdit() const { return m_note; }
    QAction *stateAction(model::TriageState state) const { return m_stateActions[static_cast<std::size_t>(state)]; }

Q_SIGNALS:
    /// The analyst made an alert the current row or activated it: @p index is into
    /// results->sentinel.alerts for Sentinel (AnalysisSession::selectAlert) and into
    /// results->burst->alerts for ES|QL (AnalysisSession::selectBurst).
    void alertActivated(kvt::model::AlertRule rule, int index);

private:
    void setUpView();
    void setUpActions();
    QWidget *createFilters();
    void applyFilters();
    void showSummary();
    void onCurrentChanged();
    void emitActivated(const QModelIndex &proxyIndex);
    void commitNote();
    void rememberSelection();
    void restoreSelection();

    model::AlertsTableModel *m_model;
    model::TriageStore *m_store;
    model::AlertsFilterModel *m_proxy;
    QLabel *m_summary;
    QComboBox *m_stateFilter;
    QComboBox *m_ruleFilter;
    QTableView *m_view;
    QLineEdit *m_note;
    std::array<QAction *, model::kTriageStateCount> m_stateActions {};
    QAction *m_editNote = nullptr;
    model::AlertIdentity m_noteIdentity; ///< the alert the note edit shows (valid while m_hasNote)
    bool m_hasNote = false;
    bool m_restoring = false; ///< restoring the current row after a reset: no alertActivated
    QString m_keptCurrent; ///< identity text of the current row across a model reset
    QStringList m_keptSelected;
};

} // namespace kvt::ui
