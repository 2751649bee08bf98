// SPDX-License-Identifier: MIT
#include "ui/chart/threshold_advice_panel.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QLocale>
#include <QVBoxLayout>
#include <QtCharts/QAreaSeries>
#include <QtCharts/QCategoryAxis>
#include <QtCharts/QChart>
#include <QtCharts/QChartView>
#include <QtCharts/QLineSeries>
#include <QtCharts/QValueAxis>

#include <cmath>
#include <functional>

#include "engine/rules/rule_parameters.h"
#include "model/analysis_session.h"
#include "model/tuning_advisor.h"

namespace kvt::ui {
namespace {

using XOf = std::function<double(double)>; // a threshold's position on the x axis

QString number(double v)
{
    return QLocale().toString(v, 'g', 6);
}

void clearChart(QChart *chart)
{
    chart->removeAllSeries();
    for (QAbstractAxis *axis : chart->axes()) {
        chart->removeAxis(axis);
        delete axis; // removeAxis hands ownership back
    }
}

QChart *createChart(const QString &title)
{
    auto *chart = new QChart;
    chart->setTitle(title);
    chart->legend()->setAlignment(Qt::AlignBottom);
    chart->setMargins(QMargins(2, 2, 2, 2));
    return chart;
}

QValueAxis *countAxis(const QString &title, double highest)
{
    auto *axis = new QValueAxis;
    axis->setRange(0, std::max(1.0, highest));
    axis->setLabelFormat(QStringLiteral("%d"));
    axis->setTickCount(5);
    axis->applyNiceNumbers();
    axis->setTitleText(title);
    return axis;
}

// The chart of one threshold: the spread of the points it decides on (a step area on the right
// axis), the anomalies and alerts each grid value would give (lines on the left axis), and the
// current value as a vertical line. Returns the alerts curve.
QLineSeries *fillCurveChart(QChart *chart, QAbstractAxis *x, const std::vector<engine::ThresholdCurvePoint> &curve,
    const std::vector<engine::HistogramBucket> &buckets, const XOf &xOf, double xMax, double current)
{
    clearChart(chart);
    auto *upper = new QLineSeries;
    double mostPoints = 0;
    for (const auto &b : buckets) {
        const double from = std::min(xOf(b.from), xMax);
        const double to = std::min(std::isinf(b.to) ? xMax : xOf(b.to), xMax);
        if (from >= xMax)
            break;
        upper->append(from, static_cast<double>(b.count));
        upper->append(to, static_cast<double>(b.count));
        mostPoints = std::max(mostPoints, static_cast<double>(b.count));
    }
    auto *spread = new QAreaSeries(upper);
    upper->setParent(spread); // QAreaSeries does not own its line: removeAllSeries would leak it
    spread->setName(QObject::tr("points"));
    QColor fill(0x7f, 0x7f, 0x7f, 70);
    spread->setBrush(fill);
    spread->setPen(QPen(fill.darker(), 1));

    auto *alerts = new QLineSeries;
    alerts->setName(QObject::tr("alerts"));
    alerts->setPointsVisible(true);
    alerts->setPen(QPen(QColor(0xd6, 0x27, 0x28), 2));
    auto *anomalies = new QLineSeries;
    anomalies->setName(QObject::tr("anomalies"));
    anomalies->setPen(QPen(QColor(0x1f, 0x77, 0xb4), 1.5, Qt::DashLine));
    double mostAlerts = 0;
    for (const auto &p : curve) {
        alerts->append(xOf(p.threshold), static_cast<double>(p.alerts));
        anomalies->append(xOf(p.threshold), static_cast<double>(p.anomalies));
        mostAlerts = std::max({mostAlerts, static_cast<double>(p.alerts), static_cast<double>(p.anomalies)});
    }
    QValueAxis *left = countAxis(QObject::tr("alerts, anomalies"), mostAlerts);
    QValueAxis *right = countAxis(QObject::tr("points"), mostPoints);
    auto *marker = new QLineSeries;
    marker->setName(QObject::tr("current"));
    marker->setPen(QPen(QColor(0xff, 0x8c, 0x00), 2, Qt::DashLine));
    marker->append(xOf(current), 0);
    marker->append(xOf(current), left->max());

    chart->addAxis(x, Qt::AlignBottom);
    chart->addAxis(left, Qt::AlignLeft);
    chart->addAxis(right, Qt::AlignRight);
    for (QAbstractSeries *s : std::initializer_list<QAbstractSeries *> {spread, anomalies, alerts, marker}) {
        chart->addSeries(s);
        s->attachAxis(x);
        s->attachAxis(s == spread ? right : left);
    }
    return alerts;
}

// The grid value nearest to x position @p at.
int nearest(const std::vector<engine::ThresholdCurvePoint> &curve, const XOf &xOf, double at)
{
    int best = -1;
    for (std::size_t i = 0; i < curve.size(); ++i)
        if (best < 0 || std::abs(xOf(curve[i].threshold) - at) < std::abs(xOf(curve[std::size_t(best)].threshold) - at))
            best = static_cast<int>(i);
    return best;
}

// "2.5 → 20 alerts, 3.5 → 8": the grid values around the current one.
QString neighbours(const std::vector<engine::ThresholdCurvePoint> &curve, double current)
{
    QStringList parts;
    for (std::size_t i = 0; i < curve.size(); ++i) {
        if (curve[i].threshold != current)
            continue;
        for (const std::size_t j : {i - 1, i + 1})
            if (j < curve.size())
                parts << QObject::tr("%1 → %n alert(s)", nullptr, static_cast<int>(curve[j].alerts))
                             .arg(number(curve[j].threshold));
    }
    return parts.join(QStringLiteral(", "));
}

const engine::ThresholdCurvePoint *at(const std::vector<engine::ThresholdCurvePoint> &curve, double threshold)
{
    for (const auto &p : curve)
        if (p.threshold == threshold)
            return &p;
    return nullptr;
}

// The baseline grid is not evenly spaced: its values stand at their index on the x axis.
XOf baselineX(const std::vector<engine::ThresholdCurvePoint> &curve)
{
    std::vector<double> grid;
    for (const auto &p : curve)
        grid.push_back(p.threshold);
    return [grid](double v) {
        if (grid.empty() || v <= grid.front())
            return 0.0;
        for (std::size_t i = 1; i < grid.size(); ++i)
            if (v <= grid[i])
                return static_cast<double>(i - 1) + (v - grid[i - 1]) / (grid[i] - grid[i - 1]);
        return static_cast<double>(grid.size() - 1);
    };
}

} // namespace

ThresholdAdvicePanel::ThresholdAdvicePanel(
    model::AnalysisSession *session, model::TuningAdvisor *advisor, QWidget *parent)
    : QWidget(parent), m_session(session), m_advisor(advisor), m_summary(new QLabel(this)),
      m_scoreChart(createChart(tr("Score threshold"))), m_baselineChart(createChart(tr("Baseline threshold"))),
      m_scoreView(new QChartView(m_scoreChart, this)), m_baselineView(new QChartView(m_baselineChart, this))
{
    m_summary->setWordWrap(true);
    m_summary->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_scoreView->setToolTip(tr("Grey: the in-window points whose baseline passes, by score (what the score "
                               "threshold cuts)"));
    m_baselineView->setToolTip(tr("Grey: the in-window points whose score passes, by baseline (what the baseline "
                                  "threshold cuts)"));
    for (QChartView *view : {m_scoreView, m_baselineView}) {
        view->setRenderHint(QPainter::Antialiasing);
        view->setMinimumHeight(160);
    }
    auto *charts = new QHBoxLayout;
    charts->addWidget(m_scoreView);
    charts->addWidget(m_baselineView);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(4, 4, 4, 4);
    layout->addWidget(m_summary);
    layout->addLayout(charts, 1);
    connect(advisor, &model::TuningAdvisor::adviceChanged, this, &ThresholdAdvicePanel::rebuild);
    rebuild();
}

QList<QPointF> ThresholdAdvicePanel::scoreAlertPoints() const
{
    return m_scoreAlerts ? m_scoreAlerts->points() : QList<QPointF>();
}

QList<QPointF> ThresholdAdvicePanel::baselineAlertPoints() const
{
    return m_baselineAlerts ? m_baselineAlerts->points() : QList<QPointF>();
}

void ThresholdAdvicePanel::showEvent(QShowEvent *event)
{
    QWidget::showEvent(event);
    m_advisor->setViewer(this, true);
}

void ThresholdAdvicePanel::hideEvent(QHideEvent *event)
{
    QWidget::hideEvent(event);
    m_advisor->setViewer(this, false);
}

void ThresholdAdvicePanel::rebuild()
{
    const auto advice = m_advisor->advice();
    if (!advice) {
        clearChart(m_scoreChart);
        clearChart(m_baselineChart);
        m_scoreAlerts = m_baselineAlerts = nullptr;
        m_summary->setText(m_session->backtest()
                ? tr("Replaying the backtest at every threshold…")
                : tr("The threshold advice follows the backtest once data is loaded."));
        return;
    }
    const engine::ThresholdAdvice &t = advice->thresholds;
    if (!t.available) {
        m_summary->setText(tr("Threshold advice needs a bin that divides a day (the bin is %1): every threshold "
                              "would need its own pass of counts per day.")
                               .arg(QString::fromStdString(engine::formatDuration(t.params.bin))));
        return;
    }
    fillScoreChart();
    fillBaselineChart();
    const double score = t.params.scoreThreshold, baseline = t.params.baselineThreshold;
    const engine::ThresholdCurvePoint *now = at(t.byScore, score);
    QString text = tr("Over %n daily run(s), ", nullptr, static_cast<int>(t.runs));
    text += tr("score threshold %1 and baseline threshold %2 give %n Sentinel alert(s)", nullptr,
        now ? static_cast<int>(now->alerts) : 0)
                .arg(number(score), number(baseline));
    text += tr(" on %n day(s)", nullptr, now ? static_cast<int>(now->alertingRuns) : 0);
    text += QStringLiteral(". ")
        + tr("Score %1; baseline %2.").arg(neighbours(t.byScore, score), neighbours(t.byBaseline, baseline));
    text += QLatin1Char(' ') + tr("Click a point to try that threshold.");
    m_summary->setText(text);
}

void ThresholdAdvicePanel::fillScoreChart()
{
    const engine::ThresholdAdvice &t = m_advisor->advice()->thresholds;
    const XOf identity = [](double v) { return v; };
    const double xMax = t.byScore.back().threshold + 0.25;
    auto *x = new QValueAxis;
    x->setRange(0, xMax);
    x->setTickCount(6);
    x->setTitleText(tr("score threshold"));
    m_scoreAlerts = fillCurveChart(m_scoreChart, x, t.byScore, t.scores, identity, xMax, t.params.scoreThreshold);
    connect(m_scoreAlerts, &QLineSeries::clicked, this, [this, identity](const QPointF &p) {
        tryScorePoint(nearest(m_advisor->advice()->thresholds.byScore, identity, p.x()));
    });
}

void ThresholdAdvicePanel::fillBaselineChart()
{
    const engine::ThresholdAdvice &t = m_advisor->advice()->thresholds;
    const XOf xOf = baselineX(t.byBaseline);
    auto *x = new QCategoryAxis;
    x->setLabelsPosition(QCategoryAxis::AxisLabelsPositionOnValue);
    for (std::size_t i = 0; i < t.byBaseline.size(); ++i)
        x->append(number(t.byBaseline[i].threshold), static_cast<double>(i));
    const double xMax = static_cast<double>(t.byBaseline.size() - 1) + 0.5;
    x->setRange(0, xMax);
    x->setTitleText(tr("baseline threshold"));
    m_baselineAlerts
        = fillCurveChart(m_baselineChart, x, t.byBaseline, t.baselines, xOf, xMax, t.params.baselineThreshold);
    connect(m_baselineAlerts, &QLineSeries::clicked, this, [this, xOf](const QPointF &p) {
        tryBaselinePoint(nearest(m_advisor->advice()->thresholds.byBaseline, xOf, p.x()));
    });
}

void ThresholdAdvicePanel::tryScorePoint(int index)
{
    const auto advice = m_advisor->advice();
    if (!advice || index < 0 || static_cast<std::size_t>(index) >= advice->thresholds.byScore.size())
        return;
    engine::SentinelParams p = m_session->sentinelParams();
    p.scoreThreshold = advice->thresholds.byScore[static_cast<std::size_t>(index)].threshold;
    m_session->setSentinelParams(p, model::AnalysisSession::Apply::Now);
}

void ThresholdAdvicePanel::tryBaselinePoint(int index)
{
    const auto advice = m_advisor->advice();
    if (!advice || index < 0 || static_cast<std::size_t>(index) >= advice->thresholds.byBaseline.size())
        return;
    engine::SentinelParams p = m_session->sentinelParams();
    p.baselineThreshold = advice->thresholds.byBaseline[static_cast<std::size_t>(index)].threshold;
    m_session->setSentinelParams(p, model::AnalysisSession::Apply::Now);
}

} // namespace kvt::ui
