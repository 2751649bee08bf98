// SPDX-License-Identifier: MIT
#include "ui/chart/time_series_chart.h"

#include <QCursor>
#include <QDateTime>
#include <QKeyEvent>
#include <QLabel>
#include <QStackedLayout>
#include <QToolTip>
#include <QtCharts/QAreaSeries>
#include <QtCharts/QChart>
#include <QtCharts/QChartView>
#include <QtCharts/QDateTimeAxis>
#include <QtCharts/QLegendMarker>
#include <QtCharts/QLineSeries>
#include <QtCharts/QScatterSeries>
#include <QtCharts/QValueAxis>

#include <cmath>

#include "ui/series_palette.h"

namespace kvt::ui {
namespace {

constexpr qint64 kDayMs = 86'400'000;

// Wheel zoom around the time axis; the rubber band and the keys do the rest.
class ZoomingChartView : public QChartView {
public:
    using QChartView::QChartView;

protected:
    void wheelEvent(QWheelEvent *event) override
    {
        if (event->angleDelta().y() > 0)
            chart()->zoom(1.25);
        else if (event->angleDelta().y() < 0)
            chart()->zoom(0.8);
        event->accept();
    }
};

// Ticks on bin boundaries: QDateTimeAxis spaces its ticks evenly, so the count must divide the span;
// and no more of them than fit their labels.
int tickCountFor(qint64 bins, int maxTicks)
{
    if (bins < 1)
        return 2;
    for (qint64 per = 1; per <= bins; ++per)
        if (bins % per == 0 && bins / per + 1 <= maxTicks)
            return static_cast<int>(bins / per) + 1;
    return 2;
}

} // namespace

TimeSeriesChart::TimeSeriesChart(QWidget *parent)
    : QWidget(parent), m_chart(new QChart), m_view(new ZoomingChartView(m_chart)), m_xAxis(new QDateTimeAxis),
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
    m_view->setRubberBand(QChartView::HorizontalRubberBand);
    applyTheme();
    setFocusPolicy(Qt::StrongFocus);

    m_placeholder->setAlignment(Qt::AlignCenter);
    m_placeholder->setWordWrap(true);
    m_placeholder->setText(tr("<h3>No series to show</h3><p>Open Key Vault audit logs with <b>File › Open</b> "
                              "or drop files here, then tick caller IPs in the list.</p>"));
    auto *stack = new QStackedLayout(this);
    stack->addWidget(m_placeholder);
    stack->addWidget(m_view);
}

void TimeSeriesChart::attach(QAbstractSeries *series, QValueAxis *y)
{
    m_chart->addSeries(series);
    series->attachAxis(m_xAxis);
    series->attachAxis(y);
}

void TimeSeriesChart::addLine(const model::ChartLine &line, bool dashed)
{
    auto *series = new QLineSeries;
    series->setName(line.name);
    QPen pen(seriesColor(line.colorIndex), dashed ? 1.5 : 2.0);
    if (dashed)
        pen.setStyle(Qt::DashLine);
    series->setPen(pen);
    series->setPointsVisible(!dashed && line.points.size() <= 120);
    series->replace(line.points);
    attach(series, m_yAxis);
    if (dashed) // the title says what dashes mean; a legend entry per baseline would crowd out the keys
        m_chart->legend()->markers(series).value(0)->setVisible(false);
    (dashed ? m_baselines : m_lines).append(series);
    if (!line.key.isEmpty() && !dashed) {
        m_tips.insert(line.key, {line.points, line.tips});
        const QString key = line.key;
        connect(series, &QXYSeries::hovered, this, [this, key](QPointF p, bool state) { showTip(key, p, state); });
        connect(series, &QXYSeries::clicked, this, [this, key](QPointF p) { activatePoint(key, p); });
    }
}

void TimeSeriesChart::addMarkers(const model::ChartData &chartData)
{
    // Rises alerted (filled), rises stopped by a filter or the join (hollow), drops (never alert).
    const QColor rise(0xc6, 0x28, 0x28), drop(0x15, 0x65, 0xc0);
    const struct {
        QString name;
        QColor color;
        bool filled;
    } kinds[] = {{tr("alerted rise"), rise, true}, {tr("rise without alert"), rise, false}, {tr("drop"), drop, false}};
    for (const auto &kind : kinds) {
        auto *series = new QScatterSeries;
        series->setName(kind.name);
        series->setMarkerShape(QScatterSeries::MarkerShapeCircle);
        series->setMarkerSize(13);
        series->setPen(QPen(kind.color, 2));
        const QColor hollow = isDark() ? QColor(0x30, 0x30, 0x30) : QColor(Qt::white); // the plot's own ground
        series->setBrush(kind.filled ? QBrush(kind.color) : QBrush(hollow));
        series->setProperty("filled", kind.filled);
        m_markers.append(series);
    }
    for (const auto &m : chartData.markers) {
        const int kind = m.flag < 0 ? 2 : (m.alerted ? 0 : 1);
        m_markers[kind]->append(m.point);
    }
    for (auto *series : std::as_const(m_markers)) {
        if (series->count() == 0) {
            delete series;
            continue;
        }
        attach(series, m_yAxis);
        QList<QPair<QPointF, QString>> keys; // a marker click needs only which key the point is of
        for (const auto &m : chartData.markers)
            keys.append({m.point, m.key});
        connect(series, &QXYSeries::clicked, this, [this, keys](QPointF p) {
            for (const auto &[point, key] : keys)
                if (point == p) {
                    activatePoint(key, p);
                    return;
                }
        });
    }
    m_markers.removeIf([this](QScatterSeries *s) { return !m_chart->series().contains(s); });
}

void TimeSeriesChart::addBands(const model::ChartData &chartData, double top)
{
    for (const auto &band : chartData.bands) {
        auto *upper = new QLineSeries(this);
        upper->append(double(band.fromMs), top);
        upper->append(double(band.toMs), top);
        auto *area = new QAreaSeries(upper);
        area->setName(band.label);
        const bool evaluated = band.kind == model::ChartBand::Kind::EvaluatedBin;
        area->setColor(evaluated ? QColor(255, 193, 7, 60) : QColor(120, 144, 156, 40));
        area->setBorderColor(Qt::transparent);
        attach(area, m_yAxis);
        ++m_bandCount;
    }
}

void TimeSeriesChart::addScores(const model::ChartData &chartData)
{
    if (chartData.scores.isEmpty())
        return;
    m_scoreAxis = new QValueAxis;
    m_scoreAxis->setTitleText(tr("score"));
    const double reach
        = std::max({std::abs(chartData.scoreMin), std::abs(chartData.scoreMax), chartData.threshold}) * 1.15;
    m_scoreAxis->setRange(-reach, reach);
    m_chart->addAxis(m_scoreAxis, Qt::AlignRight);
    for (const auto &line : chartData.scores) {
        auto *series = new QLineSeries;
        series->setName(line.name);
        series->setPen(QPen(seriesColor(line.colorIndex), 1, Qt::DotLine));
        series->replace(line.points);
        attach(series, m_scoreAxis);
    }
    for (const double t : {chartData.threshold, -chartData.threshold}) {
        auto *series = new QLineSeries;
        series->setName(t > 0 ? tr("± threshold %1").arg(chartData.threshold) : QString());
        series->setPen(QPen(QColor(0xc6, 0x28, 0x28, 140), 1, Qt::DashDotLine));
        series->append(double(chartData.xMinMs), t);
        series->append(double(std::max(chartData.xMaxMs, chartData.xMinMs + chartData.stepMs)), t);
        attach(series, m_scoreAxis);
        if (t < 0)
            m_chart->legend()->markers(series).value(0)->setVisible(false);
    }
}

// Light or dark with the system palette: QtCharts has its own themes and does not follow it.
bool TimeSeriesChart::applyTheme()
{
    const bool dark = palette().color(QPalette::Window).lightness() < 128;
    const auto theme = dark ? QChart::ChartThemeDark : QChart::ChartThemeLight;
    if (m_chart->theme() == theme)
        return false;
    m_chart->setTheme(theme);
    return true;
}

void TimeSeriesChart::changeEvent(QEvent *event)
{
    QWidget::changeEvent(event);
    if (event->type() == QEvent::PaletteChange && applyTheme())
        setChartData(m_last); // a theme resets the series' own colours: draw them again
}

void TimeSeriesChart::setChartData(const model::ChartData &chartData)
{
    m_last = chartData;
    // Series are rebuilt as a whole: replace() keeps even long series cheap (append() point by
    // point on a visible series is quadratic), and the builder has decimated what cannot be seen.
    m_chart->zoomReset();
    m_chart->removeAllSeries();
    m_lines.clear();
    m_baselines.clear();
    m_markers.clear();
    m_tips.clear();
    m_bandCount = 0;
    if (m_scoreAxis) {
        m_chart->removeAxis(m_scoreAxis);
        delete m_scoreAxis;
        m_scoreAxis = nullptr;
    }
    m_stepMs = chartData.stepMs > 0 ? chartData.stepMs : kDayMs;
    m_chart->setTitle(chartData.title);
    m_yAxis->setTitleText(chartData.yTitle);
    m_xAxis->setTitleText(chartData.xTitle);
    m_xAxis->setFormat(m_stepMs % kDayMs == 0 ? QStringLiteral("MMM d") : QStringLiteral("MMM d HH:mm"));
    const double top = chartData.yMax <= 0 ? 10.0 : std::ceil(chartData.yMax * 1.1);
    addBands(chartData, top);
    for (const auto &line : chartData.lines)
        addLine(line, false);
    for (const auto &line : chartData.baselines)
        addLine(line, true);
    addMarkers(chartData);
    addScores(chartData);
    const qint64 end
        = std::max(chartData.xMaxMs + (chartData.bands.isEmpty() ? 0 : m_stepMs), chartData.xMinMs + m_stepMs);
    m_xAxis->setRange(
        QDateTime::fromMSecsSinceEpoch(chartData.xMinMs, Qt::UTC), QDateTime::fromMSecsSinceEpoch(end, Qt::UTC));
    const int labelWidth = m_stepMs % kDayMs == 0 ? 70 : 110;
    m_xAxis->setTickCount(tickCountFor((end - chartData.xMinMs) / m_stepMs, std::clamp(width() / labelWidth, 4, 15)));
    m_yAxis->setRange(0, top);
    m_yAxis->applyNiceNumbers();
    if (!chartData.emptyText.isEmpty())
        m_placeholder->setText(chartData.emptyText);
    static_cast<QStackedLayout *>(layout())->setCurrentIndex(chartData.isEmpty() ? 0 : 1);
}

void TimeSeriesChart::showTip(const QString &key, QPointF value, bool state)
{
    if (!state) {
        QToolTip::hideText();
        return;
    }
    const auto found = m_tips.constFind(key);
    if (found == m_tips.constEnd() || found->second.isEmpty())
        return;
    // The nearest bin of the hovered line: hover reports a point on the segment, not a vertex.
    const auto &points = found->first;
    qsizetype best = 0;
    for (qsizetype i = 1; i < points.size(); ++i)
        if (std::abs(points[i].x() - value.x()) < std::abs(points[best].x() - value.x()))
            best = i;
    QToolTip::showText(QCursor::pos(), found->second.value(best), this);
}

void TimeSeriesChart::activatePoint(const QString &key, QPointF value)
{
    const qint64 x = static_cast<qint64>(value.x());
    const qint64 origin = static_cast<qint64>(m_xAxis->min().toMSecsSinceEpoch());
    const qint64 bin = origin + ((x - origin) / m_stepMs) * m_stepMs; // the bin the point lies in
    Q_EMIT pointActivated(key, bin);
}

void TimeSeriesChart::keyPressEvent(QKeyEvent *event)
{
    switch (event->key()) {
    case Qt::Key_Plus:
    case Qt::Key_Equal: m_chart->zoom(1.25); break;
    case Qt::Key_Minus: m_chart->zoom(0.8); break;
    case Qt::Key_Left: m_chart->scroll(-m_chart->plotArea().width() / 10, 0); break;
    case Qt::Key_Right: m_chart->scroll(m_chart->plotArea().width() / 10, 0); break;
    case Qt::Key_0: m_chart->zoomReset(); break;
    default: QWidget::keyPressEvent(event); return;
    }
    event->accept();
}

int TimeSeriesChart::lineCount() const
{
    return static_cast<int>(m_lines.size());
}

int TimeSeriesChart::pointCount(int line) const
{
    return line >= 0 && line < m_lines.size() ? static_cast<int>(m_lines[line]->count()) : -1;
}

QString TimeSeriesChart::lineName(int line) const
{
    return line >= 0 && line < m_lines.size() ? m_lines[line]->name() : QString();
}

int TimeSeriesChart::markerCount(bool filled) const
{
    int n = 0;
    for (auto *series : m_markers)
        if (series->property("filled").toBool() == filled)
            n += static_cast<int>(series->count());
    return n;
}

QPair<qint64, qint64> TimeSeriesChart::xRangeMs() const
{
    return {m_xAxis->min().toMSecsSinceEpoch(), m_xAxis->max().toMSecsSinceEpoch()};
}

bool TimeSeriesChart::isDark() const
{
    return m_chart->theme() == QChart::ChartThemeDark;
}

double TimeSeriesChart::yMax() const
{
    return m_yAxis->max();
}

} // namespace kvt::ui
