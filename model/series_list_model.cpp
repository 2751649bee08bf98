// SPDX-License-Identifier: MIT
#include "model/series_list_model.h"

#include <algorithm>
#include <numeric>

#include "model/text_conversions.h"

namespace kvt::model {

SeriesListModel::SeriesListModel(QObject *parent) : QAbstractTableModel(parent) { }

void SeriesListModel::setSeries(std::shared_ptr<const engine::SeriesTable> table, int initiallyChecked)
{
    beginResetModel();
    m_table = std::move(table);
    const std::size_t n = m_table ? m_table->keys.size() : 0;
    m_stats.assign(n, RowStats {});
    m_checked.assign(n, false);
    for (std::size_t k = 0; k < n; ++k) {
        for (const double v : m_table->row(k)) {
            const auto c = static_cast<qint64>(v);
            m_stats[k].total += c;
            m_stats[k].peak = std::max(m_stats[k].peak, c);
            m_stats[k].activeBins += c > 0 ? 1 : 0;
        }
    }
    std::vector<std::size_t> order(n);
    std::iota(order.begin(), order.end(), 0);
    std::stable_sort(
        order.begin(), order.end(), [&](std::size_t a, std::size_t b) { return m_stats[a].total > m_stats[b].total; });
    for (std::size_t i = 0; i < order.size() && i < static_cast<std::size_t>(std::max(initiallyChecked, 0)); ++i)
        m_checked[order[i]] = true;
    endResetModel();
}

int SeriesListModel::colorIndexOf(std::size_t row) const
{
    if (!m_checked[row])
        return -1;
    return static_cast<int>(std::count(m_checked.begin(), m_checked.begin() + static_cast<std::ptrdiff_t>(row), true));
}

std::vector<int> SeriesListModel::checkedRows() const
{
    std::vector<int> rows;
    for (std::size_t i = 0; i < m_checked.size(); ++i)
        if (m_checked[i])
            rows.push_back(static_cast<int>(i));
    return rows;
}

void SeriesListModel::setAllChecked(bool checked)
{
    if (m_checked.empty())
        return;
    std::fill(m_checked.begin(), m_checked.end(), checked);
    Q_EMIT dataChanged(index(0, 0), index(rowCount() - 1, 0), {Qt::CheckStateRole, ColorIndexRole});
}

int SeriesListModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(m_stats.size());
}

int SeriesListModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(Column::Count);
}

QVariant SeriesListModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const auto row = static_cast<std::size_t>(index.row());
    const RowStats &s = m_stats[row];
    const auto column = static_cast<Column>(index.column());
    switch (role) {
    case Qt::DisplayRole:
        switch (column) {
        case Column::Key: return toQString(m_table->keys[row]);
        case Column::Total: return s.total;
        case Column::Peak: return s.peak;
        case Column::ActiveBins: return s.activeBins;
        case Column::Count: break;
        }
        break;
    case Qt::CheckStateRole:
        if (column == Column::Key)
            return m_checked[row] ? Qt::Checked : Qt::Unchecked;
        break;
    case Qt::TextAlignmentRole:
        if (column != Column::Key)
            return QVariant::fromValue(Qt::AlignRight | Qt::AlignVCenter);
        break;
    case KeyRole: return toQString(m_table->keys[row]);
    case TotalRole: return s.total;
    case PeakRole: return s.peak;
    case ActiveBinsRole: return s.activeBins;
    case ColorIndexRole: return colorIndexOf(row);
    case SeriesIndexRole: return static_cast<int>(row);
    default: break;
    }
    return {};
}

bool SeriesListModel::setData(const QModelIndex &index, const QVariant &value, int role)
{
    if (role != Qt::CheckStateRole
        || !checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid)
        || index.column() != static_cast<int>(Column::Key))
        return false;
    const bool checked = value.value<Qt::CheckState>() == Qt::Checked;
    const auto row = static_cast<std::size_t>(index.row());
    if (m_checked[row] == checked)
        return true;
    m_checked[row] = checked;
    // Colours follow the order of the checked rows, so every checked row's colour may move.
    Q_EMIT dataChanged(this->index(0, 0), this->index(rowCount() - 1, 0), {Qt::CheckStateRole, ColorIndexRole});
    return true;
}

Qt::ItemFlags SeriesListModel::flags(const QModelIndex &index) const
{
    Qt::ItemFlags f = QAbstractTableModel::flags(index);
    if (index.isValid() && index.column() == static_cast<int>(Column::Key))
        f |= Qt::ItemIsUserCheckable;
    return f;
}

QVariant SeriesListModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (static_cast<Column>(section)) {
    case Column::Key: return tr("Caller IP");
    case Column::Total: return tr("Records");
    case Column::Peak: return tr("Peak/day");
    case Column::ActiveBins: return tr("Days");
    case Column::Count: break;
    }
    return {};
}

QHash<int, QByteArray> SeriesListModel::roleNames() const
{
    auto names = QAbstractTableModel::roleNames();
    names.insert(KeyRole, "key");
    names.insert(TotalRole, "total");
    names.insert(PeakRole, "peak");
    names.insert(ActiveBinsRole, "activeBins");
    names.insert(ColorIndexRole, "colorIndex");
    names.insert(SeriesIndexRole, "seriesIndex");
    return names;
}

} // namespace kvt::model
