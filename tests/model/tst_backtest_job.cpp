// SPDX-License-Identifier: MIT
// The session's backtest: follows every rescore off the GUI thread, equals the engine's replay, is
// reused while only the evaluation day moves, and compares a pinned A with the current B.
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QtTest>

#include "model/analysis_session.h"
#include "model/backtest_job.h"
#include "tests/model/generated_input.h"

using namespace kvt;
using model::AnalysisSession;

namespace {

std::size_t alertsOf(const engine::BacktestResult &r)
{
    std::size_t n = 0;
    for (const auto &run : r.runs)
        n += run.alerts.size();
    return n;
}

} // namespace

class TestBacktestJob : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void followsRescoresAndEqualsTheEngine();
    void scrubbingTheDayReusesTheReplay();
    void pinnedSideIsComparedAndCorrectedRaisesMore();
    void newerRequestWins();

private:
    QTemporaryDir m_dir;
    QString m_history;
};

void TestBacktestJob::initTestCase()
{
    m_history = test::writeGenerated(m_dir, 24, 40, 60000, QStringLiteral("history.jsonl"));
}

void TestBacktestJob::followsRescoresAndEqualsTheEngine()
{
    AnalysisSession session;
    QSignalSpy backtest(&session, &AnalysisSession::backtestChanged);
    session.openPaths({m_history});
    QVERIFY(backtest.wait(60000));
    const auto outcome = session.backtest();
    QVERIFY(outcome && !outcome->pinned);
    QCOMPARE(outcome->dataset, session.dataset());
    QCOMPARE(outcome->runAt, 5 * engine::kTicksPerMinute); // the default now runs at 00:05
    const engine::BacktestResult expected = engine::runBacktest(*session.dataset(), session.results()->sentinel.params,
        outcome->days.first, outcome->days.last, outcome->runAt);
    QCOMPARE(outcome->runCount(), expected.runs.size());
    QVERIFY(outcome->runCount() >= 10);
    for (std::size_t i = 0; i < expected.runs.size(); ++i) {
        QCOMPARE(outcome->current.sentinel.runs[i].now, expected.runs[i].now);
        QCOMPARE(outcome->current.sentinel.runs[i].alerts.size(), expected.runs[i].alerts.size());
        QCOMPARE(outcome->current.sentinel.runs[i].keys(), expected.runs[i].keys());
    }
    QCOMPARE(outcome->current.burst.size(), outcome->runCount());
    QCOMPARE(outcome->current.bursts, session.results()->burst); // the rescore's ES|QL result, not a rerun

    // A threshold change replays again.
    engine::SentinelParams p = session.sentinelParams();
    p.scoreThreshold = 1.5;
    backtest.clear();
    session.setSentinelParams(p, AnalysisSession::Apply::Now);
    QVERIFY(backtest.wait(60000));
    QCOMPARE(session.backtest()->current.params.sentinel.scoreThreshold, 1.5);
    QVERIFY(alertsOf(session.backtest()->current.sentinel) >= alertsOf(outcome->current.sentinel));
}

void TestBacktestJob::scrubbingTheDayReusesTheReplay()
{
    AnalysisSession session;
    QSignalSpy backtest(&session, &AnalysisSession::backtestChanged);
    session.openPaths({m_history});
    QVERIFY(backtest.wait(60000));
    const auto first = session.backtest();
    const engine::Ticks day = first->current.sentinel.runs[3].now;
    QSignalSpy results(&session, &AnalysisSession::resultsChanged);
    session.setEvaluationDay(engine::startOfDay(day));
    QVERIFY(results.wait(60000));
    QCOMPARE(session.results()->sentinel.params.now, std::optional(day)); // the day's run, at 00:05
    QTest::qWait(200);
    QCOMPARE(session.backtest(), first); // nothing replayed
    QCOMPARE(backtest.count(), 1);
}

void TestBacktestJob::pinnedSideIsComparedAndCorrectedRaisesMore()
{
    AnalysisSession session;
    QSignalSpy backtest(&session, &AnalysisSession::backtestChanged);
    session.openPaths({m_history});
    QVERIFY(backtest.wait(60000));
    const auto deployed = session.backtest();
    QSignalSpy pinned(&session, &AnalysisSession::pinnedChanged);
    session.compareWithCorrected();
    QCOMPARE(pinned.count(), 1);
    QVERIFY(session.pinnedParameters());
    QCOMPARE(session.pinnedParameters()->sentinel.drilldown, engine::Drilldown::Faithful);
    QCOMPARE(session.sentinelParams().drilldown, engine::Drilldown::FullBin);
    QVERIFY(session.sentinelParams().claimBackfill);
    QTRY_VERIFY_WITH_TIMEOUT(session.backtest() != deployed && session.backtest()->pinned
            && session.backtest()->current.params.sentinel.drilldown == engine::Drilldown::FullBin,
        60000);
    const auto ab = session.backtest();
    QCOMPARE(ab->pinned->sentinel.runs.size(), ab->current.sentinel.runs.size());
    QCOMPARE(alertsOf(ab->pinned->sentinel), alertsOf(deployed->current.sentinel)); // A is the deployed replay
    // The full bin attaches every record of the anomalous day: never fewer alert rows.
    for (std::size_t i = 0; i < ab->current.sentinel.runs.size(); ++i)
        QVERIFY(ab->current.sentinel.runs[i].alerts.size() >= ab->pinned->sentinel.runs[i].alerts.size()
            || ab->pinned->sentinel.runs[i].anomalies.size() != ab->current.sentinel.runs[i].anomalies.size());
    session.unpin();
    QTRY_VERIFY_WITH_TIMEOUT(session.backtest() && !session.backtest()->pinned, 60000);
}

void TestBacktestJob::newerRequestWins()
{
    AnalysisSession session;
    QSignalSpy results(&session, &AnalysisSession::resultsChanged);
    session.openPaths({m_history});
    QVERIFY(results.wait(60000));
    QSignalSpy backtest(&session, &AnalysisSession::backtestChanged);
    for (const double t : {2.0, 2.5, 3.5}) {
        engine::SentinelParams p = session.sentinelParams();
        p.scoreThreshold = t;
        session.setSentinelParams(p, AnalysisSession::Apply::Now);
    }
    QTRY_VERIFY_WITH_TIMEOUT(
        session.backtest() && session.backtest()->current.params.sentinel.scoreThreshold == 3.5, 60000);
    QTest::qWait(300);
    QCOMPARE(session.backtest()->current.params.sentinel.scoreThreshold, 3.5); // no stale answer after it
}

QTEST_GUILESS_MAIN(TestBacktestJob)
#include "tst_backtest_job.moc"
