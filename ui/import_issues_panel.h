// SPDX-License-Identifier: MIT
// Table of the problems found while reading input.
#pragma once

#include <QTableView>

namespace kvt::ui {

class ImportIssuesPanel : public QTableView {
    Q_OBJECT
public:
    explicit ImportIssuesPanel(QAbstractItemModel *issues, QWidget *parent = nullptr);
};

} // namespace kvt::ui
