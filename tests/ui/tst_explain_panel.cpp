// SPDX-License-Identifier: MIT
// The Explain panel follows the session: a selected point, a selected key (its last bin), new results
// after a threshold change, and an empty state.
#include <QSignalSpy>
#include <QTextBrowser>
#include <QtTest>

#include "model/analysis_session.h"
#include "ui/explain_panel.h"

using namespace kvt;
using model::AnalysisSession;

namespace {

const QString kCase = QStringLiteral(KVT_TEST_DATA "/rules/first-hour-join/input.jsonl.gz");

engine::SentinelParams caseParams()
{
    engine::SentinelParams p;
    p.now = engine::parseIsoDateTime("2026-11-23T00:05Z");
    return p;
}

} // namespace

class TestExplainPanel : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void emptyUntilSomethingIsSelected();
    void followsSelection();
    void followsResults();
};

namespace {

// Opens the case with the rule run at its `now` and waits for the first results.
bool openCase(AnalysisSession &session)
{
    session.setSentinelParams(caseParams(), AnalysisSession::Apply::Now);
    QSignalSpy results(&session, &AnalysisSession::resultsChanged);
    session.openPaths({kCase});
    return results.wait(60000);
}

} // namespace

void TestExplainPanel::emptyUntilSomethingIsSelected()
{
    AnalysisSession session;
    ui::ExplainPanel panel(&session);
    QVERIFY(panel.browser()->toPlainText().contains(QStringLiteral("Select a point of a series or a key")));
    session.selectKey(QStringLiteral("203.0.113.7")); // no results yet: still nothing to explain
    QVERIFY(panel.browser()->toPlainText().contains(QStringLiteral("Select a point")));
}

void TestExplainPanel::followsSelection()
{
    AnalysisSession session;
    ui::ExplainPanel panel(&session);
    QVERIFY(openCase(session));
    QVERIFY(panel.browser()->toPlainText().contains(QStringLiteral("Select a point")));

    const engine::Ticks lastDay = *engine::parseIsoDateTime("2026-11-22T00:00Z");
    session.selectBin(QStringLiteral("203.0.113.7"), lastDay);
    QString text = panel.browser()->toPlainText();
    QVERIFY2(text.contains(QStringLiteral("Alerted.")), qPrintable(text));
    QVERIFY(text.contains(QStringLiteral("5.430269 > 3")));
    QVERIFY(text.contains(QStringLiteral("203.0.113.7")));

    // The first bin of the same key: well inside the fences.
    session.selectBin(QStringLiteral("203.0.113.7"), *engine::parseIsoDateTime("2026-11-09T00:00Z"));
    QVERIFY(panel.browser()->toPlainText().contains(QStringLiteral("Not flagged")));

    session.selectKey(QStringLiteral("192.0.2.20")); // a key alone: its last bin
    text = panel.browser()->toPlainText();
    QVERIFY2(text.contains(QStringLiteral("Silenced by the join")), qPrintable(text));
    QVERIFY(text.contains(QStringLiteral("point 14 of 14")));
    session.selectKey(QStringLiteral("192.0.2.10"));
    QVERIFY(panel.browser()->toPlainText().contains(QStringLiteral("Dropped by the baseline threshold")));

    session.selectBin(QStringLiteral("203.0.113.7"), *engine::parseIsoDateTime("2026-12-01T00:00Z"));
    QVERIFY(panel.browser()->toPlainText().contains(QStringLiteral("outside the rule's series")));
    // Keys are text from the logs: shown as text, never as markup or as arg() markers.
    session.selectKey(QStringLiteral("<b>10.9.9.9</b>%2"));
    QVERIFY(panel.browser()->toPlainText().contains(QStringLiteral("<b>10.9.9.9</b>%2 has no series")));
    session.clearSelection();
    QVERIFY(panel.browser()->toPlainText().contains(QStringLiteral("Select a point")));
}

void TestExplainPanel::followsResults()
{
    AnalysisSession session;
    ui::ExplainPanel panel(&session);
    panel.resize(600, 800);
    panel.show();
    QVERIFY(openCase(session));
    session.selectKey(QStringLiteral("203.0.113.7"));
    QVERIFY(panel.browser()->toPlainText().contains(QStringLiteral("Alerted.")));

    // A tuning change re-explains the same selection with the new results.
    QSignalSpy results(&session, &AnalysisSession::resultsChanged);
    engine::SentinelParams strict = caseParams();
    strict.scoreThreshold = 6;
    session.setSentinelParams(strict, AnalysisSession::Apply::Now);
    QVERIFY(results.wait(60000));
    const QString text = panel.browser()->toPlainText();
    QVERIFY2(text.contains(QStringLiteral("Not flagged")), qPrintable(text));
    QVERIFY(text.contains(QStringLiteral("within ±6")));
    QVERIFY(!panel.grab().isNull());
}

QTEST_MAIN(TestExplainPanel)
#include "tst_explain_panel.moc"
