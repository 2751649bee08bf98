// SPDX-License-Identifier: MIT
// The drill-down follows the session: a point shows what the rule counted there; an alert shows what
// the deployed join attached beside the whole bin, with the counts in one sentence.
#include <QLabel>
#include <QSignalSpy>
#include <QtTest>

#include "model/analysis_session.h"
#include "model/record_table_model.h"
#include "ui/drill_down_panel.h"
#include "ui/records_panel.h"

using namespace kvt;
using model::AnalysisSession;

class TestDrillDownPanel : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void alertSideBySideThenPoint();
};

void TestDrillDownPanel::alertSideBySideThenPoint()
{
    AnalysisSession session;
    ui::DrillDownPanel panel(&session);
    panel.resize(1000, 400);
    panel.show();
    QVERIFY(panel.shownRecords()->isShowingEmptyState());
    QVERIFY(panel.wholeBinRecords()->isHidden());

    // tests/data/rules/first-hour-join/README.md: 305 records on the anomalous day, 40 of them in
    // its first UTC hour, which is all the deployed join reads.
    engine::SentinelParams p;
    p.now = engine::parseIsoDateTime("2026-11-23T00:05Z");
    session.setSentinelParams(p, AnalysisSession::Apply::Now);
    QSignalSpy results(&session, &AnalysisSession::resultsChanged);
    session.openPaths({QStringLiteral(KVT_TEST_DATA "/rules/first-hour-join/input.jsonl.gz")});
    QVERIFY(results.wait(60000));
    session.selectAlert(0);
    QTRY_VERIFY_WITH_TIMEOUT(session.wholeBinRecords(), 10000);
    QVERIFY(!panel.wholeBinRecords()->isHidden());
    QVERIFY(!panel.headline()->isHidden());
    QVERIFY2(panel.headline()->text().contains(QStringLiteral("attached 40 of the 305 records of this day")),
        qPrintable(panel.headline()->text()));
    QTRY_COMPARE(panel.shownRecords()->model()->rowCount(), 40);
    QTRY_COMPARE(panel.wholeBinRecords()->model()->rowCount(), 305);
    QVERIFY(panel.shownRecords()->titleLabel()->text().contains(QStringLiteral("first UTC hour")));
    QVERIFY(panel.wholeBinRecords()->titleLabel()->text().contains(QStringLiteral("full-bin")));

    // A point of the silenced caller: one table, no comparison.
    session.selectBin(QStringLiteral("192.0.2.20"), *engine::parseIsoDateTime("2026-11-22T00:00Z"));
    QVERIFY(panel.wholeBinRecords()->isHidden());
    QVERIFY(panel.headline()->isHidden());
    QTRY_COMPARE(panel.shownRecords()->model()->rowCount(), 300);
    QCOMPARE(panel.shownRecords()->titleLabel()->text(),
        QStringLiteral("What the rule counted for 192.0.2.20 on 2026-11-22"));

    session.clearSelection();
    QVERIFY(panel.shownRecords()->isShowingEmptyState());
}

QTEST_MAIN(TestDrillDownPanel)
#include "tst_drill_down_panel.moc"
