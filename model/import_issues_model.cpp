// SPDX-License-Identifier: MIT
#include "model/import_issues_model.h"

#include "model/issue_words.h"
#include "model/text_conversions.h"

namespace kvt::model {

ImportIssuesModel::ImportIssuesModel(QObject *parent) : QAbstractTableModel(parent) { }

namespace {

// The GUI's words: the code's title, then the engine's detail where it helps (without the path,
// which has its own column).
QString describe(engine::IssueCode code, const std::string &detail, const std::string &path)
{
    QString text = issueTitle(code);
    if (!showsEngineDetail(code) || detail.empty())
        return text;
    std::string_view d = detail;
    if (d.substr(0, path.size() + 2) == path + ": ")
        d.remove_prefix(path.size() + 2);
    return text + QStringLiteral(": ") + toQString(d);
}

} // namespace

void ImportIssuesModel::setReports(const std::vector<engine::FileReport> &files)
{
    beginResetModel();
    m_rows.clear();
    m_rejected = 0;
    for (const auto &f : files) {
        m_rejected += f.rejected;
        const QString path = toQString(f.path);
        if (!f.error.empty()) {
            const auto code = f.errorCode.value_or(engine::IssueCode::FileUnreadable);
            const QString text = describe(code, f.error, f.path);
            m_rows.push_back(Row {path, 0, 0, f.skipped ? tr("Skipped: %1").arg(text) : text,
                f.skipped ? engine::Severity::Note : engine::severityOf(code), int(code), 0});
        }
        for (const auto &issue : f.issues)
            m_rows.push_back(Row {path, issue.line, issue.column, describe(issue.code, issue.message, f.path),
                issue.severity, int(issue.code), issue.byte});
        const auto listed = static_cast<std::uint64_t>(f.issues.size());
        if (f.rejected > listed)
            m_rows.push_back(
                Row {path, 0, 0, tr("… and %1 more rejected record(s) not listed").arg(f.rejected - listed),
                    engine::Severity::Error, -1, 0});
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
    if (role == CodeRole)
        return r.code;
    if (role == SeverityRole)
        return static_cast<int>(r.severity);
    if (role == Qt::ToolTipRole && r.line > 0)
        return tr("%1, line %2, column %3 (byte %4)").arg(r.message).arg(r.line).arg(r.column).arg(r.byte);
    if (role != Qt::DisplayRole && role != Qt::ToolTipRole)
        return {};
    switch (static_cast<Column>(index.column())) {
    case Column::Severity: return severityText(r.severity);
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
    case Column::Severity: return tr("Severity");
    case Column::File: return tr("File");
    case Column::Line: return tr("Line");
    case Column::Column: return tr("Column");
    case Column::Message: return tr("Problem");
    case Column::Count: break;
    }
    return {};
}

} // namespace kvt::model
