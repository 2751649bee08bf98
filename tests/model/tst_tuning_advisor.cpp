// SPDX-License-Identifier: MIT
// The tuning advisor follows the session's backtest: threshold advice only while active and for the
// backtest's own parameters, an exclusion preview equal to the engine's impact on that backtest, and
// "add it" turning the preview into the rule's parameters.
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QtTest>

#include "engine/rules/rule_parameters.h"
#include "model/analysis_session.h"
#include "model/tuning_advisor.h"
#include "tests/model/generated_input.h"

using namespace kvt;
using model::AnalysisSession;
using model::TuningAdvisor;

class TestTuningAdvisor : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void adviceFollowsTheBacktestWhileActive();
    void previewEqualsTheEngineImpact_data();
    void previewEqualsTheEngineImpact();

private:
    QTemporaryDir m_dir;
    QString m_history;
};

void TestTuningAdvisor::initTestCase()
{
    QVERIFY(m_dir.isValid());
    m_history = test::writeGenerated(m_dir, 24, 30, 40000);
}

void TestTuningAdvisor::adviceFollowsTheBacktestWhileActive()
{
    AnalysisSession session;
    TuningAdvisor advisor(&session);
    QSignalSpy backtest(&session, &AnalysisSession::backtestChanged);
    session.openPaths({m_history});
    QTRY_VERIFY_WITH_TIMEOUT(session.backtest() && !session.isBacktesting(), 60000);
    QVERIFY(!advisor.advice()); // inactive: nothing computed
    QSignalSpy advice(&advisor, &TuningAdvisor::adviceChanged);
    advisor.setViewer(this, true);
    QTRY_VERIFY_WITH_TIMEOUT(advisor.advice() != nullptr, 60000);
    const auto a = advisor.advice();
    QCOMPARE(a->dataset, session.dataset());
    QCOMPARE(a->thresholds.runs, session.backtest()->runCount());
    // The curve at the current thresholds is the backtest's total.
    std::size_t alerts = 0;
    for (const auto &run : session.backtest()->current.sentinel.runs)
        alerts += run.alerts.size();
    const auto current = std::find_if(a->thresholds.byScore.begin(), a->thresholds.byScore.end(),
        [&](const auto &p) { return p.threshold == session.sentinelParams().scoreThreshold; });
    QVERIFY(current != a->thresholds.byScore.end());
    QCOMPARE(current->alerts, alerts);
    QVERIFY(!a->candidatesOf(engine::ExclusionKind::CallerIp).empty());

    // A new threshold: the advice is dropped, then recomputed for the new backtest.
    engine::SentinelParams p = session.sentinelParams();
    p.baselineThreshold = 3;
    session.setSentinelParams(p, AnalysisSession::Apply::Now);
    QTRY_VERIFY_WITH_TIMEOUT(advisor.advice() && advisor.advice()->sentinel.baselineThreshold == 3, 60000);
}

void TestTuningAdvisor::previewEqualsTheEngineImpact_data()
{
    QTest::addColumn<int>("kind");
    QTest::addColumn<int>("rule");
    QTest::newRow("caller, into Sentinel")
        << int(engine::ExclusionKind::CallerIp) << int(TuningAdvisor::Rule::Sentinel);
    QTest::newRow("app id, into ES|QL") << int(engine::ExclusionKind::AppId) << int(TuningAdvisor::Rule::Elastic);
    QTest::newRow("account, into Sentinel")
        << int(engine::ExclusionKind::Account) << int(TuningAdvisor::Rule::Sentinel);
}

void TestTuningAdvisor::previewEqualsTheEngineImpact()
{
    QFETCH(int, kind);
    QFETCH(int, rule);
    AnalysisSession session;
    TuningAdvisor advisor(&session);
    advisor.setViewer(this, true);
    session.openPaths({m_history});
    QTRY_VERIFY_WITH_TIMEOUT(advisor.advice() != nullptr, 60000);
    const auto candidates = advisor.advice()->candidatesOf(engine::ExclusionKind(kind));
    QVERIFY(!candidates.empty());
    const engine::Exclusion e {engine::ExclusionKind(kind), candidates.front().value};
    advisor.previewExclusion(e);
    QTRY_VERIFY_WITH_TIMEOUT(advisor.preview() != nullptr, 60000);
    const auto bt = session.backtest();
    const engine::ExclusionImpact expected = engine::exclusionImpact(*bt->dataset, bt->current.params.sentinel,
        bt->current.params.burst, bt->current.sentinel, bt->current.burst, e);
    const engine::ExclusionImpact &got = advisor.preview()->impact;
    QCOMPARE(got.runs.size(), expected.runs.size());
    QCOMPARE(got.alertsAfter, expected.alertsAfter);
    QCOMPARE(got.burstsAfter, expected.burstsAfter);
    QCOMPARE(got.recordsRemoved, expected.recordsRemoved);
    QVERIFY(got.recordsRemoved + got.burstRecordsRemoved > 0);

    // Adding it: the rule's parameters carry it and the next backtest is the previewed "after".
    advisor.applyPreviewed(TuningAdvisor::Rule(rule));
    if (TuningAdvisor::Rule(rule) == TuningAdvisor::Rule::Sentinel) {
        const auto expectedParams = engine::withExclusion(bt->current.params.sentinel, e);
        QVERIFY(session.sentinelParams().excludeCallers == expectedParams.excludeCallers);
        QVERIFY(session.sentinelParams().excludeAccounts == expectedParams.excludeAccounts);
        QTRY_VERIFY_WITH_TIMEOUT(session.backtest() != bt
                && session.backtest()->current.params.sentinel.excludeCallers == session.sentinelParams().excludeCallers
                && session.backtest()->current.params.sentinel.excludeAccounts
                    == session.sentinelParams().excludeAccounts
                && !session.isBacktesting(),
            60000);
        std::size_t alerts = 0;
        for (const auto &run : session.backtest()->current.sentinel.runs)
            alerts += run.alerts.size();
        QCOMPARE(alerts, expected.alertsAfter);
    } else {
        QVERIFY(session.burstParams().excludeAppIds == std::vector<std::string> {e.value});
        QTRY_VERIFY_WITH_TIMEOUT(
            session.backtest() != bt && session.backtest()->current.params.burst.excludeAppIds.size() == 1, 60000);
        std::size_t bursts = 0;
        for (const auto &run : session.backtest()->current.burst)
            bursts += run.bursts.size();
        QCOMPARE(bursts, expected.burstsAfter);
    }
}

QTEST_GUILESS_MAIN(TestTuningAdvisor)
#include "tst_tuning_advisor.moc"
