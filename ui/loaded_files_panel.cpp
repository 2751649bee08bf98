// SPDX-License-Identifier: MIT
#include "ui/loaded_files_panel.h"

#include <QHeaderView>

namespace kvt::ui {

LoadedFilesPanel::LoadedFilesPanel(QAbstractItemModel *files, QWidget *parent) : QTreeView(parent)
{
    setModel(files);
    setUniformRowHeights(true);
    setAlternatingRowColors(true);
    header()->setStretchLastSection(false);
    header()->setSectionResizeMode(0, QHeaderView::Stretch);
    header()->setSectionResizeMode(1, QHeaderView::ResizeToContents);
}

} // namespace kvt::ui
