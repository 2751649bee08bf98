// SPDX-License-Identifier: MIT
#include "model/alerts_table_model.h"

#include <QStringList>

#include "engine/core/ip_address.h"
#include "model/text_conversions.h"

namespace kvt::model {
namespace {

using Column = AlertsTableModel::Column;
using BurstColumn = BurstTableModel::Column;

// The ES|QL columns are BurstTableModel's, in its order: one definition of their cells and names.
static_assert(int(Column::WindowEnd) - int(Column::TimeWindow) == int(BurstColumn::WindowEnd));
static_assert(int(Column::AppId) - int(Column::TimeWindow) == int(BurstColumn::AppId));
static_assert(int(BurstColumn::Records) == int(BurstColumn::WindowEnd) + 1);

bool isSentinelColumn(Column c)
{
    return c >= Column::Resource && c <= Column::CallerIpAddress;
}

bool isBurstColumn(Column c)
{
    return c >= Column::TimeWindow && c <= Column::WindowEnd;
}

BurstColumn burstColumn(Column c)
{
    return c == Column::Records ? BurstColumn::Records
                                : static_cast<BurstColumn>(static_cast<int>(c) - static_cast<int>(Column::TimeWindow));
}

// detect's column names (engine/report/sentinel_output.cpp writeAlertRow).
const char *sentinelName(Column c)
{
    switch (c) {
    case Column::Resource: return "Resource";
    case Column::IdS: return "id_s";
    case Column::ClientInfoS: return "clientInfo_s";
    case Column::LatestAnomalyTime: return "LatestAnomalyTime";
    case Column::EventCount: return "EventCount";
    case Column::OperationNameList: return "OperationNameList";
    case Column::RequestUrlList: return "RequestURLList";
    case Column::AccountList: return "AccountList";
    case Column::AccountMax: return "AccountMax";
    case Column::CallerIpAddress: return "CallerIPAddress";
    default: return "";
    }
}

QString sentinelHelp(Column c)
{
    switch (c) {
    case Column::Resource: return AlertsTableModel::tr("The vault (Sentinel group key)");
    case Column::IdS: return AlertsTableModel::tr("The request's id (Sentinel group key)");
    case Column::ClientInfoS: return AlertsTableModel::tr("The caller's client (Sentinel group key)");
    case Column::LatestAnomalyTime:
        return AlertsTableModel::tr("Latest record of the joined group, UTC (Sentinel group key)");
    case Column::EventCount: return AlertsTableModel::tr("Joined right-side groups (not records)");
    case Column::OperationNameList: return AlertsTableModel::tr("Operations of the joined records");
    case Column::RequestUrlList: return AlertsTableModel::tr("Request URLs of the joined records");
    case Column::AccountList: return AlertsTableModel::tr("Caller object IDs of the joined records");
    case Column::AccountMax: return AlertsTableModel::tr("The greatest caller object ID (the Account entity)");
    case Column::CallerIpAddress: return AlertsTableModel::tr("The caller address (the IP entity)");
    default: return {};
    }
}

const std::vector<std::string> *listOf(const engine::AlertRow &a, Column c)
{
    switch (c) {
    case Column::OperationNameList: return &a.operationNames;
    case Column::RequestUrlList: return &a.requestUrls;
    case Column::AccountList: return &a.accounts;
    default: return nullptr;
    }
}

bool isCount(Column c)
{
    return c == Column::EventCount || c == Column::Records;
}

std::optional<TriageState> stateOf(const QVariant &value)
{
    bool ok = false;
    const int n = value.toInt(&ok);
    if (ok)
        return n >= 0 && n < kTriageStateCount ? std::optional(static_cast<TriageState>(n)) : std::nullopt;
    return parseTriageState(value.toString().toStdString());
}

} // namespace

AlertsTableModel::AlertsTableModel(TriageStore *store, QObject *parent)
    : QAbstractTableModel(parent), m_store(store), m_bursts(new BurstTableModel(this))
{
    connect(m_store, &TriageStore::changed, this, &AlertsTableModel::onStoreChanged);
}

void AlertsTableModel::setResults(std::shared_ptr<const RuleResults> results)
{
    beginResetModel();
    m_results = std::move(results);
    m_bursts->setResults(m_results && m_results->burst ? m_results : nullptr);
    m_rows.clear();
    if (m_results) {
        // Identities and sort keys once per result, not per data() call: sorting asks n log n times.
        const auto &alerts = m_results->sentinel.alerts;
        for (std::size_t i = 0; i < alerts.size(); ++i) {
            AlertIdentity id = sentinelIdentity(alerts[i]);
            QString text = toQString(id.text());
            m_rows.push_back({AlertRule::Sentinel, static_cast<int>(i), std::move(id), std::move(text),
                toQString(engine::addressSortKey(alerts[i].callerIp))});
        }
        for (int i = 0; i < m_bursts->rowCount(); ++i) {
            AlertIdentity id = burstIdentity(m_bursts->burst(i), m_results->burstParams);
            QString text = toQString(id.text());
            m_rows.push_back({AlertRule::Esql, i, std::move(id), std::move(text), {}});
        }
    }
    endResetModel();
}

int AlertsTableModel::rowOf(AlertRule rule, int sourceIndex) const
{
    for (std::size_t r = 0; r < m_rows.size(); ++r)
        if (m_rows[r].rule == rule && m_rows[r].index == sourceIndex)
            return static_cast<int>(r);
    return -1;
}

int AlertsTableModel::rowOf(const QString &identity) const
{
    for (std::size_t r = 0; r < m_rows.size(); ++r)
        if (m_rows[r].identityText == identity)
            return static_cast<int>(r);
    return -1;
}

std::optional<AlertRule> AlertsTableModel::columnRule(Column column)
{
    if (isSentinelColumn(column))
        return AlertRule::Sentinel;
    if (isBurstColumn(column))
        return AlertRule::Esql;
    return std::nullopt;
}

QString AlertsTableModel::ruleLabel(AlertRule rule)
{
    return rule == AlertRule::Sentinel ? tr("Sentinel") : tr("ES|QL");
}

int AlertsTableModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(m_rows.size());
}

int AlertsTableModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(Column::Count);
}

QVariant AlertsTableModel::sentinelCell(const Row &row, Column column, int role) const
{
    const engine::AlertRow &a = m_results->sentinel.alerts[static_cast<std::size_t>(row.index)];
    if (role == Qt::TextAlignmentRole)
        return isCount(column) ? QVariant::fromValue(Qt::AlignRight | Qt::AlignVCenter) : QVariant();
    const bool raw = role == RawValueRole;
    if (role != Qt::DisplayRole && !raw)
        return {};
    if (const auto *list = listOf(a, column))
        return joinedText(*list);
    switch (column) {
    case Column::Resource: return toQString(a.resource);
    case Column::IdS: return toQString(a.idS);
    case Column::ClientInfoS: return toQString(a.clientInfoS);
    case Column::LatestAnomalyTime:
        return raw ? QVariant(static_cast<qint64>(a.latestAnomalyTime)) : QVariant(formatTicks(a.latestAnomalyTime));
    case Column::EventCount: return static_cast<qulonglong>(a.eventCount);
    case Column::AccountMax: return toQString(a.accountMax);
    case Column::CallerIpAddress: return raw ? row.ipKey : toQString(a.callerIp);
    case Column::Records: return static_cast<qulonglong>(a.recordIds.size());
    default: return {};
    }
}

QVariant AlertsTableModel::triageCell(const Row &row, Column column, int role) const
{
    const Triage t = m_store->triage(row.identity);
    if (column == Column::State) {
        if (role == Qt::DisplayRole)
            return TriageStore::stateLabel(t.state);
        if (role == Qt::EditRole || role == RawValueRole)
            return static_cast<int>(t.state);
        return {};
    }
    if (role == Qt::DisplayRole || role == Qt::EditRole || role == RawValueRole)
        return t.note;
    if (role == Qt::ToolTipRole && !t.note.isEmpty())
        return t.note;
    return {};
}

QVariant AlertsTableModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Row &row = m_rows[static_cast<std::size_t>(index.row())];
    const auto column = static_cast<Column>(index.column());
    switch (role) {
    case RuleRole: return static_cast<int>(row.rule);
    case SourceIndexRole: return row.index;
    case IdentityRole: return row.identityText;
    case StateRole: return static_cast<int>(m_store->triage(row.identity).state);
    default: break;
    }
    if (column == Column::Rule)
        return role == Qt::DisplayRole || role == RawValueRole ? QVariant(ruleLabel(row.rule)) : QVariant();
    if (column == Column::State || column == Column::Note)
        return triageCell(row, column, role);
    const bool own = column == Column::Records || columnRule(column) == row.rule;
    if (!own)
        return {};
    if (row.rule == AlertRule::Sentinel)
        return sentinelCell(row, column, role);
    if (role == RawValueRole)
        role = BurstTableModel::RawValueRole;
    else if (role != Qt::DisplayRole && role != Qt::TextAlignmentRole)
        return {};
    return m_bursts->index(row.index, static_cast<int>(burstColumn(column))).data(role);
}

bool AlertsTableModel::setData(const QModelIndex &index, const QVariant &value, int role)
{
    if (role != Qt::EditRole || !checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return false;
    const Row &row = m_rows[static_cast<std::size_t>(index.row())];
    const auto column = static_cast<Column>(index.column());
    if (column == Column::Note) {
        m_store->setNote(row.identity, value.toString());
        return true;
    }
    if (column != Column::State)
        return false;
    const auto state = stateOf(value);
    if (!state)
        return false;
    m_store->setState(row.identity, *state);
    return true;
}

Qt::ItemFlags AlertsTableModel::flags(const QModelIndex &index) const
{
    Qt::ItemFlags f = QAbstractTableModel::flags(index);
    const auto column = static_cast<Column>(index.column());
    if (index.isValid() && (column == Column::State || column == Column::Note))
        f |= Qt::ItemIsEditable;
    return f;
}

QVariant AlertsTableModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || section < 0 || section >= static_cast<int>(Column::Count))
        return QAbstractTableModel::headerData(section, orientation, role);
    const auto column = static_cast<Column>(section);
    if (isBurstColumn(column))
        return m_bursts->headerData(static_cast<int>(burstColumn(column)), orientation, role);
    if (role == Qt::DisplayRole) {
        switch (column) {
        case Column::Rule: return tr("Rule");
        case Column::Records: return QStringLiteral("records"); // the name both detect documents use
        case Column::State: return tr("State");
        case Column::Note: return tr("Note");
        default: return QString::fromLatin1(sentinelName(column));
        }
    }
    if (role == Qt::ToolTipRole) {
        switch (column) {
        case Column::Rule: return tr("The rule that raised the alert");
        case Column::Records: return tr("Records behind the row");
        case Column::State: return tr("Your triage decision (N, T, B, F)");
        case Column::Note: return tr("Your note (F2)");
        default: return sentinelHelp(column);
        }
    }
    return QAbstractTableModel::headerData(section, orientation, role);
}

void AlertsTableModel::onStoreChanged()
{
    // Alerts are few: every row, every column, no roles named, so a proxy filtering on any column
    // or role re-filters.
    if (!m_rows.empty())
        Q_EMIT dataChanged(index(0, 0), index(rowCount() - 1, columnCount() - 1));
}

AlertsFilterModel::AlertsFilterModel(QObject *parent) : QSortFilterProxyModel(parent)
{
    setSortRole(AlertsTableModel::RawValueRole);
    setFilterKeyColumn(-1);
    setDynamicSortFilter(true);
}

void AlertsFilterModel::setRuleFilter(std::optional<AlertRule> rule)
{
    if (rule == m_rule)
        return;
    m_rule = rule;
    invalidateRowsFilter();
}

void AlertsFilterModel::setStateFilter(std::optional<TriageState> state)
{
    if (state == m_state)
        return;
    m_state = state;
    invalidateRowsFilter();
}

bool AlertsFilterModel::filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const
{
    const QModelIndex index = sourceModel()->index(sourceRow, 0, sourceParent);
    if (m_rule && index.data(AlertsTableModel::RuleRole).toInt() != static_cast<int>(*m_rule))
        return false;
    return !m_state || index.data(AlertsTableModel::StateRole).toInt() == static_cast<int>(*m_state);
}

} // namespace kvt::model
