// SPDX-License-Identifier: MIT
// The records table: a read-only view over one record set's dataset snapshot and the view vector
// the engine computed (filtered, sorted). Cells are made in data(), for the rows on screen only.
#pragma once

#include <QAbstractTableModel>

#include <memory>
#include <optional>
#include <vector>

#include "engine/rules/record_view.h"
#include "model/record_view_job.h"

namespace kvt::model {

/// Columns are canonical fields (engine::RecordColumn), the visible ones in display order. Sorting
/// (sort(), header clicks) and the quick filter run in the engine on a RecordViewJob; the model
/// resets when the answer comes, and keeps showing the previous view meanwhile. RawValueRole gives
/// the cell's value (time as qint64 UTC ticks, numbers as qint64, text as QString; null when
/// absent). GUI thread only.
class RecordTableModel : public QAbstractTableModel {
    Q_OBJECT
public:
    enum Role : int {
        RawValueRole = Qt::UserRole + 1,
        RecordIndexRole ///< qulonglong: the row's record index into the dataset
    };

    explicit RecordTableModel(QObject *parent = nullptr);

    /// Every column, in the order the chooser lists them (the useful ones first).
    static const std::vector<engine::RecordColumn> &allColumns();
    /// The columns shown until the analyst chooses others.
    static std::vector<engine::RecordColumn> defaultColumns();
    /// The canonical name (AzureDiagnostics column, or ECS name for Elastic-only fields).
    static QString columnName(engine::RecordColumn column);

    /// Shows @p records (null: nothing) through the current filter and sort: at once when neither
    /// is set, otherwise when the engine answers.
    void setRecords(std::shared_ptr<const RecordSet> records);
    std::shared_ptr<const RecordSet> records() const { return m_records; }
    /// The filter's text columns are the visible columns (set by the model).
    void setFilter(const engine::RecordFilter &filter);
    const engine::RecordFilter &filter() const { return m_filter; }
    void setVisibleColumns(const std::vector<engine::RecordColumn> &columns);
    const std::vector<engine::RecordColumn> &visibleColumns() const { return m_columns; }
    /// A column of -1 restores the record order.
    void sort(int column, Qt::SortOrder order = Qt::AscendingOrder) override;
    const std::optional<engine::RecordSort> &sortOrder() const { return m_sort; }

    bool isBusy() const { return m_job->isBusy(); }
    /// Records in the set shown, before the filter.
    std::size_t totalCount() const { return shown() ? shown()->rows.size() : 0; }
    std::size_t recordIndex(int row) const { return m_view->rows[static_cast<std::size_t>(row)]; }
    /// The dataset the shown rows index (null when empty). While a new set waits for its view this
    /// is still the previous set's: rows and dataset always match.
    const engine::Dataset *dataset() const;

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

Q_SIGNALS:
    /// A new view was published (the model was reset).
    void viewChanged();
    void busyChanged(bool busy);

private:
    void refresh();
    void publish(std::shared_ptr<const RecordView> view);
    QVariant raw(std::size_t record, engine::RecordColumn column) const;
    const RecordSet *shown() const { return m_view->records.get(); }

    RecordViewJob *m_job;
    std::shared_ptr<const RecordSet> m_records;
    std::shared_ptr<const RecordView> m_view; ///< never null; its rows are what the table shows
    engine::RecordFilter m_filter;
    std::optional<engine::RecordSort> m_sort;
    std::vector<engine::RecordColumn> m_columns;
};

} // namespace kvt::model
