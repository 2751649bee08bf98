// SPDX-License-Identifier: MIT
#include "ui/chart/backtest_panel.h"

#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLocale>
#include <QPushButton>
#include <QSplitter>
#include <QTabWidget>
#include <QTableWidget>
#include <QToolTip>
#include <QVBoxLayout>
#include <QtCharts/QBarCategoryAxis>
#include <QtCharts/QBarSeries>
#include <QtCharts/QBarSet>
#include <QtCharts/QChart>
#include <QtCharts/QChartView>
#include <QtCharts/QValueAxis>

#include "model/analysis_session.h"
#include "model/text_conversions.h"

namespace kvt::ui {
namespace {

QString dayText(engine::Ticks t)
{
    return model::ticksToDateTime(t).toString(QStringLiteral("yyyy-MM-dd"));
}

QString keyList(const std::vector<std::string> &keys)
{
    QStringList out;
    for (const auto &k : keys)
        out.append(model::toQString(k));
    return out.join(QStringLiteral(", "));
}

QTableWidgetItem *numberItem(int value)
{
    auto *item = new QTableWidgetItem;
    item->setData(Qt::DisplayRole, value); // sorts as a number
    item->setTextAlignment(Qt::AlignRight | Qt::AlignVCenter);
    return item;
}

QTableWidget *createTable(QWidget *parent)
{
    auto *t = new QTableWidget(parent);
    t->setEditTriggers(QAbstractItemView::NoEditTriggers);
    t->setSelectionBehavior(QAbstractItemView::SelectRows);
    t->setSelectionMode(QAbstractItemView::SingleSelection);
    t->verticalHeader()->hide();
    t->verticalHeader()->setDefaultSectionSize(22);
    t->setWordWrap(false);
    t->setAlternatingRowColors(true);
    return t;
}

} // namespace

BacktestPanel::BacktestPanel(model::AnalysisSession *session, QWidget *parent)
    : QWidget(parent), m_session(session), m_summaryLabel(new QLabel(this)),
      m_pin(new QPushButton(tr("&Pin as A"), this)), m_corrected(new QPushButton(tr("Compare with co&rrected"), this)),
      m_chart(new QChart), m_view(new QChartView(m_chart, this)), m_keys(createTable(this)), m_days(createTable(this))
{
    m_summaryLabel->setWordWrap(true);
    m_summaryLabel->setText(tr("The backtest replays the scheduled rules once a day when data is loaded."));
    m_pin->setCheckable(true);
    m_pin->setToolTip(tr("Keep the current parameters as A; every change after it is compared with A"));
    m_corrected->setToolTip(tr("Pin the current parameters as A and switch to them with the full-bin drill-down and "
                               "claim back-fill: what the deployed rule's first-hour join costs"));
    connect(m_pin, &QPushButton::clicked, this, [this](bool pin) {
        if (pin)
            m_session->pinCurrentParameters();
        else
            m_session->unpin();
    });
    connect(m_corrected, &QPushButton::clicked, m_session, &model::AnalysisSession::compareWithCorrected);

    m_chart->legend()->setAlignment(Qt::AlignTop);
    m_chart->setMargins(QMargins(4, 4, 4, 4));
    m_view->setRenderHint(QPainter::Antialiasing);
    m_view->setMinimumHeight(140);

    m_keys->setColumnCount(5);
    m_keys->setHorizontalHeaderLabels({tr("Key"), tr("Alerts"), tr("Days"), tr("Alerts in A"), tr("Change")});
    m_days->setColumnCount(6);
    m_days->setHorizontalHeaderLabels(
        {tr("Run (UTC)"), tr("Alerts"), tr("ES|QL"), tr("Alerts in A"), tr("Gained"), tr("Lost")});
    connect(m_keys, &QTableWidget::cellActivated, this, [this](int row, int) { activateKeyRow(row); });
    connect(m_days, &QTableWidget::cellActivated, this,
        [this](int row, int) { activateRun(m_days->item(row, 0)->data(Qt::UserRole).toInt()); });

    auto *buttons = new QHBoxLayout;
    buttons->addWidget(m_summaryLabel, 1);
    buttons->addWidget(m_pin);
    buttons->addWidget(m_corrected);
    auto *tables = new QTabWidget(this);
    tables->addTab(m_keys, tr("Keys"));
    tables->addTab(m_days, tr("Days"));
    auto *split = new QSplitter(Qt::Horizontal, this);
    split->addWidget(m_view);
    split->addWidget(tables);
    split->setStretchFactor(0, 3);
    split->setStretchFactor(1, 2);
    // The same 3:2 from the start (the stretch factors only share out later resizes): the tables'
    // size hints would otherwise leave the bars of both rules a sliver.
    split->setSizes({3000, 2000});
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(4, 4, 4, 4);
    layout->addLayout(buttons);
    layout->addWidget(split, 1);

    connect(session, &model::AnalysisSession::backtestChanged, this, &BacktestPanel::rebuild);
    connect(session, &model::AnalysisSession::pinnedChanged, this,
        [this] { m_pin->setChecked(m_session->pinnedParameters().has_value()); });
    connect(session, &model::AnalysisSession::resultsChanged, this, &BacktestPanel::showEvaluatedDay);
    rebuild();
}

void BacktestPanel::rebuild()
{
    const auto outcome = m_session->backtest();
    m_summary = outcome ? model::summarizeBacktest(*outcome) : model::BacktestSummary {};
    const QLocale locale;
    if (!outcome) {
        m_summaryLabel->setText(tr("The backtest replays the scheduled rules once a day when data is loaded."));
    } else if (m_summary.days.empty()) {
        m_summaryLabel->setText(tr("No day of the data has a full look-back of %n day(s): nothing to replay.", nullptr,
            outcome->current.params.sentinel.lookbackDays));
    } else {
        QString text = tr("%n daily run(s) at %1 UTC, %2 to %3: ", nullptr, static_cast<int>(m_summary.days.size()))
                           .arg(model::ticksToDateTime(outcome->runAt).toString(QStringLiteral("HH:mm")),
                               dayText(m_summary.days.front().now), dayText(m_summary.days.back().now));
        text += tr("Sentinel %n alert(s)", nullptr, m_summary.alerts);
        text += tr(" on %n day(s)", nullptr, m_summary.alertingDays);
        text += tr(", ES|QL %n alert(s)", nullptr, m_summary.bursts);
        if (m_summary.compared) {
            const int gained = std::max(0, m_summary.alerts - m_summary.alertsA);
            const int lost = std::max(0, m_summary.alertsA - m_summary.alerts);
            text += tr(". Against A: Sentinel %1 → %2 (%3), ES|QL %4 → %5.")
                        .arg(locale.toString(m_summary.alertsA), locale.toString(m_summary.alerts),
                            gained || lost
                                ? (gained ? QStringLiteral("+%1").arg(gained) : QStringLiteral("−%1").arg(lost))
                                : tr("no change"),
                            locale.toString(m_summary.burstsA), locale.toString(m_summary.bursts));
        } else {
            text += QLatin1Char('.');
        }
        m_summaryLabel->setText(text);
    }
    fillChart();
    fillKeys();
    fillDays();
    showEvaluatedDay();
}

void BacktestPanel::fillChart()
{
    m_chart->removeAllSeries();
    for (QAbstractAxis *axis : m_chart->axes()) {
        m_chart->removeAxis(axis);
        delete axis; // removeAxis hands ownership back
    }
    m_current = m_pinned = m_bursts = m_burstsA = nullptr;
    if (m_summary.days.empty())
        return;
    // Per run, each rule's pair side by side, A before B: Sentinel in red, ES|QL in blue (mid tones
    // that read on light and dark grounds), A's bars in a pale shade of its rule's colour (grey for
    // Sentinel, as before). Not the series palette: its colours name keys in the series chart.
    auto *series = new QBarSeries;
    const auto addSet = [series](const QString &name, const QColor &color) {
        auto *set = new QBarSet(name);
        set->setColor(color);
        series->append(set);
        return set;
    };
    if (m_summary.compared)
        m_pinned = addSet(tr("Sentinel alerts in A"), QColor(0x90, 0x90, 0x90));
    m_current = addSet(tr("Sentinel alerts"), QColor(0xd6, 0x27, 0x28));
    m_current->setSelectedColor(QColor(0xff, 0xa5, 0x00)); // the evaluated day
    if (m_summary.compared)
        m_burstsA = addSet(tr("ES|QL alerts in A"), QColor(0x9e, 0xc0, 0xe3));
    m_bursts = addSet(tr("ES|QL alerts"), QColor(0x1f, 0x77, 0xb4));
    m_bursts->setSelectedColor(QColor(0x17, 0xbe, 0xcf)); // the evaluated day
    QStringList categories;
    int highest = 1;
    // Unique category names (the axis needs them); with many runs only every seventh is labelled,
    // the others are made unique with zero-width spaces so they draw nothing.
    const bool sparse = m_summary.days.size() > 21;
    for (std::size_t i = 0; i < m_summary.days.size(); ++i) {
        const auto &day = m_summary.days[i];
        *m_current << day.alerts;
        *m_bursts << day.bursts;
        if (m_pinned)
            *m_pinned << day.alertsA;
        if (m_burstsA)
            *m_burstsA << day.burstsA;
        highest = std::max({highest, day.alerts, day.alertsA, day.bursts, day.burstsA});
        const QString label = model::ticksToDateTime(day.now).toString(QStringLiteral("MM-dd"));
        categories << (!sparse || i % 7 == 0 ? label : QString(static_cast<qsizetype>(i + 1), QChar(0x200B)));
    }
    m_chart->addSeries(series);
    auto *x = new QBarCategoryAxis;
    x->append(categories);
    auto *y = new QValueAxis;
    y->setRange(0, highest);
    y->setLabelFormat(QStringLiteral("%d"));
    y->setTickCount(std::min(highest, 4) + 1);
    y->applyNiceNumbers(); // whole steps of 1, 2 or 5 times a power of ten
    y->setTitleText(tr("alerts"));
    m_chart->addAxis(x, Qt::AlignBottom);
    m_chart->addAxis(y, Qt::AlignLeft);
    series->attachAxis(x);
    series->attachAxis(y);
    // Any bar of a run, of either rule and side, stands for the run.
    connect(series, &QBarSeries::clicked, this, [this](int index, QBarSet *) { activateRun(index); });
    connect(series, &QBarSeries::hovered, this, [this](bool on, int index, QBarSet *) {
        if (on)
            QToolTip::showText(QCursor::pos(), dayToolTip(index), m_view);
        else
            QToolTip::hideText();
    });
}

QString BacktestPanel::dayToolTip(int run) const
{
    if (run < 0 || static_cast<std::size_t>(run) >= m_summary.days.size())
        return {};
    const auto &day = m_summary.days[static_cast<std::size_t>(run)];
    QString text = tr("Run %1 UTC: %n Sentinel alert(s)", nullptr, day.alerts)
                       .arg(model::ticksToDateTime(day.now).toString(QStringLiteral("yyyy-MM-dd HH:mm")));
    text += tr(", %n anomaly(ies)", nullptr, day.anomalies);
    text += tr(", %n ES|QL alert(s)", nullptr, day.bursts);
    if (!day.alertingKeys.empty())
        text += QStringLiteral("\n") + tr("Alerting: %1").arg(keyList(day.alertingKeys));
    if (m_summary.compared) {
        text += QStringLiteral("\n") + tr("A: %n alert(s)", nullptr, day.alertsA);
        text += tr(", %n ES|QL alert(s)", nullptr, day.burstsA);
        if (!day.gained.empty())
            text += QStringLiteral("\n") + tr("Gained: %1").arg(keyList(day.gained));
        if (!day.lost.empty())
            text += QStringLiteral("\n") + tr("Lost: %1").arg(keyList(day.lost));
    }
    return text + QStringLiteral("\n") + tr("Click to evaluate this day.");
}

void BacktestPanel::fillKeys()
{
    m_keys->setSortingEnabled(false);
    m_keys->clearContents();
    m_keys->setRowCount(static_cast<int>(m_summary.keys.size()));
    m_keys->setColumnHidden(3, !m_summary.compared);
    m_keys->setColumnHidden(4, !m_summary.compared);
    for (int r = 0; r < m_keys->rowCount(); ++r) {
        const auto &k = m_summary.keys[static_cast<std::size_t>(r)];
        auto *key = new QTableWidgetItem(model::toQString(k.key));
        key->setData(Qt::UserRole, r);
        m_keys->setItem(r, 0, key);
        m_keys->setItem(r, 1, numberItem(k.alerts));
        m_keys->setItem(r, 2, numberItem(k.days));
        if (m_summary.compared) {
            m_keys->setItem(r, 3, numberItem(k.alertsA));
            m_keys->setItem(r, 4, numberItem(k.alerts - k.alertsA));
        }
    }
    m_keys->setSortingEnabled(true);
    m_keys->resizeColumnsToContents();
}

void BacktestPanel::fillDays()
{
    m_days->setSortingEnabled(false);
    m_days->clearContents();
    m_days->setRowCount(static_cast<int>(m_summary.days.size()));
    for (const int c : {3, 4, 5})
        m_days->setColumnHidden(c, !m_summary.compared);
    for (int r = 0; r < m_days->rowCount(); ++r) {
        const auto &d = m_summary.days[static_cast<std::size_t>(r)];
        auto *when = new QTableWidgetItem(model::ticksToDateTime(d.now).toString(QStringLiteral("yyyy-MM-dd HH:mm")));
        when->setData(Qt::UserRole, r);
        m_days->setItem(r, 0, when);
        m_days->setItem(r, 1, numberItem(d.alerts));
        m_days->setItem(r, 2, numberItem(d.bursts));
        if (m_summary.compared) {
            m_days->setItem(r, 3, numberItem(d.alertsA));
            m_days->setItem(r, 4, new QTableWidgetItem(keyList(d.gained)));
            m_days->setItem(r, 5, new QTableWidgetItem(keyList(d.lost)));
        }
    }
    m_days->setSortingEnabled(true);
    m_days->resizeColumnsToContents();
}

void BacktestPanel::showEvaluatedDay()
{
    m_evaluated = -1;
    const auto results = m_session->results();
    if (results && results->sentinel.params.now) {
        for (std::size_t i = 0; i < m_summary.days.size(); ++i)
            if (m_summary.days[i].now == *results->sentinel.params.now)
                m_evaluated = static_cast<int>(i);
    }
    for (QBarSet *set : {m_current, m_bursts}) {
        if (!set)
            continue;
        set->deselectAllBars();
        if (m_evaluated >= 0)
            set->selectBar(m_evaluated);
    }
}

void BacktestPanel::activateRun(int run)
{
    if (run < 0 || static_cast<std::size_t>(run) >= m_summary.days.size())
        return;
    m_session->setEvaluationDay(engine::startOfDay(m_summary.days[static_cast<std::size_t>(run)].now));
}

void BacktestPanel::activateKeyRow(int row)
{
    const QTableWidgetItem *item = m_keys->item(row, 0);
    if (!item)
        return;
    const auto &k = m_summary.keys[static_cast<std::size_t>(item->data(Qt::UserRole).toInt())];
    if (k.lastAlertNow)
        m_session->setEvaluationDay(engine::startOfDay(k.lastAlertNow));
    m_session->selectKey(model::toQString(k.key));
}

} // namespace kvt::ui
