// SPDX-License-Identifier: MIT
#include "model/loaded_files_model.h"

#include <QFileInfo>

#include "model/text_conversions.h"

namespace kvt::model {

LoadedFilesModel::LoadedFilesModel(QObject *parent) : QAbstractItemModel(parent) { }

void LoadedFilesModel::setReports(std::vector<engine::FileReport> files)
{
    beginResetModel();
    m_files = std::move(files);
    endResetModel();
}

QModelIndex LoadedFilesModel::index(int row, int column, const QModelIndex &parent) const
{
    if (!hasIndex(row, column, parent))
        return {};
    return createIndex(row, column, parent.isValid() ? static_cast<quintptr>(parent.row()) + 1 : kFileRow);
}

QModelIndex LoadedFilesModel::parent(const QModelIndex &child) const
{
    if (!child.isValid() || child.internalId() == kFileRow)
        return {};
    return createIndex(static_cast<int>(child.internalId() - 1), 0, kFileRow);
}

int LoadedFilesModel::rowCount(const QModelIndex &parent) const
{
    if (!parent.isValid())
        return static_cast<int>(m_files.size());
    if (parent.internalId() != kFileRow || parent.column() != 0)
        return 0; // field rows have no children
    return static_cast<int>(m_files[static_cast<std::size_t>(parent.row())].columns.size());
}

int LoadedFilesModel::columnCount(const QModelIndex &) const
{
    return static_cast<int>(Column::Count);
}

QVariant LoadedFilesModel::fileData(const engine::FileReport &f, Column column, int role) const
{
    if (role == Qt::ToolTipRole)
        return column == Column::Format && !f.error.empty() ? toQString(f.error) : toQString(f.path);
    if (role == Qt::TextAlignmentRole)
        return column == Column::Records || column == Column::Rejected ? QVariant(Qt::AlignRight | Qt::AlignVCenter)
                                                                       : QVariant();
    if (role != Qt::DisplayRole)
        return {};
    switch (column) {
    case Column::Name: return QFileInfo(toQString(f.path)).fileName();
    case Column::Format: {
        QString format = toQString(f.format);
        if (!f.layout.empty())
            format += QStringLiteral(" (%1)").arg(toQString(f.layout));
        return f.compressed ? format + tr(", gzip") : format;
    }
    case Column::Records: return QVariant::fromValue<quint64>(f.records);
    case Column::Rejected: return QVariant::fromValue<quint64>(f.rejected);
    case Column::Count: break;
    }
    return {};
}

QVariant LoadedFilesModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid())
        return {};
    const auto column = static_cast<Column>(index.column());
    if (index.internalId() == kFileRow)
        return fileData(m_files[static_cast<std::size_t>(index.row())], column, role);
    const engine::ColumnMapping &c = m_files[index.internalId() - 1].columns[static_cast<std::size_t>(index.row())];
    if (role != Qt::DisplayRole && role != Qt::ToolTipRole)
        return {};
    if (column == Column::Name)
        return toQString(c.name);
    if (column == Column::Format)
        return c.canonical.empty() ? tr("(not used)") : toQString(c.canonical);
    return {};
}

QVariant LoadedFilesModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (static_cast<Column>(section)) {
    case Column::Name: return tr("File / its field");
    case Column::Format: return tr("Format / fills");
    case Column::Records: return tr("Records");
    case Column::Rejected: return tr("Rejected");
    case Column::Count: break;
    }
    return {};
}

} // namespace kvt::model
