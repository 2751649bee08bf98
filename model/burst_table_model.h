// SPDX-License-Identifier: MIT
// The ES|QL burst rule's output rows as a table: one row per burst (identity and window), with the
// rule's own column names (the proposed query's, or the published rule's Esql.* names).
#pragma once

#include <QAbstractTableModel>
#include <QList>
#include <QString>

#include <memory>
#include <vector>

#include "model/rescore_job.h"

namespace kvt::model {

/// Read-only view over the burst result of one published RuleResults, in the engine's order
/// (time_window descending, then identity). Display strings are for display only: sort on
/// RawValueRole (times as qint64 UTC ticks of 100 ns, counts as numbers, addresses as addresses).
/// Headers follow the preset and grouping of the parameters the rule ran with. GUI thread only.
class BurstTableModel : public QAbstractTableModel {
    Q_OBJECT
public:
    enum class Column {
        TimeWindow,
        Identity, ///< the BY column: named by the grouping identity
        ActorName,
        ActionCount,
        DistinctActions,
        VaultsAccessed,
        Actions,
        VaultNames,
        SourceIp,
        AppId,
        WindowEnd,
        Records,
        Count
    };
    enum Role : int {
        RawValueRole = Qt::UserRole + 1, ///< the cell's value for sorting and export
        RecordsRole, ///< QList<qulonglong>: the row's record indices into the results' dataset
        IdentityRole ///< QString: the row's BY value
    };

    explicit BurstTableModel(QObject *parent = nullptr);

    /// Swaps in new results (model reset); null, or results without a burst result, empty the table.
    void setResults(std::shared_ptr<const RuleResults> results);
    std::shared_ptr<const RuleResults> results() const { return m_results; }
    /// The parameters the rows were computed with (the proposed defaults while empty).
    engine::ElasticBurstParams burstParams() const;
    const engine::BurstRow &burst(int row) const;

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

    /// The rule's name of @p column under @p params (e.g. "action_count", or "Esql.event_count").
    static QString columnName(Column column, const engine::ElasticBurstParams &params);

private:
    const std::vector<engine::BurstRow> &rows() const;
    QVariant display(int row, Column column) const;
    QVariant raw(int row, Column column) const;

    std::shared_ptr<const RuleResults> m_results;
    std::vector<QString> m_identityKeys; ///< per row: the BY value as a sort key (an IP as an address)
    std::vector<QString> m_sourceIpKeys; ///< per row: source_ip values as address sort keys
};

} // namespace kvt::model
