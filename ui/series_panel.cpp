// SPDX-License-Identifier: MIT
#include "ui/series_panel.h"

#include <QHBoxLayout>
#include <QHeaderView>
#include <QItemSelectionModel>
#include <QLineEdit>
#include <QPainter>
#include <QPixmap>
#include <QPushButton>
#include <QSortFilterProxyModel>
#include <QTableView>
#include <QVBoxLayout>

#include "model/analysis_session.h"
#include "model/series_list_model.h"
#include "ui/series_palette.h"

namespace kvt::ui {
namespace {

// Adds a colour swatch (the series' chart colour) to the key column.
class SwatchProxy : public QSortFilterProxyModel {
public:
    using QSortFilterProxyModel::QSortFilterProxyModel;
    QVariant data(const QModelIndex &index, int role) const override
    {
        if (role == Qt::DecorationRole && index.column() == 0) {
            const int colorIndex = QSortFilterProxyModel::data(index, model::SeriesListModel::ColorIndexRole).toInt();
            QPixmap swatch(10, 10);
            swatch.fill(colorIndex < 0 ? QColor(Qt::transparent) : seriesColor(colorIndex));
            return swatch;
        }
        return QSortFilterProxyModel::data(index, role);
    }
};

} // namespace

SeriesPanel::SeriesPanel(model::AnalysisSession *session, QWidget *parent)
    : QWidget(parent), m_session(session), m_series(session->seriesModel()), m_proxy(new SwatchProxy(this)),
      m_filter(new QLineEdit(this)), m_view(new QTableView(this))
{
    m_proxy->setSourceModel(m_series);
    m_proxy->setSortRole(Qt::DisplayRole);
    m_proxy->setFilterKeyColumn(static_cast<int>(model::SeriesListModel::Column::Key));
    m_proxy->setFilterCaseSensitivity(Qt::CaseInsensitive);

    m_filter->setPlaceholderText(tr("Filter caller IPs…"));
    m_filter->setClearButtonEnabled(true);
    connect(m_filter, &QLineEdit::textChanged, m_proxy, &QSortFilterProxyModel::setFilterFixedString);

    m_view->setModel(m_proxy);
    m_view->setSortingEnabled(true);
    m_view->sortByColumn(static_cast<int>(model::SeriesListModel::Column::Total), Qt::DescendingOrder);
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->verticalHeader()->hide();
    m_view->verticalHeader()->setDefaultSectionSize(22);
    m_view->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_view->horizontalHeader()->setSectionResizeMode(0, QHeaderView::Stretch);
    m_view->horizontalHeader()->setStretchLastSection(false);
    m_view->setAlternatingRowColors(true);

    auto *showTop = new QPushButton(tr("Top 5"), this);
    showTop->setToolTip(tr("Show the five callers with the most records"));
    auto *clear = new QPushButton(tr("None"), this);
    clear->setToolTip(tr("Hide every series"));
    connect(clear, &QPushButton::clicked, this, [this] { m_series->setAllChecked(false); });
    connect(showTop, &QPushButton::clicked, this, [this] { m_series->setSeries(m_series->series(), 5); });

    // The current row is the session's selected key, both ways.
    connect(
        m_view->selectionModel(), &QItemSelectionModel::currentRowChanged, this, [this](const QModelIndex &current) {
            if (current.isValid())
                m_session->selectKey(current.siblingAtColumn(0).data(model::SeriesListModel::KeyRole).toString());
        });
    connect(m_session, &model::AnalysisSession::selectionChanged, this, &SeriesPanel::followSelection);

    auto *buttons = new QHBoxLayout;
    buttons->addWidget(m_filter, 1);
    buttons->addWidget(showTop);
    buttons->addWidget(clear);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addLayout(buttons);
    layout->addWidget(m_view);
}

void SeriesPanel::followSelection()
{
    const QString key = m_session->selection().key;
    if (m_view->currentIndex().siblingAtColumn(0).data(model::SeriesListModel::KeyRole).toString() == key)
        return;
    const QModelIndexList found
        = m_proxy->match(m_proxy->index(0, 0), model::SeriesListModel::KeyRole, key, 1, Qt::MatchExactly);
    if (found.isEmpty())
        m_view->clearSelection();
    else
        m_view->setCurrentIndex(found.first());
}

} // namespace kvt::ui
