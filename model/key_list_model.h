// SPDX-License-Identifier: MIT
// The keys list: one row per series key of the Sentinel result, with what the rule made of it.
#pragma once

#include <QAbstractTableModel>

#include <memory>
#include <vector>

#include "engine/rules/key_summary.h"
#include "model/rescore_job.h"

namespace kvt::model {

/// Read-only view over one published RuleResults. Display strings are for display only: sort on
/// RawValueRole (numbers as numbers, keys as addresses, status by urgency). GUI thread only.
class KeyListModel : public QAbstractTableModel {
    Q_OBJECT
public:
    enum class Column { Status, Key, LatestScore, MaxScore, LatestCount, Baseline, Alerts, Records, Count };
    enum Role : int {
        KeyRole = Qt::UserRole + 1, ///< QString, the key as the rule groups it
        StatusRole, ///< int, engine::KeyStatus
        RawValueRole, ///< the cell's value for sorting and export
        SeriesIndexRole ///< int, index into SentinelResult::series
    };

    explicit KeyListModel(QObject *parent = nullptr);

    /// Swaps in new results (model reset); null empties the list.
    void setResults(std::shared_ptr<const RuleResults> results);
    std::shared_ptr<const RuleResults> results() const { return m_results; }
    const engine::KeySummary &summary(int row) const { return m_rows[static_cast<std::size_t>(row)]; }

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    QVariant display(const engine::KeySummary &row, Column column) const;
    QVariant raw(const engine::KeySummary &row, Column column) const;

    std::shared_ptr<const RuleResults> m_results;
    std::vector<engine::KeySummary> m_rows;
    std::vector<QString> m_sortKeys; ///< per row: the key as an address sort key
};

/// The status in the analyst's words ("Alerting", "Silenced by join", ...).
QString keyStatusText(engine::KeyStatus status);

} // namespace kvt::model
