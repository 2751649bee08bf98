// SPDX-License-Identifier: MIT
#include "ui/chart/chart_panel.h"

#include <QVBoxLayout>

#include "model/analysis_session.h"
#include "model/chart_data_builder.h"
#include "model/series_list_model.h"
#include "ui/chart/time_series_chart.h"

namespace kvt::ui {

ChartPanel::ChartPanel(model::AnalysisSession *session, QWidget *parent)
    : QWidget(parent), m_series(session->seriesModel()), m_chart(new TimeSeriesChart(this))
{
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_chart);
    connect(m_series, &QAbstractItemModel::modelReset, this, &ChartPanel::rebuild);
    connect(m_series, &QAbstractItemModel::dataChanged, this,
        [this](const QModelIndex &, const QModelIndex &, const QList<int> &roles) {
            if (roles.isEmpty() || roles.contains(Qt::CheckStateRole))
                rebuild();
        });
    rebuild();
}

void ChartPanel::rebuild()
{
    const auto table = m_series->series();
    if (!table) {
        m_chart->setChartData({});
        return;
    }
    const auto rows = m_series->checkedRows();
    const QString title
        = tr("Daily records per caller IP (all operations) — %n shown", nullptr, static_cast<int>(rows.size()));
    m_chart->setChartData(model::buildChartData(*table, rows, title));
}

} // namespace kvt::ui
