// SPDX-License-Identifier: MIT
// The heat strip follows the session: rows most urgent first, a click selects the key and bin of the
// cell, new results redraw it; and its paint time for 10,000 keys × 90 bins, printed.
#include <QApplication>
#include <QElapsedTimer>
#include <QFile>
#include <QHelpEvent>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QToolTip>
#include <QtTest>

#include "model/analysis_session.h"
#include "ui/heat_strip.h"

using namespace kvt;
using model::AnalysisSession;

namespace {

const QString kCase = QStringLiteral(KVT_TEST_DATA "/rules/first-hour-join/input.jsonl.gz");
const engine::Ticks kLastDay = *engine::parseIsoDateTime("2026-11-22T00:00Z");

engine::SentinelParams caseParams()
{
    engine::SentinelParams p;
    p.now = engine::parseIsoDateTime("2026-11-23T00:05Z");
    return p;
}

// Opens @p paths with the rule run at @p params and waits for the first results.
bool openAndScore(AnalysisSession &session, const QStringList &paths, const engine::SentinelParams &params)
{
    session.setSentinelParams(params, AnalysisSession::Apply::Now);
    QSignalSpy results(&session, &AnalysisSession::resultsChanged);
    session.openPaths(paths);
    return results.wait(120000);
}

// A CSV of @p keys callers over the 90 days before 2026-11-23: each calls on about one day in six,
// and every 500th key bursts on the last day, so the strip has rises, drops and alerts to draw.
QString writeManyKeys(QTemporaryDir &dir, int keys)
{
    const QString path = dir.filePath(QStringLiteral("many-keys.csv"));
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly))
        return {};
    QByteArray out = "TimeGenerated,OperationName,CallerIPAddress,ResultType,ResourceType\n";
    const engine::Ticks first = *engine::parseIsoDateTime("2026-08-25T00:00Z");
    for (int d = 0; d < 90; ++d) {
        const std::string day = engine::formatIsoDateTime(first + d * engine::kTicksPerDay).substr(0, 10);
        for (int k = 0; k < keys; ++k) {
            int count = (k * 7 + d * 13) % 6 == 0 ? 1 + (k + d) % 3 : 0;
            if (d == 89 && k % 500 == 0)
                count = 60;
            const QByteArray line = QByteArray::fromStdString(day) + "T00:" + QByteArray::number(10 + k % 40)
                + ":00Z,SecretGet,10." + QByteArray::number(k / 65536) + '.' + QByteArray::number(k / 256 % 256) + '.'
                + QByteArray::number(k % 256) + ",Success,VAULTS\n";
            for (int i = 0; i < count; ++i)
                out += line;
        }
    }
    file.write(out);
    return path;
}

// The k of writeManyKeys' caller 10.a.b.c.
int keyIndex(const QString &ip)
{
    const QStringList parts = ip.split(QLatin1Char('.'));
    return parts.size() == 4 ? parts[1].toInt() * 65536 + parts[2].toInt() * 256 + parts[3].toInt() : -1;
}

} // namespace

class TestHeatStrip : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void emptyBeforeResults();
    void clickSelectsKeyAndBin();
    void followsResultsAndSelection();
    void tooltipSaysKeyBinScoreStatus();
    void paintTimeFor10000KeysBy90Bins();
};

void TestHeatStrip::emptyBeforeResults()
{
    AnalysisSession session;
    ui::HeatStrip strip(&session);
    strip.resize(400, 120);
    QCOMPARE(strip.rowCount(), 0);
    QVERIFY(strip.keyAt(QPoint(50, 10)).isEmpty());
    QVERIFY(!strip.binAt(QPoint(50, 10)));
    strip.activateAt(QPoint(50, 10)); // nothing to select
    QVERIFY(session.selection().key.isEmpty());
    QVERIFY(!strip.grab().isNull());
}

void TestHeatStrip::clickSelectsKeyAndBin()
{
    AnalysisSession session;
    ui::HeatStrip strip(&session);
    strip.resize(600, 160);
    QVERIFY(openAndScore(session, {kCase}, caseParams()));
    QCOMPARE(strip.rowCount(), 3); // one row per key: there is room
    QCOMPARE(strip.columnCount(), 14);

    // The first row is the alerting key (tests/data/rules/first-hour-join/README.md); its last
    // cell is the evaluated day.
    const QPoint lastCell = strip.cellRect(0, strip.columnCount() - 1).center();
    QCOMPARE(strip.keyAt(lastCell), QStringLiteral("203.0.113.7"));
    QCOMPARE(strip.binAt(lastCell), std::optional(kLastDay));
    QSignalSpy selection(&session, &AnalysisSession::selectionChanged);
    strip.activateAt(lastCell);
    QCOMPARE(selection.count(), 1);
    QCOMPARE(session.selection().key, QStringLiteral("203.0.113.7"));
    QCOMPARE(session.selection().bin, std::optional(kLastDay));

    // The first cell of the last row: the small caller dropped by the baseline, on the first bin.
    const QPoint firstCell = strip.cellRect(2, 0).center();
    strip.activateAt(firstCell);
    QCOMPARE(session.selection().key, QStringLiteral("192.0.2.10"));
    QCOMPARE(session.selection().bin, engine::parseIsoDateTime("2026-11-09T00:00Z"));

    // Outside the cells (the legend below them) a click selects nothing.
    strip.activateAt(QPoint(strip.width() / 2, strip.height() - 2));
    QCOMPARE(session.selection().key, QStringLiteral("192.0.2.10"));

    const QPixmap shot = strip.grab();
    QVERIFY(!shot.isNull());
    QCOMPARE(shot.deviceIndependentSize().toSize(), strip.size());
}

void TestHeatStrip::followsResultsAndSelection()
{
    AnalysisSession session;
    ui::HeatStrip strip(&session);
    strip.resize(600, 160);
    QVERIFY(openAndScore(session, {kCase}, caseParams()));
    session.selectKey(QStringLiteral("192.0.2.20"));
    QVERIFY(!strip.grab().isNull()); // with the selected row outlined

    // A threshold above every score: nothing is flagged, every key is quiet, and the greatest max
    // score (the small caller's 6.149) comes first.
    engine::SentinelParams high = caseParams();
    high.scoreThreshold = 10;
    QSignalSpy results(&session, &AnalysisSession::resultsChanged);
    session.setSentinelParams(high, AnalysisSession::Apply::Now);
    QVERIFY(results.wait(60000));
    QCOMPARE(strip.rowCount(), 3);
    QCOMPARE(strip.keyAt(strip.cellRect(0, 0).center()), QStringLiteral("192.0.2.10"));

    // One pixel row for three keys (the legend below the cells is a line of text high): the row
    // merges them and still selects the strongest key.
    strip.resize(200, strip.fontMetrics().height() + 6 + 1);
    QCOMPARE(strip.rowCount(), 1);
    const QPoint last = strip.cellRect(0, strip.columnCount() - 1).center();
    QCOMPARE(strip.keyAt(last), QStringLiteral("192.0.2.10"));
    QCOMPARE(strip.binAt(last), std::optional(kLastDay));
    QVERIFY(!strip.grab().isNull());
}

void TestHeatStrip::tooltipSaysKeyBinScoreStatus()
{
    AnalysisSession session;
    ui::HeatStrip strip(&session);
    strip.resize(600, 160);
    strip.show();
    QVERIFY(QTest::qWaitForWindowExposed(&strip));
    QVERIFY(openAndScore(session, {kCase}, caseParams()));
    const QPoint pos = strip.cellRect(0, strip.columnCount() - 1).center();
    QHelpEvent help(QEvent::ToolTip, pos, strip.mapToGlobal(pos));
    QApplication::sendEvent(&strip, &help);
    QTRY_VERIFY(QToolTip::isVisible());
    const QString text = QToolTip::text();
    QVERIFY2(text.contains(QStringLiteral("203.0.113.7")), qPrintable(text));
    QVERIFY2(text.contains(QStringLiteral("2026-11-22")), qPrintable(text));
    QVERIFY2(text.contains(QStringLiteral("5.430269")), qPrintable(text));
    QVERIFY2(text.contains(QStringLiteral("Alerting")), qPrintable(text));
    QToolTip::hideText();
}

void TestHeatStrip::paintTimeFor10000KeysBy90Bins()
{
    QTemporaryDir dir;
    const QString path = writeManyKeys(dir, 10000);
    QVERIFY(!path.isEmpty());
    AnalysisSession session;
    ui::HeatStrip strip(&session);
    strip.resize(1200, 160);
    engine::SentinelParams params = caseParams();
    params.lookbackDays = 90;
    params.baselineThreshold = -1; // these callers are small: let their bursts alert
    QVERIFY(openAndScore(session, {path}, params));
    QCOMPARE(session.results()->sentinel.series.size(), std::size_t {10000});
    QCOMPARE(session.results()->sentinel.axis.bins, std::size_t {90});

    // Timed as the window paints (render() runs paintEvent; grab() adds a pixmap's own cost): the
    // first paint after new results orders the keys, builds the strip and renders the image; a
    // repaint copies the image; a paint after a resize rebuilds strip and image. Worst of a few.
    const auto paintMs = [&strip] {
        QImage target(strip.size(), QImage::Format_ARGB32_Premultiplied);
        QElapsedTimer timer;
        timer.start();
        strip.render(&target);
        return timer.nsecsElapsed() / 1e6;
    };
    const double firstEver = paintMs(); // includes the process's first text layout (the legend)
    double afterResults = 0, repaint = 0, afterResize = 0;
    for (int i = 0; i < 5; ++i)
        repaint = std::max(repaint, paintMs());
    for (int i = 0; i < 5; ++i) {
        strip.resize(1000 + 50 * i, 200 - 10 * i);
        afterResize = std::max(afterResize, paintMs());
    }
    for (const double threshold : {3.5, 3.0}) {
        params.scoreThreshold = threshold; // a rescore: new results, new order
        QSignalSpy results(&session, &AnalysisSession::resultsChanged);
        session.setSentinelParams(params, AnalysisSession::Apply::Now);
        QVERIFY(results.wait(60000));
        afterResults = std::max(afterResults, paintMs());
    }
    qInfo("heat strip, 10,000 keys x 90 bins, %dx%d px, %d rows: first paint after new results %.2f ms "
          "(the process's very first %.2f ms), repaint %.2f ms, paint after a resize %.2f ms",
        strip.width(), strip.height(), strip.rowCount(), afterResults, firstEver, repaint, afterResize);
    QVERIFY(!strip.grab().isNull());

    // More keys than pixel rows: rows merge, the alerting bursts stay on top and visible.
    QVERIFY(strip.rowCount() < 10000);
    QCOMPARE(strip.rowCount(), strip.cellRect(strip.rowCount() - 1, 0).bottom() + 1);
    const QPoint burst = strip.cellRect(0, strip.columnCount() - 1).center();
    QVERIFY2(keyIndex(strip.keyAt(burst)) % 500 == 0, qPrintable(strip.keyAt(burst)));
    QCOMPARE(strip.binAt(burst), std::optional(kLastDay));
}

QTEST_MAIN(TestHeatStrip)
#include "tst_heat_strip.moc"
