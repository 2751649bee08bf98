// SPDX-License-Identifier: MIT
// The backtest panel driven offscreen: bars follow the replay (both rules' alerts per run), a bar click
// evaluates its day, a key row selects the key on its last alerting day, and "Compare with corrected"
// shows A against B.
#include <QLabel>
#include <QPushButton>
#include <QSignalSpy>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QtCharts/QBarSeries>
#include <QtCharts/QBarSet>
#include <QtCharts/QChart>
#include <QtTest>

#include "model/analysis_session.h"
#include "tests/model/generated_input.h"
#include "ui/chart/backtest_panel.h"

using namespace kvt;
using model::AnalysisSession;

class TestBacktestPanel : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void barsDaysKeysAndComparison();
    void esqlBarsFollowTheReplay_data();
    void esqlBarsFollowTheReplay();

private:
    QTemporaryDir m_dir;
    QString m_history;
};

void TestBacktestPanel::initTestCase()
{
    QVERIFY(m_dir.isValid());
    m_history = test::writeGenerated(m_dir, 24, 40, 60000);
}

void TestBacktestPanel::barsDaysKeysAndComparison()
{
    AnalysisSession session;
    ui::BacktestPanel panel(&session);
    panel.resize(1000, 320);
    panel.show();
    QSignalSpy backtest(&session, &AnalysisSession::backtestChanged);
    session.openPaths({m_history});
    QVERIFY(backtest.wait(60000));
    QTRY_VERIFY(!panel.summary().days.empty());

    const auto outcome = session.backtest();
    const auto &runs = outcome->current.sentinel.runs;
    QCOMPARE(panel.summary().days.size(), runs.size());
    const auto series = panel.chart()->series();
    QCOMPARE(series.size(), qsizetype {1});
    auto *bars = qobject_cast<QBarSeries *>(series.front());
    QVERIFY(bars);
    // Sentinel and ES|QL, no A.
    QCOMPARE(bars->barSets().size(), qsizetype {2});
    QVERIFY(panel.alertBars() && panel.burstBars());
    QVERIFY(!panel.alertBarsA() && !panel.burstBarsA());
    QCOMPARE(bars->barSets().front(), panel.alertBars());
    int total = 0;
    for (std::size_t i = 0; i < runs.size(); ++i) {
        QCOMPARE(panel.alertBars()->at(static_cast<qsizetype>(i)), double(runs[i].alerts.size()));
        total += static_cast<int>(runs[i].alerts.size());
    }
    QVERIFY(total > 0);
    QVERIFY2(panel.summaryLabel()->text().contains(QStringLiteral("Sentinel %1 alert").arg(total)),
        qPrintable(panel.summaryLabel()->text()));
    // The default evaluation runs the last day: the last bar is the evaluated one.
    QCOMPARE(panel.evaluatedRun(), static_cast<int>(runs.size()) - 1);

    // A bar click evaluates its day: the rule reruns with that day's `now`, the bar follows.
    QSignalSpy results(&session, &AnalysisSession::resultsChanged);
    panel.activateRun(3);
    QVERIFY(results.wait(60000));
    QCOMPARE(session.results()->sentinel.params.now, std::optional(runs[3].now));
    QCOMPARE(panel.evaluatedRun(), 3);
    // The evaluated run is highlighted in both rules' bars.
    QCOMPARE(panel.alertBars()->selectedBars(), QList<int> {3});
    QCOMPARE(panel.burstBars()->selectedBars(), QList<int> {3});
    QCOMPARE(session.results()->sentinel.alerts.size(), runs[3].alerts.size());

    // The busiest key: selected, evaluated on its last alerting run.
    QVERIFY(panel.keysTable()->rowCount() > 0);
    const QString key = panel.keysTable()->item(0, 0)->text();
    results.clear();
    panel.activateKeyRow(0);
    QCOMPARE(session.selection().key, key);
    QTRY_COMPARE_WITH_TIMEOUT(
        session.results()->sentinel.params.now, std::optional(panel.summary().keys.front().lastAlertNow), 60000);

    // One click: the deployed rule (A) against corrected (B).
    panel.correctedButton()->click();
    QVERIFY(panel.pinButton()->isChecked());
    QTRY_VERIFY_WITH_TIMEOUT(panel.summary().compared, 60000);
    QTRY_COMPARE(qobject_cast<QBarSeries *>(panel.chart()->series().front())->barSets().size(), qsizetype {4});
    QVERIFY(panel.alertBarsA() && panel.burstBarsA());
    QVERIFY2(
        panel.summaryLabel()->text().contains(QStringLiteral("Against A")), qPrintable(panel.summaryLabel()->text()));
    QVERIFY(!panel.keysTable()->isColumnHidden(3));
    QVERIFY(!panel.daysTable()->isColumnHidden(4));
    panel.pinButton()->click(); // unpin
    QTRY_VERIFY_WITH_TIMEOUT(!panel.summary().compared, 60000);
    QCOMPARE(qobject_cast<QBarSeries *>(panel.chart()->series().front())->barSets().size(), qsizetype {2});
    QVERIFY(!panel.grab().isNull());
}

void TestBacktestPanel::esqlBarsFollowTheReplay_data()
{
    QTest::addColumn<bool>("pinned");
    QTest::newRow("current only") << false;
    QTest::newRow("pinned A, then min actions raised") << true;
}

// The ES|QL rule's alerts per run are bars beside the Sentinel rule's: one value per run, the
// summary's per-day count (and A's beside it once parameters are pinned and changed).
void TestBacktestPanel::esqlBarsFollowTheReplay()
{
    QFETCH(bool, pinned);
    AnalysisSession session;
    ui::BacktestPanel panel(&session);
    panel.resize(1000, 320);
    panel.show();
    QSignalSpy backtest(&session, &AnalysisSession::backtestChanged);
    session.openPaths({m_history});
    QVERIFY(backtest.wait(60000));
    QTRY_VERIFY(!panel.summary().days.empty());
    if (pinned) {
        // A keeps the threshold (actions a minute); B doubles it, so B alerts less.
        session.pinCurrentParameters();
        engine::ElasticBurstParams raised = session.burstParams();
        raised.minActions *= 2;
        session.setBurstParams(raised, AnalysisSession::Apply::Now);
        QTRY_VERIFY_WITH_TIMEOUT(panel.summary().compared && panel.summary().bursts < panel.summary().burstsA, 60000);
    }

    const auto &summary = panel.summary();
    const auto outcome = session.backtest();
    QVERIFY(outcome);
    QCOMPARE(summary.compared, pinned);
    QCOMPARE(summary.days.size(), outcome->runCount());
    const auto sets = qobject_cast<QBarSeries *>(panel.chart()->series().front())->barSets();
    QCOMPARE(sets.size(), qsizetype {pinned ? 4 : 2});
    QBarSet *bursts = panel.burstBars();
    QVERIFY(bursts);
    QVERIFY(sets.contains(bursts));
    QVERIFY2(bursts->label().contains(QStringLiteral("ES|QL")), qPrintable(bursts->label()));
    QVERIFY2(panel.alertBars()->label().contains(QStringLiteral("Sentinel")), qPrintable(panel.alertBars()->label()));
    QCOMPARE(bursts->count(), static_cast<qsizetype>(outcome->runCount()));
    QVERIFY(bursts->color() != panel.alertBars()->color());
    int total = 0;
    for (std::size_t i = 0; i < summary.days.size(); ++i) {
        const auto q = static_cast<qsizetype>(i);
        QCOMPARE(bursts->at(q), double(summary.days[i].bursts));
        QCOMPARE(bursts->at(q), double(outcome->current.burst[i].bursts.size()));
        total += summary.days[i].bursts;
        const QString tip = panel.dayToolTip(static_cast<int>(i));
        QVERIFY2(tip.contains(QStringLiteral("%1 Sentinel alert").arg(summary.days[i].alerts)), qPrintable(tip));
        QVERIFY2(tip.contains(QStringLiteral("%1 ES|QL alert").arg(summary.days[i].bursts)), qPrintable(tip));
    }
    QVERIFY(total > 0);
    QCOMPARE(total, summary.bursts);

    QBarSet *burstsA = panel.burstBarsA();
    if (!pinned) {
        QVERIFY(!burstsA);
        return;
    }
    QVERIFY(burstsA);
    QVERIFY(sets.contains(burstsA));
    QVERIFY2(burstsA->label().contains(QStringLiteral("in A")), qPrintable(burstsA->label()));
    QCOMPARE(burstsA->count(), static_cast<qsizetype>(outcome->runCount()));
    QVERIFY(outcome->pinned);
    int totalA = 0;
    for (std::size_t i = 0; i < summary.days.size(); ++i) {
        const auto q = static_cast<qsizetype>(i);
        QCOMPARE(burstsA->at(q), double(summary.days[i].burstsA));
        QCOMPARE(burstsA->at(q), double(outcome->pinned->burst[i].bursts.size()));
        totalA += summary.days[i].burstsA;
        const QString tip = panel.dayToolTip(static_cast<int>(i));
        const QString lineA = tip.split(QLatin1Char('\n')).filter(QRegularExpression(QStringLiteral("^A: "))).value(0);
        QVERIFY2(lineA.startsWith(QStringLiteral("A: %1 alert").arg(summary.days[i].alertsA)), qPrintable(tip));
        QVERIFY2(lineA.contains(QStringLiteral(", %1 ES|QL alert").arg(summary.days[i].burstsA)), qPrintable(tip));
    }
    QCOMPARE(totalA, summary.burstsA);
    QVERIFY(totalA > total);

    // A click on an ES|QL bar (what the series reports for it) evaluates its run like any bar of it.
    QSignalSpy results(&session, &AnalysisSession::resultsChanged);
    Q_EMIT qobject_cast<QBarSeries *>(panel.chart()->series().front())->clicked(2, burstsA);
    QVERIFY(results.wait(60000));
    QCOMPARE(panel.evaluatedRun(), 2);
    QCOMPARE(panel.burstBars()->selectedBars(), QList<int> {2}); // the chart may have been rebuilt
}

QTEST_MAIN(TestBacktestPanel)
#include "tst_backtest_panel.moc"
