// SPDX-License-Identifier: MIT
// The Sentinel rule's keys: what the rule made of each (alerting, silenced, dropped, ...), most
// urgent first, with a filter box; the current row is the session's selected key.
#pragma once

#include <QWidget>

QT_BEGIN_NAMESPACE
class QLabel;
class QLineEdit;
class QSortFilterProxyModel;
class QTableView;
QT_END_NAMESPACE

namespace kvt::model {
class AnalysisSession;
}

namespace kvt::ui {

class KeysPanel : public QWidget {
    Q_OBJECT
public:
    explicit KeysPanel(model::AnalysisSession *session, QWidget *parent = nullptr);

    QTableView *view() const { return m_view; }
    QLineEdit *filterEdit() const { return m_filter; }
    QSortFilterProxyModel *proxy() const { return m_proxy; }
    QLabel *summary() const { return m_summary; }

private:
    void showCounts();
    void followSelection();

    model::AnalysisSession *m_session;
    QSortFilterProxyModel *m_proxy;
    QLineEdit *m_filter;
    QLabel *m_summary;
    QTableView *m_view;
};

} // namespace kvt::ui
