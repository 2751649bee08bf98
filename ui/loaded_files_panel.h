// SPDX-License-Identifier: MIT
// Tree of the loaded files, each with its own field names and the canonical field each fills.
#pragma once

#include <QTreeView>

namespace kvt::ui {

class LoadedFilesPanel : public QTreeView {
    Q_OBJECT
public:
    explicit LoadedFilesPanel(QAbstractItemModel *files, QWidget *parent = nullptr);
};

} // namespace kvt::ui
