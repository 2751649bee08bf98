// SPDX-License-Identifier: MIT
#include "ui/chart/time_series_chart.h"

#include <QDateTime>
#include <QLabel>
#include <QStackedLayout>
#include <QtCharts/QChart>
#include <QtCharts/QChartView>
#include <QtCharts/QDateTimeAxis>
#include <QtCharts/QLineSeries>
#include <QtCharts/QValueAxis>

#include <cmath>

#include "ui/series_palette.h"

namespace kvt::ui {

TimeSeriesChart::TimeSeriesChart(QWidget *parent)
    : QWidget(parent), m_chart(new QChart), m_view(new QChartView(m_chart)), m_xAxis(new QDateTimeAxis),
      m_yAxis(new QValueAxis), m_placeholder(new QLabel)
{
    m_chart->legend()->setAlignment(Qt::AlignBottom);
    m_chart->setMargins(QMargins(4, 4, 4, 4));
    m_xAxis->setFormat(QStringLiteral("MMM d"));
    m_xAxis->setTitleText(tr("UTC day"));
    m_yAxis->setLabelFormat(QStringLiteral("%d"));
    m_chart->addAxis(m_xAxis, Qt::AlignBottom);
    m_chart->addAxis(m_yAxis, Qt::AlignLeft);
    m_view->setRenderHint(QPainter::Antialiasing);

    m_placeholder->setAlignment(Qt::AlignCenter);
    m_placeholder->setWordWrap(true);
    m_placeholder->setText(tr("<h3>No series to show</h3><p>Open Key Vault audit logs with <b>File › Open</b> "
                              "or drop files here, then tick caller IPs in the list.</p>"));
    auto *stack = new QStackedLayout(this);
    stack->addWidget(m_placeholder);
    stack->addWidget(m_view);
}

void TimeSeriesChart::setChartData(const model::ChartData &chartData)
{
    // Series are rebuilt as a whole: a handful of 14-60 point lines costs microseconds, and
    // replace() below keeps even long series cheap (append() point by point is quadratic).
    m_chart->removeAllSeries();
    m_chart->setTitle(chartData.title);
    m_yAxis->setTitleText(chartData.yTitle);
    for (const auto &line : chartData.lines) {
        auto *series = new QLineSeries;
        series->setName(line.name);
        series->setColor(seriesColor(line.colorIndex));
        series->setPointsVisible(line.points.size() <= 120);
        series->replace(line.points);
        m_chart->addSeries(series);
        series->attachAxis(m_xAxis);
        series->attachAxis(m_yAxis);
    }
    m_xAxis->setRange(QDateTime::fromMSecsSinceEpoch(chartData.xMinMs, Qt::UTC),
        QDateTime::fromMSecsSinceEpoch(std::max(chartData.xMaxMs, chartData.xMinMs + 86'400'000), Qt::UTC));
    m_xAxis->setTickCount(std::clamp(static_cast<int>((chartData.xMaxMs - chartData.xMinMs) / 86'400'000) + 1, 2, 12));
    const double top = chartData.yMax <= 0 ? 10.0 : std::ceil(chartData.yMax * 1.1);
    m_yAxis->setRange(0, top);
    m_yAxis->applyNiceNumbers();
    static_cast<QStackedLayout *>(layout())->setCurrentIndex(chartData.isEmpty() ? 0 : 1);
}

int TimeSeriesChart::lineCount() const
{
    return static_cast<int>(m_chart->series().size());
}

int TimeSeriesChart::pointCount(int line) const
{
    const auto all = m_chart->series();
    if (line < 0 || line >= all.size())
        return -1;
    return static_cast<int>(static_cast<QLineSeries *>(all[line])->count());
}

QString TimeSeriesChart::lineName(int line) const
{
    const auto all = m_chart->series();
    return line >= 0 && line < all.size() ? all[line]->name() : QString();
}

QPair<qint64, qint64> TimeSeriesChart::xRangeMs() const
{
    return {m_xAxis->min().toMSecsSinceEpoch(), m_xAxis->max().toMSecsSinceEpoch()};
}

double TimeSeriesChart::yMax() const
{
    return m_yAxis->max();
}

} // namespace kvt::ui
