// SPDX-License-Identifier: MIT
#include "ui/import_issues_panel.h"

#include <QHeaderView>

namespace kvt::ui {

ImportIssuesPanel::ImportIssuesPanel(QAbstractItemModel *issues, QWidget *parent) : QTableView(parent)
{
    setModel(issues);
    verticalHeader()->hide();
    horizontalHeader()->setStretchLastSection(true);
    setSelectionBehavior(QAbstractItemView::SelectRows);
    setWordWrap(false);
}

} // namespace kvt::ui
