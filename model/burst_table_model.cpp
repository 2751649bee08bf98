// SPDX-License-Identifier: MIT
#include "model/burst_table_model.h"

#include <QStringList>

#include <iterator>

#include "engine/core/ip_address.h"
#include "engine/rules/elastic_burst.h"
#include "model/text_conversions.h"

namespace kvt::model {
namespace {

using Column = BurstTableModel::Column;

// The proposed query's column names and the published rule's (engine/report/burst_output.cpp writes
// the same names); the BY column has none here because the grouping identity names it.
struct ColumnNames {
    const char *proposed;
    const char *published;
};

constexpr ColumnNames kNames[] = {
    {"time_window", "Esql.time_window_date_trunc"},
    {nullptr, nullptr},
    {"actor_name", "Esql_priv.azure_platformlogs_identity_claim_upn_values"},
    {"action_count", "Esql.event_count"},
    {"distinct_actions", "Esql.event_action_count_distinct"},
    {"vaults_accessed", "Esql.azure_resource_name_count_distinct"},
    {"actions", "Esql.event_action_values"},
    {"vault_names", "Esql.azure_resource_name_values"},
    {"source_ip", "Esql.source_ip_values"},
    {"app_id", "Esql.azure_platformlogs_identity_claim_appid_values"},
    {"window_end", "window_end"},
    {"records", "records"},
};
static_assert(std::size(kNames) == static_cast<std::size_t>(Column::Count));

const std::vector<engine::BurstRow> kNoRows;

// The multi-valued (VALUES) columns; null for the others.
const std::vector<std::string> *listOf(const engine::BurstRow &row, Column column)
{
    switch (column) {
    case Column::ActorName: return &row.actorName;
    case Column::Actions: return &row.actions;
    case Column::VaultNames: return &row.vaultNames;
    case Column::SourceIp: return &row.sourceIp;
    case Column::AppId: return &row.appId;
    default: return nullptr;
    }
}

QString addressKeys(const std::vector<std::string> &values)
{
    QStringList parts;
    parts.reserve(static_cast<qsizetype>(values.size()));
    for (const auto &v : values)
        parts.append(toQString(engine::addressSortKey(v)));
    return parts.join(QLatin1Char(' '));
}

bool isCount(Column column)
{
    return column == Column::ActionCount || column == Column::DistinctActions || column == Column::VaultsAccessed
        || column == Column::Records;
}

QString columnHelp(Column column)
{
    switch (column) {
    case Column::TimeWindow: return BurstTableModel::tr("Start of the window (UTC)");
    case Column::Identity: return BurstTableModel::tr("The identity the rule groups by");
    case Column::ActorName: return BurstTableModel::tr("User principal names seen in the window");
    case Column::ActionCount: return BurstTableModel::tr("Read operations in the window");
    case Column::DistinctActions: return BurstTableModel::tr("Distinct read operations in the window");
    case Column::VaultsAccessed: return BurstTableModel::tr("Distinct vaults read in the window");
    case Column::Actions: return BurstTableModel::tr("The read operations");
    case Column::VaultNames: return BurstTableModel::tr("The vaults read");
    case Column::SourceIp: return BurstTableModel::tr("Caller addresses");
    case Column::AppId: return BurstTableModel::tr("Application (client) IDs");
    case Column::WindowEnd: return BurstTableModel::tr("End of the window, exclusive (UTC)");
    case Column::Records: return BurstTableModel::tr("Records behind the row");
    case Column::Count: break;
    }
    return {};
}

} // namespace

BurstTableModel::BurstTableModel(QObject *parent) : QAbstractTableModel(parent) { }

void BurstTableModel::setResults(std::shared_ptr<const RuleResults> results)
{
    beginResetModel();
    m_results = std::move(results);
    m_identityKeys.clear();
    m_sourceIpKeys.clear();
    // Sort keys are made once here, not per comparison: sorting calls data() n log n times.
    const bool byIp = m_results && m_results->burstParams.groupBy == engine::BurstIdentity::SourceIp;
    for (const auto &row : rows()) {
        m_identityKeys.push_back(byIp ? toQString(engine::addressSortKey(row.identity)) : toQString(row.identity));
        m_sourceIpKeys.push_back(addressKeys(row.sourceIp));
    }
    endResetModel();
}

const std::vector<engine::BurstRow> &BurstTableModel::rows() const
{
    return m_results && m_results->burst ? m_results->burst->alerts : kNoRows;
}

engine::ElasticBurstParams BurstTableModel::burstParams() const
{
    return m_results ? m_results->burstParams : engine::ElasticBurstParams {};
}

const engine::BurstRow &BurstTableModel::burst(int row) const
{
    return rows()[static_cast<std::size_t>(row)];
}

int BurstTableModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(rows().size());
}

int BurstTableModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(Column::Count);
}

QString BurstTableModel::columnName(Column column, const engine::ElasticBurstParams &params)
{
    if (column == Column::Identity)
        return toQString(engine::burstIdentityColumn(params.groupBy));
    if (column == Column::Count)
        return {};
    const ColumnNames &names = kNames[static_cast<std::size_t>(column)];
    return QString::fromLatin1(params.preset == engine::BurstPreset::Published ? names.published : names.proposed);
}

QVariant BurstTableModel::display(int row, Column column) const
{
    const engine::BurstRow &r = burst(row);
    if (const auto *list = listOf(r, column))
        return joinedText(*list);
    switch (column) {
    case Column::TimeWindow: return formatTicks(r.timeWindow);
    case Column::Identity: return toQString(r.identity);
    case Column::WindowEnd: return formatTicks(r.windowEnd);
    default: return raw(row, column);
    }
}

QVariant BurstTableModel::raw(int row, Column column) const
{
    const engine::BurstRow &r = burst(row);
    const auto index = static_cast<std::size_t>(row);
    switch (column) {
    case Column::TimeWindow: return static_cast<qint64>(r.timeWindow);
    case Column::Identity: return m_identityKeys[index];
    case Column::ActionCount: return static_cast<qulonglong>(r.actionCount);
    case Column::DistinctActions: return static_cast<qulonglong>(r.distinctActions);
    case Column::VaultsAccessed: return static_cast<qulonglong>(r.vaultsAccessed);
    case Column::SourceIp: return m_sourceIpKeys[index];
    case Column::WindowEnd: return static_cast<qint64>(r.windowEnd);
    case Column::Records: return static_cast<qulonglong>(r.recordIds.size());
    default: break;
    }
    const auto *list = listOf(r, column);
    return list ? joinedText(*list) : QVariant();
}

QVariant BurstTableModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const auto column = static_cast<Column>(index.column());
    switch (role) {
    case Qt::DisplayRole: return display(index.row(), column);
    case Qt::TextAlignmentRole:
        if (isCount(column))
            return QVariant::fromValue(Qt::AlignRight | Qt::AlignVCenter);
        break;
    case RawValueRole: return raw(index.row(), column);
    case RecordsRole: {
        const auto &ids = burst(index.row()).recordIds;
        QList<qulonglong> records;
        records.reserve(static_cast<qsizetype>(ids.size()));
        for (const std::size_t id : ids)
            records.append(static_cast<qulonglong>(id));
        return QVariant::fromValue(records);
    }
    case IdentityRole: return toQString(burst(index.row()).identity);
    default: break;
    }
    return {};
}

QVariant BurstTableModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || section < 0 || section >= static_cast<int>(Column::Count))
        return QAbstractTableModel::headerData(section, orientation, role);
    const auto column = static_cast<Column>(section);
    if (role == Qt::DisplayRole)
        return columnName(column, burstParams());
    if (role == Qt::ToolTipRole)
        return columnHelp(column);
    return QAbstractTableModel::headerData(section, orientation, role);
}

} // namespace kvt::model
