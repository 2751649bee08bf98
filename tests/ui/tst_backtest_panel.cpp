// SPDX-License-Identifier: MIT
// The backtest panel driven offscreen: bars follow the replay, a bar click evaluates its day, a key
// row selects the key on its last alerting day, and "Compare with corrected" shows A against B.
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
    void barsDaysKeysAndComparison();
};

void TestBacktestPanel::barsDaysKeysAndComparison()
{
    QTemporaryDir dir;
    const QString history = test::writeGenerated(dir, 24, 40, 60000);
    AnalysisSession session;
    ui::BacktestPanel panel(&session);
    panel.resize(1000, 320);
    panel.show();
    QSignalSpy backtest(&session, &AnalysisSession::backtestChanged);
    session.openPaths({history});
    QVERIFY(backtest.wait(60000));
    QTRY_VERIFY(!panel.summary().days.empty());

    const auto outcome = session.backtest();
    const auto &runs = outcome->current.sentinel.runs;
    QCOMPARE(panel.summary().days.size(), runs.size());
    const auto series = panel.chart()->series();
    QCOMPARE(series.size(), qsizetype {1});
    auto *bars = qobject_cast<QBarSeries *>(series.front());
    QVERIFY(bars);
    QCOMPARE(bars->barSets().size(), qsizetype {1});
    int total = 0;
    for (std::size_t i = 0; i < runs.size(); ++i) {
        QCOMPARE(bars->barSets().front()->at(static_cast<qsizetype>(i)), double(runs[i].alerts.size()));
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
    QTRY_COMPARE(qobject_cast<QBarSeries *>(panel.chart()->series().front())->barSets().size(), qsizetype {2});
    QVERIFY2(
        panel.summaryLabel()->text().contains(QStringLiteral("Against A")), qPrintable(panel.summaryLabel()->text()));
    QVERIFY(!panel.keysTable()->isColumnHidden(3));
    QVERIFY(!panel.daysTable()->isColumnHidden(4));
    panel.pinButton()->click(); // unpin
    QTRY_VERIFY_WITH_TIMEOUT(!panel.summary().compared, 60000);
    QVERIFY(!panel.grab().isNull());
}

QTEST_MAIN(TestBacktestPanel)
#include "tst_backtest_panel.moc"
