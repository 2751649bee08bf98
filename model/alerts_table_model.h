// SPDX-License-Identifier: MIT
// Both rules' output rows in one table, with each rule's own columns and the analyst's triage state
// and note; and the small filter by state and rule the alerts panel shows it through.
#pragma once

#include <QAbstractTableModel>
#include <QSortFilterProxyModel>
#include <QString>

#include <memory>
#include <optional>
#include <vector>

#include "model/burst_table_model.h"
#include "model/rescore_job.h"
#include "model/triage_store.h"

namespace kvt::model {

/// One row per Sentinel alert (results->sentinel.alerts, in the engine's order), then one per ES|QL
/// burst (results->burst->alerts). Cells of the other rule's columns are empty. Display strings are
/// those `kvtriage-cli detect` writes (lists joined with ", "); sort on RawValueRole. State and Note
/// are editable and live in the TriageStore, keyed by alert identity, so they outlive a rescore.
/// GUI thread only.
class AlertsTableModel : public QAbstractTableModel {
    Q_OBJECT
public:
    enum class Column {
        Rule,
        // Sentinel: the final summarize's columns, named as detect names them.
        Resource,
        IdS,
        ClientInfoS,
        LatestAnomalyTime,
        EventCount,
        OperationNameList,
        RequestUrlList,
        AccountList,
        AccountMax,
        CallerIpAddress,
        // ES|QL: BurstTableModel's columns, in its order, named as it names them.
        TimeWindow,
        Identity,
        ActorName,
        ActionCount,
        DistinctActions,
        VaultsAccessed,
        Actions,
        VaultNames,
        SourceIp,
        AppId,
        WindowEnd,
        // Both rules.
        Records, ///< records behind the row
        State,
        Note,
        Count
    };
    enum Role : int {
        RawValueRole = Qt::UserRole + 1, ///< the cell's value for sorting (times as UTC ticks, counts as numbers)
        RuleRole, ///< int: the row's AlertRule
        SourceIndexRole, ///< int: index into results->sentinel.alerts or results->burst->alerts
        IdentityRole, ///< QString: AlertIdentity::text() of the row
        StateRole ///< int: the row's TriageState
    };

    /// @p store is not owned and must outlive the model.
    explicit AlertsTableModel(TriageStore *store, QObject *parent = nullptr);

    /// Swaps in new results (model reset); null empties the table. Triage decisions stay in the store.
    void setResults(std::shared_ptr<const RuleResults> results);
    std::shared_ptr<const RuleResults> results() const { return m_results; }
    TriageStore *store() const { return m_store; }

    AlertRule rule(int row) const { return m_rows[static_cast<std::size_t>(row)].rule; }
    int sourceIndex(int row) const { return m_rows[static_cast<std::size_t>(row)].index; }
    const AlertIdentity &identity(int row) const { return m_rows[static_cast<std::size_t>(row)].identity; }
    /// The row of @p rule's alert @p sourceIndex, or of the alert with identity text @p identity; -1 if none.
    int rowOf(AlertRule rule, int sourceIndex) const;
    int rowOf(const QString &identity) const;

    /// The rule a column belongs to; none for the columns both rules fill.
    static std::optional<AlertRule> columnRule(Column column);
    static QString ruleLabel(AlertRule rule); ///< "Sentinel", "ES|QL"

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    bool setData(const QModelIndex &index, const QVariant &value, int role = Qt::EditRole) override;
    Qt::ItemFlags flags(const QModelIndex &index) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    struct Row {
        AlertRule rule;
        int index; ///< into the rule's own result
        AlertIdentity identity;
        QString identityText;
        QString ipKey; ///< Sentinel: CallerIPAddress as an address sort key
    };
    QVariant sentinelCell(const Row &row, Column column, int role) const;
    QVariant triageCell(const Row &row, Column column, int role) const;
    void onStoreChanged();

    TriageStore *m_store;
    BurstTableModel *m_bursts; ///< computes the ES|QL cells and headers (one definition of them)
    std::shared_ptr<const RuleResults> m_results;
    std::vector<Row> m_rows;
};

/// Shows the rows of one rule and / or one triage state, sorted on raw values. Re-filters when a
/// state changes, so a row triaged away from the filtered state leaves the view.
class AlertsFilterModel : public QSortFilterProxyModel {
    Q_OBJECT
public:
    explicit AlertsFilterModel(QObject *parent = nullptr);

    void setRuleFilter(std::optional<AlertRule> rule);
    void setStateFilter(std::optional<TriageState> state);
    std::optional<AlertRule> ruleFilter() const { return m_rule; }
    std::optional<TriageState> stateFilter() const { return m_state; }

protected:
    bool filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const override;

private:
    std::optional<AlertRule> m_rule;
    std::optional<TriageState> m_state;
};

} // namespace kvt::model
