// SPDX-License-Identifier: MIT
// One row per series key (caller IP): totals, peak and visibility. The chart's single source of truth.
#pragma once

#include <QAbstractTableModel>
#include <QList>

#include <memory>
#include <vector>

#include "engine/series/make_series.h"

namespace kvt::model {

/// Read-only view over an immutable SeriesTable snapshot; only the check state is editable.
/// GUI thread only.
class SeriesListModel : public QAbstractTableModel {
    Q_OBJECT
public:
    enum class Column { Key, Total, Peak, ActiveBins, Count };
    enum Role : int {
        KeyRole = Qt::UserRole + 1,
        TotalRole, ///< qint64, records over the whole axis
        PeakRole, ///< qint64, the largest bin
        ActiveBinsRole, ///< int, bins with at least one record
        ColorIndexRole, ///< int, position among the checked rows (-1 if unchecked); ui/ maps it to a palette
        SeriesIndexRole ///< int, the row in the underlying SeriesTable
    };

    explicit SeriesListModel(QObject *parent = nullptr);

    /// Swaps in a new snapshot (model reset) and checks the @p initiallyChecked largest keys.
    void setSeries(std::shared_ptr<const engine::SeriesTable> table, int initiallyChecked = 5);
    std::shared_ptr<const engine::SeriesTable> series() const { return m_table; }

    /// Rows whose check box is on, in row order.
    std::vector<int> checkedRows() const;
    void setAllChecked(bool checked);

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    bool setData(const QModelIndex &index, const QVariant &value, int role = Qt::EditRole) override;
    Qt::ItemFlags flags(const QModelIndex &index) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;
    QHash<int, QByteArray> roleNames() const override;

private:
    int colorIndexOf(std::size_t row) const;

    struct RowStats {
        qint64 total = 0;
        qint64 peak = 0;
        int activeBins = 0;
    };

    std::shared_ptr<const engine::SeriesTable> m_table;
    std::vector<RowStats> m_stats;
    std::vector<bool> m_checked;
};

} // namespace kvt::model
