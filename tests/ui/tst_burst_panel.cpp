// SPDX-License-Identifier: MIT
// The ES|QL view follows the session: its table holds the rule's bursts, its blind spot shows the
// engine's numbers and note, and both follow a change of the grouping identity.
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QSignalSpy>
#include <QSortFilterProxyModel>
#include <QTableView>
#include <QTableWidget>
#include <QtTest>

#include "engine/report/burst_output.h"
#include "engine/report/rule_documents.h"
#include "model/analysis_session.h"
#include "model/burst_table_model.h"
#include "ui/burst_panel.h"

using namespace kvt;
using model::AnalysisSession;

namespace {

const QString kDemo = QStringLiteral(KVT_SOURCE_DIR "/resources/demo");

// The number a label starts with ("74,203 (83.1 % ...)" -> 74203).
qulonglong leadingNumber(const QLabel *label)
{
    return QLocale().toULongLong(label->text().section(QLatin1Char(' '), 0, 0));
}

} // namespace

class TestBurstPanel : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void emptyBeforeResults();
    void showsTheEngineResult();
    void followsTheGroupingIdentity();
    void filterAndDrillDown();

private:
    static bool openDemo(AnalysisSession &session);
    static void compareBlindSpot(const ui::BurstPanel &panel, const AnalysisSession &session);
};

bool TestBurstPanel::openDemo(AnalysisSession &session)
{
    QSignalSpy results(&session, &AnalysisSession::resultsChanged);
    session.openPaths({kDemo});
    return results.wait(60000);
}

void TestBurstPanel::compareBlindSpot(const ui::BurstPanel &panel, const AnalysisSession &session)
{
    const auto results = session.results();
    const engine::BlindSpot &b = results->burst->blindSpot;
    QCOMPARE(leadingNumber(panel.recordsInScope()), b.recordsInScope);
    QCOMPARE(leadingNumber(panel.recordsWithoutIdentity()), b.recordsWithoutIdentity);
    QCOMPARE(panel.topCallers()->rowCount(), static_cast<int>(b.topCallers.size()));
    for (int r = 0; r < panel.topCallers()->rowCount(); ++r) {
        const auto &[caller, count] = b.topCallers[static_cast<std::size_t>(r)];
        QCOMPARE(panel.topCallers()->item(r, 0)->text(), QString::fromStdString(caller));
        QCOMPARE(QLocale().toULongLong(panel.topCallers()->item(r, 1)->text()), count);
    }
    // The note in the GUI's words: what the rule cannot see, and the control to change, never a CLI flag.
    if (b.recordsWithoutIdentity > 0) {
        QVERIFY(panel.blindSpotNote()->text().contains(
            QString::fromStdString(engine::burstCountDistinctColumn(results->burstParams)) + QStringLiteral(" == 1")));
        QVERIFY(panel.blindSpotNote()->text().contains(QStringLiteral("Group by")));
    } else {
        QCOMPARE(panel.blindSpotNote()->text(), QStringLiteral("Every in-scope record carries the grouping identity."));
    }
    QVERIFY(!panel.blindSpotNote()->text().contains(QStringLiteral("--")));
    // Log text is never rendered as markup.
    QCOMPARE(panel.blindSpotNote()->textFormat(), Qt::PlainText);
    QCOMPARE(panel.summary()->textFormat(), Qt::PlainText);
}

void TestBurstPanel::emptyBeforeResults()
{
    AnalysisSession session;
    ui::BurstPanel panel(&session);
    QCOMPARE(panel.view()->model()->rowCount(), 0);
    QCOMPARE(panel.summary()->text(), QStringLiteral("The ES|QL rule has not run yet."));
    QCOMPARE(panel.topCallers()->rowCount(), 0);
    QVERIFY(panel.blindSpotNote()->text().isEmpty());
}

void TestBurstPanel::showsTheEngineResult()
{
    AnalysisSession session;
    ui::BurstPanel panel(&session);
    QVERIFY(openDemo(session));
    const auto results = session.results();
    QVERIFY(results && results->burst);
    const auto &alerts = results->burst->alerts;
    QVERIFY(!alerts.empty());
    QCOMPARE(panel.view()->model()->rowCount(), static_cast<int>(alerts.size()));
    QVERIFY2(panel.summary()->text().contains(QStringLiteral("%1 bursts").arg(alerts.size())),
        qPrintable(panel.summary()->text()));
    QVERIFY(panel.summary()->text().contains(QStringLiteral("window 1m")));
    QVERIFY(panel.summary()->text().contains(QStringLiteral("action_count ≥ 5")));
    QVERIFY(panel.summary()->text().contains(QStringLiteral("distinct_actions ≥ 2")));
    QVERIFY(panel.summary()->text().contains(QStringLiteral("by azure.platformlogs.identity.claim.upn")));
    compareBlindSpot(panel, session);
    QVERIFY(results->burst->blindSpot.recordsWithoutIdentity > 0); // the demo's service principals
    // The rule's order: the newest window first.
    const QModelIndex first = panel.view()->model()->index(0, int(model::BurstTableModel::Column::TimeWindow));
    QCOMPARE(first.data(model::BurstTableModel::RawValueRole).toLongLong(), alerts.front().timeWindow);
}

void TestBurstPanel::followsTheGroupingIdentity()
{
    AnalysisSession session;
    ui::BurstPanel panel(&session);
    QVERIFY(openDemo(session));
    QSignalSpy results(&session, &AnalysisSession::resultsChanged);
    engine::ElasticBurstParams p = engine::burstPresetParams(engine::BurstPreset::Published);
    p.groupBy = engine::BurstIdentity::AppId;
    session.setBurstParams(p, AnalysisSession::Apply::Now);
    QVERIFY(results.wait(60000));
    QCOMPARE(session.results()->burstParams.groupBy, engine::BurstIdentity::AppId);
    QCOMPARE(panel.view()->model()->rowCount(), static_cast<int>(session.results()->burst->alerts.size()));
    QCOMPARE(panel.view()->model()->headerData(1, Qt::Horizontal).toString(),
        QStringLiteral("azure.platformlogs.identity.claim.appid"));
    QVERIFY(panel.summary()->text().contains(QStringLiteral("Esql.event_count ≥ 10")));
    compareBlindSpot(panel, session);
}

void TestBurstPanel::filterAndDrillDown()
{
    AnalysisSession session;
    ui::BurstPanel panel(&session);
    QVERIFY(openDemo(session));
    QAbstractItemModel *shown = panel.view()->model();
    const int total = shown->rowCount();
    QVERIFY(total > 1);
    const QString identity = shown->index(0, 0).data(model::BurstTableModel::IdentityRole).toString();
    panel.filterEdit()->setText(identity.toUpper()); // case does not matter
    QVERIFY(shown->rowCount() > 0 && shown->rowCount() <= total);
    for (int r = 0; r < shown->rowCount(); ++r) {
        bool found = false;
        for (int c = 0; c < shown->columnCount() && !found; ++c)
            found = shown->index(r, c).data().toString().contains(identity, Qt::CaseInsensitive);
        QVERIFY(found);
    }

    QSignalSpy selected(&panel, &ui::BurstPanel::burstSelected);
    panel.view()->setCurrentIndex(shown->index(0, 0));
    QCOMPARE(selected.count(), 1);
    const QModelIndex source = panel.proxy()->mapToSource(shown->index(0, 0));
    QCOMPARE(selected.first().first().toInt(), source.row());
    panel.filterEdit()->clear();
    QCOMPARE(shown->rowCount(), total);
}

QTEST_MAIN(TestBurstPanel)
#include "tst_burst_panel.moc"
