// SPDX-License-Identifier: MIT
// What each loaded file was: its format and counts, and under it the file's own field names with
// the canonical field each fills (issue 4: the original column names stay available).
#pragma once

#include <QAbstractItemModel>

#include <vector>

#include "engine/ingest/loader.h"

namespace kvt::model {

/// Two-level tree: a row per file (name, format, records, rejected), a child row per field name of
/// that file (name, canonical field). GUI thread only.
class LoadedFilesModel : public QAbstractItemModel {
    Q_OBJECT
public:
    enum class Column { Name, Format, Records, Rejected, Count };

    explicit LoadedFilesModel(QObject *parent = nullptr);

    /// Replaces the rows with @p files.
    void setReports(std::vector<engine::FileReport> files);

    QModelIndex index(int row, int column, const QModelIndex &parent = {}) const override;
    QModelIndex parent(const QModelIndex &child) const override;
    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    // Internal ids: 0 for a file row, file number + 1 for the field rows under that file.
    static constexpr quintptr kFileRow = 0;
    QVariant fileData(const engine::FileReport &f, Column column, int role) const;

    std::vector<engine::FileReport> m_files;
};

} // namespace kvt::model
