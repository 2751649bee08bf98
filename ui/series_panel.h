// SPDX-License-Identifier: MIT
// The list of series keys with a text filter and sortable columns; the current row is the session's
// selected key.
#pragma once

#include <QWidget>

QT_BEGIN_NAMESPACE
class QLineEdit;
class QSortFilterProxyModel;
class QTableView;
QT_END_NAMESPACE

namespace kvt::model {
class AnalysisSession;
class SeriesListModel;
} // namespace kvt::model

namespace kvt::ui {

class SeriesPanel : public QWidget {
    Q_OBJECT
public:
    explicit SeriesPanel(model::AnalysisSession *session, QWidget *parent = nullptr);

    QTableView *view() const { return m_view; }
    QLineEdit *filterEdit() const { return m_filter; }
    QSortFilterProxyModel *proxy() const { return m_proxy; }

private:
    void followSelection();

    model::AnalysisSession *m_session;
    model::SeriesListModel *m_series;
    QSortFilterProxyModel *m_proxy;
    QLineEdit *m_filter;
    QTableView *m_view;
};

} // namespace kvt::ui
