// SPDX-License-Identifier: MIT
#include "model/key_list_model.h"

#include <QLocale>

#include "engine/core/ip_address.h"
#include "model/rule_text.h"
#include "model/text_conversions.h"

namespace kvt::model {

QString keyStatusText(engine::KeyStatus status)
{
    switch (status) {
    case engine::KeyStatus::Alerting: return KeyListModel::tr("Alerting");
    case engine::KeyStatus::SilencedByJoin: return KeyListModel::tr("Silenced by join");
    case engine::KeyStatus::DroppedByBaseline: return KeyListModel::tr("Dropped by baseline");
    case engine::KeyStatus::FlaggedOutsideWindow: return KeyListModel::tr("Flagged earlier");
    case engine::KeyStatus::Quiet: return KeyListModel::tr("Quiet");
    }
    return {};
}

KeyListModel::KeyListModel(QObject *parent) : QAbstractTableModel(parent) { }

void KeyListModel::setResults(std::shared_ptr<const RuleResults> results)
{
    beginResetModel();
    m_results = std::move(results);
    m_rows = m_results ? engine::summarizeKeys(m_results->sentinel) : std::vector<engine::KeySummary>();
    m_sortKeys.clear();
    m_sortKeys.reserve(m_rows.size());
    for (const auto &row : m_rows)
        m_sortKeys.push_back(toQString(engine::addressSortKey(m_results->sentinel.series[row.series].key)));
    endResetModel();
}

int KeyListModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(m_rows.size());
}

int KeyListModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(Column::Count);
}

QVariant KeyListModel::display(const engine::KeySummary &row, Column column) const
{
    const QLocale locale;
    switch (column) {
    case Column::Status: return keyStatusText(row.status);
    case Column::Key: return toQString(m_results->sentinel.series[row.series].key);
    case Column::LatestScore: return locale.toString(row.latestScore, 'f', 2);
    case Column::MaxScore: return locale.toString(row.maxScore, 'f', 2);
    case Column::LatestCount: return locale.toString(static_cast<qlonglong>(row.latestCount));
    case Column::Baseline: return locale.toString(row.latestBaseline, 'f', 1);
    case Column::Alerts: return static_cast<qulonglong>(row.alerts);
    case Column::Records: return locale.toString(static_cast<qulonglong>(row.records));
    case Column::Count: break;
    }
    return {};
}

QVariant KeyListModel::raw(const engine::KeySummary &row, Column column) const
{
    switch (column) {
    case Column::Status: return static_cast<int>(row.status);
    case Column::Key: return m_sortKeys[static_cast<std::size_t>(&row - m_rows.data())];
    case Column::LatestScore: return row.latestScore;
    case Column::MaxScore: return row.maxScore;
    case Column::LatestCount: return row.latestCount;
    case Column::Baseline: return row.latestBaseline;
    case Column::Alerts: return static_cast<qulonglong>(row.alerts);
    case Column::Records: return static_cast<qulonglong>(row.records);
    case Column::Count: break;
    }
    return {};
}

QVariant KeyListModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const engine::KeySummary &row = m_rows[static_cast<std::size_t>(index.row())];
    const auto column = static_cast<Column>(index.column());
    switch (role) {
    case Qt::DisplayRole: return display(row, column);
    case Qt::TextAlignmentRole:
        if (column != Column::Status && column != Column::Key)
            return QVariant::fromValue(Qt::AlignRight | Qt::AlignVCenter);
        break;
    case KeyRole: return toQString(m_results->sentinel.series[row.series].key);
    case StatusRole: return static_cast<int>(row.status);
    case RawValueRole: return raw(row, column);
    case SeriesIndexRole: return static_cast<int>(row.series);
    default: break;
    }
    return {};
}

QVariant KeyListModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    const engine::SeriesShape shape = m_results ? m_results->sentinel.shape : engine::SeriesShape {};
    const QString bin = binLabel(shape.step);
    switch (static_cast<Column>(section)) {
    case Column::Status: return tr("Status");
    case Column::Key: return seriesKeyLabel(shape);
    case Column::LatestScore: return tr("Latest score");
    case Column::MaxScore: return tr("Max score");
    case Column::LatestCount: return tr("Last %1").arg(bin);
    case Column::Baseline: return tr("Baseline");
    case Column::Alerts: return tr("Alerts");
    case Column::Records: return tr("Records");
    case Column::Count: break;
    }
    return {};
}

} // namespace kvt::model
