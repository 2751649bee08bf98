// SPDX-License-Identifier: MIT
// The list of series keys (caller IPs) with a text filter and sortable columns.
#pragma once

#include <QWidget>

QT_BEGIN_NAMESPACE
class QLineEdit;
class QSortFilterProxyModel;
class QTableView;
QT_END_NAMESPACE

namespace kvt::model {
class SeriesListModel;
}

namespace kvt::ui {

class SeriesPanel : public QWidget {
    Q_OBJECT
public:
    explicit SeriesPanel(model::SeriesListModel *series, QWidget *parent = nullptr);

    QTableView *view() const { return m_view; }
    QLineEdit *filterEdit() const { return m_filter; }
    QSortFilterProxyModel *proxy() const { return m_proxy; }

private:
    model::SeriesListModel *m_series;
    QSortFilterProxyModel *m_proxy;
    QLineEdit *m_filter;
    QTableView *m_view;
};

} // namespace kvt::ui
