// SPDX-License-Identifier: MIT
#include <QDockWidget>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QMenuBar>
#include <QMimeData>
#include <QSignalSpy>
#include <QSortFilterProxyModel>
#include <QStandardPaths>
#include <QTableView>
#include <QTreeView>
#include <QtTest>

#include "model/analysis_session.h"
#include "model/key_list_model.h"
#include "model/record_table_model.h"
#include "model/series_list_model.h"
#include "model/text_conversions.h"
#include "ui/alerts_panel.h"
#include "ui/chart/chart_panel.h"
#include "ui/chart/rule_chart_panel.h"
#include "ui/chart/time_series_chart.h"
#include "ui/drill_down_panel.h"
#include "ui/keys_panel.h"
#include "ui/main_window.h"
#include "ui/progress_strip.h"
#include "ui/records_panel.h"
#include "ui/series_panel.h"

using namespace kvt;

class TestMainWindow : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void opensDemoDataset();
    void dropOpensFiles();
    void badFileShowsProblems();
    void everyActionHasAShortcut();
    void panelsComeToTheFrontByName();
    void chartClickAndAlertRowFillTheRecords();
};

void TestMainWindow::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
}

void TestMainWindow::opensDemoDataset()
{
    model::AnalysisSession session;
    ui::MainWindow w(&session);
    w.resize(1200, 760);
    w.show();
    QSignalSpy finished(&session, &model::AnalysisSession::loadFinished);
    session.openPaths({QStringLiteral(KVT_SOURCE_DIR "/resources/demo")});
    QVERIFY(finished.wait(60000));
    QVERIFY(session.seriesModel()->rowCount() >= 150);
    QCOMPARE(w.chartPanel()->chart()->lineCount(), 5); // the five largest callers are shown
    QCOMPARE(w.chartPanel()->chart()->pointCount(0), 21);
    QVERIFY(w.statusText().contains(QStringLiteral("records from 1 file")));
    // Both rules ran on the snapshot and say what they found, with the run time the rule used.
    QTRY_VERIFY_WITH_TIMEOUT(session.results() != nullptr, 30000);
    QTRY_VERIFY(w.statusText().contains(QStringLiteral("Sentinel, run 2026-11-23 00:05 UTC, evaluates 2026-11-22")));
    QVERIFY(w.statusText().contains(QStringLiteral("%1 alert").arg(session.results()->sentinel.alerts.size())));
    QVERIFY(w.statusText().contains(QStringLiteral("ES|QL: ")));

    // The rule's keys, most urgent first: an alerting key heads the list, and the count line agrees.
    auto *keys = w.keysPanel()->proxy();
    QCOMPARE(keys->rowCount(), static_cast<int>(session.results()->sentinel.series.size()));
    QCOMPARE(keys->index(0, 0).data(model::KeyListModel::StatusRole).toInt(), int(engine::KeyStatus::Alerting));
    QVERIFY(w.keysPanel()->summary()->text().contains(QStringLiteral("alerting")));
    w.keysPanel()->view()->setCurrentIndex(keys->index(0, 1));
    QCOMPARE(session.selection().key, keys->index(0, 0).data(model::KeyListModel::KeyRole).toString());

    // Selecting an alert elsewhere: the lists follow the key without wiping the alert.
    session.selectAlert(0);
    QCoreApplication::processEvents();
    QCOMPARE(session.selection().alert, 0);
    QVERIFY(session.records() != nullptr);
    QVERIFY(!w.progressStrip()->isVisible());

    // The Loaded files dock lists the file, and under it the file's own field names.
    auto *files = w.findChild<QTreeView *>();
    QVERIFY(files && files->model());
    QCOMPARE(files->model()->rowCount(), 1);
    QCOMPARE(files->model()->index(0, 0).data().toString(), QStringLiteral("keyvault-audit-demo.jsonl.gz"));
    QVERIFY(files->model()->rowCount(files->model()->index(0, 0)) >= 10);

    // Ticking a row adds its line; the filter narrows the list.
    auto *proxy = w.seriesPanel()->proxy();
    const QModelIndex last = proxy->index(proxy->rowCount() - 1, 0);
    QVERIFY(proxy->setData(last, Qt::Checked, Qt::CheckStateRole));
    QCOMPARE(w.chartPanel()->chart()->lineCount(), 6);
    w.seriesPanel()->filterEdit()->setText(QStringLiteral("198.51.100.250"));
    QCOMPARE(proxy->rowCount(), 1); // the injected new caller

    const QImage shot = w.grab().toImage();
    QVERIFY(!shot.isNull());
}

void TestMainWindow::dropOpensFiles()
{
    model::AnalysisSession session;
    ui::MainWindow w(&session);
    w.show();
    QSignalSpy finished(&session, &model::AnalysisSession::loadFinished);
    QMimeData mime;
    mime.setUrls({QUrl::fromLocalFile(QStringLiteral(KVT_TEST_DATA "/public/PT1H_jsonlines.json"))});
    QDragEnterEvent enter(QPoint(10, 10), Qt::CopyAction, &mime, Qt::LeftButton, Qt::NoModifier);
    QApplication::sendEvent(&w, &enter);
    QVERIFY(enter.isAccepted());
    QDropEvent drop(QPointF(10, 10), Qt::CopyAction, &mime, Qt::LeftButton, Qt::NoModifier);
    QApplication::sendEvent(&w, &drop);
    QVERIFY(finished.wait(30000));
    QCOMPARE(session.seriesModel()->rowCount(), 1);
    QVERIFY(w.statusText().contains(QStringLiteral("2 records")));
}

void TestMainWindow::badFileShowsProblems()
{
    QTemporaryDir dir;
    QFile bad(dir.filePath(QStringLiteral("bad.json")));
    QVERIFY(bad.open(QIODevice::WriteOnly));
    bad.write("not json at all\n");
    bad.close();
    model::AnalysisSession session;
    ui::MainWindow w(&session);
    w.show();
    QSignalSpy finished(&session, &model::AnalysisSession::loadFinished);
    session.openPaths({bad.fileName()});
    QVERIFY(finished.wait(30000));
    QVERIFY(w.statusText().contains(QStringLiteral("Nothing could be read")));
    QCOMPARE(session.seriesModel()->rowCount(), 0);
}

void TestMainWindow::everyActionHasAShortcut()
{
    model::AnalysisSession session;
    ui::MainWindow w(&session);
    const auto menus = w.menuBar()->findChildren<QMenu *>(QString(), Qt::FindDirectChildrenOnly);
    QVERIFY(menus.size() >= 4);
    int actions = 0;
    for (QMenu *menu : menus) {
        for (QAction *a : menu->actions()) {
            if (a->isSeparator() || a->menu() || a->text() == QStringLiteral("About &Qt"))
                continue; // Open Recent holds paths; About Qt is Qt's own
            ++actions;
            QVERIFY2(!a->shortcut().isEmpty(), qPrintable(a->text()));
        }
    }
    QVERIFY(actions >= 10);
}

void TestMainWindow::panelsComeToTheFrontByName()
{
    model::AnalysisSession session;
    ui::MainWindow w(&session);
    w.resize(1200, 800);
    w.show();
    QVERIFY(QTest::qWaitForWindowExposed(&w));
    const auto dockTitled = [&w](const QString &title) {
        for (QDockWidget *d : w.findChildren<QDockWidget *>())
            if (d->windowTitle() == title)
                return d;
        return static_cast<QDockWidget *>(nullptr);
    };
    QDockWidget *esql = dockTitled(QStringLiteral("ES|QL rule"));
    QDockWidget *files = dockTitled(QStringLiteral("Loaded files"));
    QVERIFY(esql && files);
    QVERIFY(files->isHidden());
    // Tabbed behind Tuning: raising it makes it the visible tab (its contents get a size).
    QVERIFY(w.raisePanel(QStringLiteral("esql")));
    QTRY_VERIFY(esql->widget()->isVisible());
    QVERIFY(w.raisePanel(QStringLiteral("files")));
    QTRY_VERIFY(files->widget()->isVisible());
    QVERIFY(!w.raisePanel(QStringLiteral("no such panel")));
    QCOMPARE(ui::MainWindow::panelNames().size(), 9);
    // The tuning advice sits behind the backtest; raising it computes it.
    QDockWidget *thresholds = dockTitled(QStringLiteral("Thresholds"));
    QVERIFY(thresholds && w.raisePanel(QStringLiteral("thresholds")));
    QTRY_VERIFY(thresholds->widget()->isVisible());
    QVERIFY(w.raisePanel(QStringLiteral("exclusions")));
    QTRY_VERIFY(dockTitled(QStringLiteral("Exclusions"))->widget()->isVisible());
}

// Wireshark's "click a graph point, land on the packet": a chart click and an alert row each fill the
// records dock with what stands behind them.
void TestMainWindow::chartClickAndAlertRowFillTheRecords()
{
    model::AnalysisSession session;
    engine::SentinelParams p;
    p.now = engine::parseIsoDateTime("2026-11-23T00:05Z");
    session.setSentinelParams(p, model::AnalysisSession::Apply::Now);
    ui::MainWindow w(&session);
    w.resize(1400, 900);
    w.show();
    QSignalSpy results(&session, &model::AnalysisSession::resultsChanged);
    session.openPaths({QStringLiteral(KVT_TEST_DATA "/rules/first-hour-join/input.jsonl.gz")});
    QVERIFY(results.wait(60000));
    auto *drill = w.findChild<ui::DrillDownPanel *>();
    QVERIFY(drill);

    // A click on the silenced caller's last point: the 300 records the rule counted there.
    session.selectKey(QStringLiteral("192.0.2.20"));
    const qint64 lastDayMs = model::ticksToMs(*engine::parseIsoDateTime("2026-11-22T00:00Z"));
    Q_EMIT w.ruleChartPanel()->chart()->pointActivated(QStringLiteral("192.0.2.20"), lastDayMs);
    QCOMPARE(session.selection().bin, engine::parseIsoDateTime("2026-11-22T00:00Z"));
    QTRY_COMPARE_WITH_TIMEOUT(drill->shownRecords()->model()->rowCount(), 300, 10000);

    // The alert row (the only Sentinel alert of this case): its 40 joined records beside the 305.
    auto *alerts = w.findChild<ui::AlertsPanel *>();
    QVERIFY(alerts);
    QAbstractItemModel *rows = alerts->view()->model();
    int sentinelRow = -1;
    for (int r = 0; r < rows->rowCount() && sentinelRow < 0; ++r)
        if (rows->index(r, 0).data().toString() == QStringLiteral("Sentinel"))
            sentinelRow = r;
    QVERIFY(sentinelRow >= 0);
    alerts->view()->setCurrentIndex(rows->index(sentinelRow, 1));
    QCOMPARE(session.selection().alert, 0);
    QTRY_COMPARE_WITH_TIMEOUT(drill->wholeBinRecords()->model()->rowCount(), 305, 10000);
    QCOMPARE(drill->shownRecords()->model()->rowCount(), 40);
    QVERIFY(drill->headline()->text().contains(QStringLiteral("attached 40 of the 305 records")));
}

QTEST_MAIN(TestMainWindow)
#include "tst_main_window.moc"
