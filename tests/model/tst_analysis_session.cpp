// SPDX-License-Identifier: MIT
#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QtTest>

#include <numeric>

#include "engine/rules/sentinel_rule.h"
#include "model/analysis_session.h"
#include "model/import_issues_model.h"
#include "model/loaded_files_model.h"
#include "model/series_list_model.h"
#include "tests/model/generated_input.h"

using namespace kvt;
using model::AnalysisSession;

Q_DECLARE_METATYPE(kvt::engine::JobStatus)
Q_DECLARE_METATYPE(std::shared_ptr<const kvt::model::LoadOutcome>)
Q_DECLARE_METATYPE(kvt::model::Selection)

namespace {

// Opens @p path and waits for the first results.
bool openAndScore(AnalysisSession &session, const QString &path)
{
    QSignalSpy results(&session, &AnalysisSession::resultsChanged);
    session.openPaths({path});
    return results.wait(60000);
}

} // namespace

class TestAnalysisSession : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void loadPublishesSnapshotAndScores();
    void dragRescoresOnceAfterItRests();
    void unchangedParametersRunNothing();
    void staleResultIsNeverPublished();
    void newSnapshotDropsPendingResults();
    void cancelStopsRescore();
    void cancelledLoadKeepsSnapshot();
    void loadOptionsReload();
    void burstResultReusedUntilItsParametersChange();
    void selectionFollowsKeysAndAlerts();
    void selectedPointsAndAlertsShowTheirRecords();
    void alertShowsWhatTheJoinAttachedBesideTheWholeBin();
    void burstShowsTheRecordsItAggregated();

private:
    QTemporaryDir m_dir;
    QString m_small; // 20 days, 30 callers
    QString m_other; // 18 days, 10 callers
};

void TestAnalysisSession::initTestCase()
{
    qRegisterMetaType<engine::JobStatus>();
    qRegisterMetaType<std::shared_ptr<const model::LoadOutcome>>();
    qRegisterMetaType<model::Selection>();
    m_small = test::writeGenerated(m_dir, 20, 30, 20000, QStringLiteral("small.jsonl"));
    m_other = test::writeGenerated(m_dir, 18, 10, 5000, QStringLiteral("other.jsonl"));
}

void TestAnalysisSession::loadPublishesSnapshotAndScores()
{
    AnalysisSession session;
    QAbstractItemModelTester seriesTester(session.seriesModel());
    QAbstractItemModelTester issuesTester(session.importIssuesModel());
    QAbstractItemModelTester filesTester(session.loadedFilesModel());
    QSignalSpy dataset(&session, &AnalysisSession::datasetChanged);
    QSignalSpy finished(&session, &AnalysisSession::loadFinished);
    QVERIFY(openAndScore(session, m_small));
    QCOMPARE(dataset.count(), 1);
    QCOMPARE(finished.count(), 1);
    QCOMPARE(finished.first().at(0).value<engine::JobStatus>(), engine::JobStatus::Ok);
    QVERIFY(session.dataset());
    QCOMPARE(session.inputs(), QStringList {m_small});
    QVERIFY(session.seriesModel()->rowCount() >= 30);
    QCOMPARE(session.loadedFilesModel()->rowCount(), 1);
    QCOMPARE(session.importIssuesModel()->rowCount(), 0);

    // The published results are exactly the engine's, for the session's parameters and snapshot.
    const auto results = session.results();
    QVERIFY(results);
    QCOMPARE(results->dataset, session.dataset());
    engine::SentinelRule rule(session.dataset());
    const engine::SentinelResult expected = rule.run(session.sentinelParams());
    QCOMPARE(results->sentinel.params.now, expected.params.now);
    QCOMPARE(results->sentinel.series.size(), expected.series.size());
    QCOMPARE(results->sentinel.anomalies.size(), expected.anomalies.size());
    QCOMPARE(results->sentinel.alerts.size(), expected.alerts.size());
    QVERIFY(!results->sentinel.anomalies.empty()); // the generator injects anomalies
    QVERIFY(results->burst);
    QCOMPARE(results->burst->alerts.size(),
        engine::runElasticBurst(*session.dataset(), session.burstParams()).alerts.size());
    QVERIFY(!session.isLoading());
    QVERIFY(!session.isRescoring());
}

void TestAnalysisSession::dragRescoresOnceAfterItRests()
{
    AnalysisSession session;
    QVERIFY(openAndScore(session, m_small));
    QSignalSpy started(&session, &AnalysisSession::rescoreStarted);
    QSignalSpy results(&session, &AnalysisSession::resultsChanged);
    QSignalSpy changed(&session, &AnalysisSession::parametersChanged);
    engine::SentinelParams p = session.sentinelParams();
    for (double threshold : {2.0, 2.5, 3.5, 4.0, 1.5}) {
        p.scoreThreshold = threshold;
        session.setSentinelParams(p); // a slider drag: debounced
    }
    QCOMPARE(changed.count(), 5);
    QCOMPARE(started.count(), 0); // nothing runs while the drag goes on
    QTRY_COMPARE_WITH_TIMEOUT(results.count(), 1, 10000);
    QTest::qWait(AnalysisSession::kDebounceMs + 100);
    QCOMPARE(started.count(), 1);
    QCOMPARE(results.count(), 1);
    QCOMPARE(session.results()->sentinel.params.scoreThreshold, 1.5);
}

void TestAnalysisSession::unchangedParametersRunNothing()
{
    AnalysisSession session;
    QVERIFY(openAndScore(session, m_small));
    QSignalSpy started(&session, &AnalysisSession::rescoreStarted);
    QSignalSpy changed(&session, &AnalysisSession::parametersChanged);
    session.setSentinelParams(session.sentinelParams(), AnalysisSession::Apply::Now);
    session.setBurstParams(session.burstParams(), AnalysisSession::Apply::Now);
    QTest::qWait(AnalysisSession::kDebounceMs + 50);
    QCOMPARE(changed.count(), 0);
    QCOMPARE(started.count(), 0);
}

void TestAnalysisSession::staleResultIsNeverPublished()
{
    AnalysisSession session;
    QVERIFY(openAndScore(session, m_small));
    QSignalSpy results(&session, &AnalysisSession::resultsChanged);
    engine::SentinelParams a = session.sentinelParams();
    a.lookbackDays = 7;
    engine::SentinelParams b = a;
    b.lookbackDays = 10;
    session.setSentinelParams(a, AnalysisSession::Apply::Now); // starts at once
    session.setSentinelParams(b, AnalysisSession::Apply::Now); // overtakes it
    QVERIFY(results.wait(10000));
    QTest::qWait(300);
    QCOMPARE(results.count(), 1);
    QCOMPARE(session.results()->sentinel.params.lookbackDays, 10);
    QCOMPARE(session.results()->sentinel.axis.bins, std::size_t {10});
}

void TestAnalysisSession::newSnapshotDropsPendingResults()
{
    AnalysisSession session;
    QVERIFY(openAndScore(session, m_small));
    QList<bool> resultsMatchSnapshot;
    connect(&session, &AnalysisSession::resultsChanged, this,
        [&] { resultsMatchSnapshot.append(session.results()->dataset == session.dataset()); });
    QSignalSpy dataset(&session, &AnalysisSession::datasetChanged);
    QSignalSpy results(&session, &AnalysisSession::resultsChanged);
    engine::SentinelParams p = session.sentinelParams();
    p.scoreThreshold = 2;
    session.setSentinelParams(p, AnalysisSession::Apply::Now); // about the old snapshot
    session.openPaths({m_other});
    QVERIFY(dataset.wait(60000));
    QVERIFY(!session.results()); // cleared with the old snapshot
    QTRY_VERIFY_WITH_TIMEOUT(session.results() != nullptr, 60000);
    QTest::qWait(200);
    QVERIFY(!resultsMatchSnapshot.isEmpty());
    QVERIFY(!resultsMatchSnapshot.contains(false));
    QCOMPARE(session.results()->sentinel.params.scoreThreshold, 2.0); // parameters survive a load
}

void TestAnalysisSession::cancelStopsRescore()
{
    AnalysisSession session;
    QVERIFY(openAndScore(session, m_small));
    const auto before = session.results();
    QSignalSpy results(&session, &AnalysisSession::resultsChanged);
    QSignalSpy cancelled(&session, &AnalysisSession::rescoreCancelled);
    engine::SentinelParams p = session.sentinelParams();
    p.lookbackDays = 5;
    session.setSentinelParams(p, AnalysisSession::Apply::Now);
    session.cancel();
    QTRY_COMPARE_WITH_TIMEOUT(cancelled.count(), 1, 10000);
    QTest::qWait(200);
    QCOMPARE(results.count(), 0);
    QCOMPARE(session.results(), before);
    QVERIFY(!session.isRescoring());

    // A debounced change not yet run is dropped too: it never even starts.
    QSignalSpy started(&session, &AnalysisSession::rescoreStarted);
    p.lookbackDays = 6;
    session.setSentinelParams(p);
    session.cancel();
    QTest::qWait(AnalysisSession::kDebounceMs + 200);
    QCOMPARE(started.count(), 0);
    QCOMPARE(results.count(), 0);
}

void TestAnalysisSession::cancelledLoadKeepsSnapshot()
{
    AnalysisSession session;
    QVERIFY(openAndScore(session, m_other));
    const auto before = session.dataset();
    QTemporaryDir bigDir;
    const QString big = test::writeGenerated(bigDir, 15, 50, 30000);
    QSignalSpy finished(&session, &AnalysisSession::loadFinished);
    QSignalSpy dataset(&session, &AnalysisSession::datasetChanged);
    session.openPaths({big});
    session.cancel();
    QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 1, 60000);
    QCOMPARE(finished.first().at(0).value<engine::JobStatus>(), engine::JobStatus::Cancelled);
    QCOMPARE(dataset.count(), 0);
    QCOMPARE(session.dataset(), before);
}

void TestAnalysisSession::loadOptionsReload()
{
    AnalysisSession session;
    QVERIFY(openAndScore(session, m_other));
    const auto records = session.load()->load.records();
    QSignalSpy finished(&session, &AnalysisSession::loadFinished);
    engine::LoadOptions forced;
    forced.forcedFormat = engine::InputFormat::Csv;
    session.setLoadOptions(forced); // reload level: the same inputs are read again
    QVERIFY(finished.wait(60000));
    QCOMPARE(session.load()->options.forcedFormat, std::optional(engine::InputFormat::Csv));
    QCOMPARE(session.load()->load.records(), std::uint64_t {0});
    QVERIFY(session.importIssuesModel()->rowCount() > 0); // every line rejected, and shown

    session.setLoadOptions({});
    QVERIFY(finished.wait(60000));
    QCOMPARE(session.load()->load.records(), records);
    QCOMPARE(session.inputs(), QStringList {m_other});
}

void TestAnalysisSession::burstResultReusedUntilItsParametersChange()
{
    AnalysisSession session;
    QVERIFY(openAndScore(session, m_small));
    const auto burst = session.results()->burst;
    QSignalSpy results(&session, &AnalysisSession::resultsChanged);
    engine::SentinelParams p = session.sentinelParams();
    p.scoreThreshold = 2;
    session.setSentinelParams(p, AnalysisSession::Apply::Now);
    QVERIFY(results.wait(10000));
    QCOMPARE(session.results()->burst, burst); // the Sentinel parameters do not move the ES|QL rule

    engine::ElasticBurstParams b = session.burstParams();
    b.minActions = 2;
    session.setBurstParams(b, AnalysisSession::Apply::Now);
    QVERIFY(results.wait(10000));
    QVERIFY(session.results()->burst != burst);
    QCOMPARE(session.results()->burstParams.minActions, 2);
    QVERIFY(session.results()->burst->alerts.size() >= burst->alerts.size()); // a lower bar passes more
}

void TestAnalysisSession::selectionFollowsKeysAndAlerts()
{
    AnalysisSession session;
    QVERIFY(openAndScore(session, m_small));
    QSignalSpy selection(&session, &AnalysisSession::selectionChanged);
    session.selectKey(QStringLiteral("10.0.0.1"));
    session.selectKey(QStringLiteral("10.0.0.1")); // unchanged: no signal
    QCOMPARE(selection.count(), 1);
    session.selectBin(QStringLiteral("10.0.0.1"), engine::kTicksPerDay * 20000);
    QCOMPARE(selection.count(), 2);
    QCOMPARE(session.selection().bin, std::optional(engine::kTicksPerDay * 20000));

    const auto &alerts = session.results()->sentinel.alerts;
    QVERIFY(!alerts.empty());
    session.selectAlert(0);
    QCOMPARE(session.selection().alert, 0);
    QCOMPARE(session.selection().key, QString::fromStdString(alerts.front().callerIp));
    session.selectAlert(static_cast<int>(alerts.size())); // out of range clears
    QCOMPARE(session.selection(), model::Selection {});

    session.selectKey(QStringLiteral("10.0.0.1"));
    QSignalSpy dataset(&session, &AnalysisSession::datasetChanged);
    session.reload();
    QVERIFY(dataset.wait(60000));
    QCOMPARE(session.selection(), model::Selection {}); // a new snapshot starts unselected
}

void TestAnalysisSession::selectedPointsAndAlertsShowTheirRecords()
{
    AnalysisSession session;
    QVERIFY(openAndScore(session, m_small));
    QSignalSpy records(&session, &AnalysisSession::recordsChanged);
    const auto first = session.results(); // kept alive: the rescore below replaces the session's
    const auto &result = first->sentinel;
    QVERIFY(!result.anomalies.empty());
    const engine::AnomalyRow anomaly = result.anomalies.front();

    // A point of a series: exactly the records make-series counted there.
    session.selectBin(QString::fromStdString(anomaly.key), anomaly.bin);
    QVERIFY(records.wait(10000));
    QVERIFY(session.records());
    QCOMPARE(session.records()->rows.size(), static_cast<std::size_t>(anomaly.count));
    QCOMPARE(session.records()->query.stage, engine::RecordStage::SeriesCounted);

    // An alert: the records its row carries, at once.
    records.clear();
    session.selectAlert(0);
    QCOMPARE(records.count(), 1);
    QCOMPARE(session.records()->rows, result.alerts.front().recordIds);

    // A rescore keeps the key, renumbers alerts, and asks for the shown records again.
    session.selectBin(QString::fromStdString(anomaly.key), anomaly.bin);
    QVERIFY(records.wait(10000));
    const engine::RecordQuery query = session.records()->query;
    engine::SentinelParams p = session.sentinelParams();
    p.allowAppIds.clear();
    records.clear();
    session.setSentinelParams(p, AnalysisSession::Apply::Now);
    QTRY_VERIFY_WITH_TIMEOUT(
        session.results() != first && session.records() && session.records()->results == session.results(), 10000);
    QCOMPARE(session.records()->query, query);
    QCOMPARE(session.selection().key, QString::fromStdString(anomaly.key));

    // A key alone: every record the rule counted for it, the sum of its points.
    session.selectKey(QString::fromStdString(anomaly.key));
    session.selectKey(QStringLiteral("no such key"));
    QTRY_VERIFY_WITH_TIMEOUT(session.records()->query.key == std::optional<std::string>("no such key"), 10000);
    QVERIFY(session.records()->rows.empty());
    session.clearSelection();
    session.selectKey(QString::fromStdString(anomaly.key));
    QTRY_VERIFY_WITH_TIMEOUT(session.records() && session.records()->query.key == anomaly.key, 10000);
    const auto &series = session.results()->sentinel.series;
    const auto it = std::find_if(series.begin(), series.end(), [&](const auto &s) { return s.key == anomaly.key; });
    QVERIFY(it != series.end());
    QCOMPARE(double(session.records()->rows.size()), std::accumulate(it->counts.begin(), it->counts.end(), 0.0));
    session.clearSelection();
    QVERIFY(!session.records());
}

void TestAnalysisSession::alertShowsWhatTheJoinAttachedBesideTheWholeBin()
{
    // tests/data/rules/first-hour-join/README.md: on the anomalous day 203.0.113.7 has 305 qualifying
    // records; the deployed (faithful) join attaches the 40 of the first UTC hour to one alert row.
    AnalysisSession session;
    engine::SentinelParams p;
    p.now = engine::parseIsoDateTime("2026-11-23T00:05Z");
    session.setSentinelParams(p, AnalysisSession::Apply::Now);
    QVERIFY(openAndScore(session, QStringLiteral(KVT_TEST_DATA "/rules/first-hour-join/input.jsonl.gz")));
    const auto &alerts = session.results()->sentinel.alerts;
    QCOMPARE(alerts.size(), std::size_t {1});
    QSignalSpy records(&session, &AnalysisSession::recordsChanged);
    session.selectAlert(0);
    QCOMPARE(session.records()->rows.size(), std::size_t {40});
    QVERIFY2(session.records()->title.contains(QStringLiteral("first UTC hour on 2026-11-22")),
        qPrintable(session.records()->title));
    QTRY_VERIFY_WITH_TIMEOUT(session.wholeBinRecords(), 10000);
    const auto whole = session.wholeBinRecords();
    QCOMPARE(whole->rows.size(), std::size_t {305});
    QVERIFY(std::includes(
        whole->rows.begin(), whole->rows.end(), session.records()->rows.begin(), session.records()->rows.end()));
    QVERIFY2(whole->title.contains(QStringLiteral("203.0.113.7 on 2026-11-22")), qPrintable(whole->title));

    // Another selection drops the comparison; a point's title names its bin.
    session.selectBin(QStringLiteral("192.0.2.20"), *engine::parseIsoDateTime("2026-11-22T00:00Z"));
    QVERIFY(!session.wholeBinRecords());
    // Until the scan answers, the alert's records stay on show under their own title.
    QTRY_VERIFY_WITH_TIMEOUT(session.records()->query.stage == engine::RecordStage::SeriesCounted, 10000);
    QCOMPARE(session.records()->rows.size(), std::size_t {300});
    QCOMPARE(session.records()->title, QStringLiteral("What the rule counted for 192.0.2.20 on 2026-11-22"));
}

void TestAnalysisSession::burstShowsTheRecordsItAggregated()
{
    AnalysisSession session;
    QVERIFY(openAndScore(session, m_small));
    const auto results = session.results();
    QVERIFY(results->burst && !results->burst->alerts.empty());
    const engine::BurstRow &burst = results->burst->alerts.back();
    QSignalSpy selection(&session, &AnalysisSession::selectionChanged);
    session.selectBurst(static_cast<int>(results->burst->alerts.size() - 1));
    QCOMPARE(selection.count(), 1);
    QCOMPARE(session.selection().burst, static_cast<int>(results->burst->alerts.size() - 1));
    QVERIFY(session.selection().key.isEmpty());
    QCOMPARE(session.records()->rows, burst.recordIds);
    QVERIFY2(session.records()->title.contains(QString::fromStdString(burst.identity)),
        qPrintable(session.records()->title));
    QVERIFY(!session.wholeBinRecords());
    session.selectBurst(-1);
    QCOMPARE(session.selection(), model::Selection {});
    QVERIFY(!session.records());
}

QTEST_GUILESS_MAIN(TestAnalysisSession)
#include "tst_analysis_session.moc"
