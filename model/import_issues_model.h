// SPDX-License-Identifier: MIT
// Problems found while reading input (unreadable files, rejected records), one row each.
#pragma once

#include <QAbstractTableModel>
#include <QString>

#include <vector>

#include "engine/ingest/loader.h"

namespace kvt::model {

/// Read-only list of the issues of the last load. GUI thread only.
class ImportIssuesModel : public QAbstractTableModel {
    Q_OBJECT
public:
    enum class Column { Severity, File, Line, Column, Message, Count };
    enum Role : int { CodeRole = Qt::UserRole + 1 /* int, engine::IssueCode */, SeverityRole /* int */ };

    explicit ImportIssuesModel(QObject *parent = nullptr);

    /// Replaces the rows with the file errors and record issues of @p files.
    void setReports(const std::vector<engine::FileReport> &files);
    /// Records rejected in total (may exceed the listed issues, which are capped per file).
    quint64 rejectedRecords() const { return m_rejected; }

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    struct Row {
        QString file;
        quint64 line = 0;
        quint64 column = 0;
        QString message;
        engine::Severity severity = engine::Severity::Error;
        int code = -1; ///< engine::IssueCode, or -1 for the "more not listed" line
        quint64 byte = 0;
    };
    std::vector<Row> m_rows;
    quint64 m_rejected = 0;
};

} // namespace kvt::model
