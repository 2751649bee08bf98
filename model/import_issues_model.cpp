// SPDX-License-Identifier: MIT
#include "model/import_issues_model.h"

#include "model/text_conversions.h"

namespace kvt::model {

ImportIssuesModel::ImportIssuesModel(QObject *parent) : QAbstractTableModel(parent) { }

void ImportIssuesModel::setReports(const std::vector<engine::FileReport> &files)
{
    beginResetModel();
    m_rows.clear();
    m_rejected = 0;
    for (const auto &f : files) {
        m_rejected += f.rejected;
        if (!f.error.empty())
            m_rows.push_back(
                Row {toQString(f.path), 0, 0, (f.skipped ? tr("skipped: ") : QString()) + toQString(f.error), true});
        for (const auto &issue : f.issues)
            m_rows.push_back(Row {toQString(f.path), issue.line, issue.column, toQString(issue.message), false});
        const auto listed = static_cast<std::uint64_t>(f.issues.size());
        if (f.rejected > listed)
            m_rows.push_back(Row {toQString(f.path), 0, 0,
                tr("… and %1 more rejected record(s) not listed").arg(f.rejected - listed), false});
    }
    endResetModel();
}

int ImportIssuesModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(m_rows.size());
}

int ImportIssuesModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(Column::Count);
}

QVariant ImportIssuesModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Row &r = m_rows[static_cast<std::size_t>(index.row())];
    if (role != Qt::DisplayRole && role != Qt::ToolTipRole)
        return {};
    switch (static_cast<Column>(index.column())) {
    case Column::File: return r.file;
    case Column::Line: return r.line ? QVariant(r.line) : QVariant();
    case Column::Column: return r.column ? QVariant(r.column) : QVariant();
    case Column::Message: return r.message;
    case Column::Count: break;
    }
    return {};
}

QVariant ImportIssuesModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (static_cast<Column>(section)) {
    case Column::File: return tr("File");
    case Column::Line: return tr("Line");
    case Column::Column: return tr("Column");
    case Column::Message: return tr("Problem");
    case Column::Count: break;
    }
    return {};
}

} // namespace kvt::model
