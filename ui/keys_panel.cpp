// SPDX-License-Identifier: MIT
#include "ui/keys_panel.h"

#include <QHeaderView>
#include <QItemSelectionModel>
#include <QLabel>
#include <QLineEdit>
#include <QPixmap>
#include <QSortFilterProxyModel>
#include <QTableView>
#include <QVBoxLayout>

#include <array>

#include "model/analysis_session.h"
#include "model/key_list_model.h"
#include "ui/series_palette.h"

namespace kvt::ui {
namespace {

// Sorts on raw values and puts a status chip beside the status text.
class KeysProxy : public QSortFilterProxyModel {
public:
    using QSortFilterProxyModel::QSortFilterProxyModel;
    QVariant data(const QModelIndex &index, int role) const override
    {
        if (role == Qt::DecorationRole && index.column() == int(model::KeyListModel::Column::Status)) {
            const auto status = static_cast<engine::KeyStatus>(index.data(model::KeyListModel::StatusRole).toInt());
            QPixmap chip(10, 10);
            chip.fill(keyStatusColor(status));
            return chip;
        }
        return QSortFilterProxyModel::data(index, role);
    }
};

} // namespace

KeysPanel::KeysPanel(model::AnalysisSession *session, QWidget *parent)
    : QWidget(parent), m_session(session), m_proxy(new KeysProxy(this)), m_filter(new QLineEdit(this)),
      m_summary(new QLabel(this)), m_view(new QTableView(this))
{
    model::KeyListModel *keys = session->keyListModel();
    m_proxy->setSourceModel(keys);
    m_proxy->setSortRole(model::KeyListModel::RawValueRole);
    m_proxy->setFilterKeyColumn(int(model::KeyListModel::Column::Key));
    m_proxy->setFilterCaseSensitivity(Qt::CaseInsensitive);
    m_filter->setPlaceholderText(tr("Filter keys…"));
    m_filter->setClearButtonEnabled(true);
    connect(m_filter, &QLineEdit::textChanged, m_proxy, &QSortFilterProxyModel::setFilterFixedString);

    m_view->setModel(m_proxy);
    m_view->setSortingEnabled(true);
    m_view->sortByColumn(int(model::KeyListModel::Column::Status), Qt::AscendingOrder); // anomalous first
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->setSelectionMode(QAbstractItemView::ExtendedSelection); // several rows overlay in the chart
    m_view->verticalHeader()->hide();
    m_view->verticalHeader()->setDefaultSectionSize(22);
    m_view->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_view->setAlternatingRowColors(true);
    m_summary->setWordWrap(true);

    connect(
        m_view->selectionModel(), &QItemSelectionModel::currentRowChanged, this, [this](const QModelIndex &current) {
            if (current.isValid())
                m_session->selectKey(current.data(model::KeyListModel::KeyRole).toString());
        });
    connect(m_view->selectionModel(), &QItemSelectionModel::selectionChanged, this, [this] {
        QStringList chosen;
        for (const QModelIndex &row : m_view->selectionModel()->selectedRows())
            chosen.append(row.data(model::KeyListModel::KeyRole).toString());
        m_session->setChartKeys(chosen.size() > 1 ? chosen : QStringList()); // one row: the selected key
    });
    connect(m_session, &model::AnalysisSession::selectionChanged, this, &KeysPanel::followSelection);
    connect(keys, &QAbstractItemModel::modelReset, this, &KeysPanel::showCounts);
    connect(keys, &QAbstractItemModel::modelReset, this, &KeysPanel::followSelection);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_filter);
    layout->addWidget(m_summary);
    layout->addWidget(m_view);
    showCounts();
}

// One line that answers "what did the rule do?" before any row is read.
void KeysPanel::showCounts()
{
    const model::KeyListModel *keys = m_session->keyListModel();
    if (!keys->results()) {
        m_summary->setText(tr("The Sentinel rule has not run yet."));
        return;
    }
    std::array<int, 5> counts {};
    for (int r = 0; r < keys->rowCount(); ++r)
        ++counts[static_cast<std::size_t>(keys->summary(r).status)];
    QStringList parts;
    for (std::size_t s = 0; s < counts.size(); ++s)
        if (counts[s] > 0)
            parts.append(QStringLiteral("%1 %2").arg(counts[s]).arg(
                model::keyStatusText(static_cast<engine::KeyStatus>(s)).toLower()));
    m_summary->setText(
        tr("Sentinel rule, %n key(s): %1", nullptr, keys->rowCount()).arg(parts.join(QStringLiteral(" · "))));
}

void KeysPanel::followSelection()
{
    const QString key = m_session->selection().key;
    if (m_view->currentIndex().data(model::KeyListModel::KeyRole).toString() == key && !key.isEmpty())
        return;
    const QModelIndexList found
        = m_proxy->match(m_proxy->index(0, 0), model::KeyListModel::KeyRole, key, 1, Qt::MatchExactly);
    if (found.isEmpty())
        m_view->clearSelection();
    else
        m_view->setCurrentIndex(found.first());
}

} // namespace kvt::ui
