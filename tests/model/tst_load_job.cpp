// SPDX-License-Identifier: MIT
#include <QSignalSpy>
#include <QtTest>

#include "model/load_job.h"
#include "tests/model/generated_input.h"

using namespace kvt;
using test::writeGenerated;

Q_DECLARE_METATYPE(kvt::engine::JobStatus)
Q_DECLARE_METATYPE(std::shared_ptr<const kvt::model::LoadOutcome>)

class TestLoadJob : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void loadPublishesSnapshot();
    void cancelKeepsPreviousSnapshot();
    void unreadableInputIsReported();
    void optionsTravelWithTheLoad();
    void restartPublishesOnlyTheLatest();
};

void TestLoadJob::initTestCase()
{
    qRegisterMetaType<engine::JobStatus>();
    qRegisterMetaType<std::shared_ptr<const model::LoadOutcome>>();
}

void TestLoadJob::loadPublishesSnapshot()
{
    QTemporaryDir dir;
    const QString path = writeGenerated(dir, 15, 30, 0);
    model::LoadJob job;
    QSignalSpy finished(&job, &model::LoadJob::finished);
    QSignalSpy progress(&job, &model::LoadJob::progressChanged);
    job.start({path}, {});
    QVERIFY(finished.wait(60000));
    QCOMPARE(finished.first().at(0).value<engine::JobStatus>(), engine::JobStatus::Ok);
    const auto outcome = finished.first().at(1).value<std::shared_ptr<const model::LoadOutcome>>();
    QVERIFY(outcome && outcome->load.dataset);
    QVERIFY(outcome->load.records() > 1000);
    QCOMPARE(outcome->dailyByCaller->axis.bins, std::size_t {15});
    QVERIFY(outcome->dailyByCaller->keys.size() >= 30);
    QVERIFY(!progress.isEmpty());
    QCOMPARE(progress.last().at(0).toInt(), 1000);
}

void TestLoadJob::cancelKeepsPreviousSnapshot()
{
    QTemporaryDir dir;
    const QString small = writeGenerated(dir, 15, 5, 2000);
    model::LoadJob job;
    QSignalSpy finished(&job, &model::LoadJob::finished);
    job.start({small}, {});
    QVERIFY(finished.wait(60000));
    QCOMPARE(finished.first().at(0).value<engine::JobStatus>(), engine::JobStatus::Ok);

    QTemporaryDir bigDir;
    const QString big = writeGenerated(bigDir, 15, 50, 30000);
    finished.clear();
    job.start({big}, {});
    job.cancel();
    QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 1, 60000);
    QCOMPARE(finished.first().at(0).value<engine::JobStatus>(), engine::JobStatus::Cancelled);
    // A job cancelled before it produced anything publishes no snapshot.
    const auto outcome = finished.first().at(1).value<std::shared_ptr<const model::LoadOutcome>>();
    QVERIFY(!outcome || !outcome->load.dataset || outcome->load.status != engine::JobStatus::Ok);
}

void TestLoadJob::unreadableInputIsReported()
{
    model::LoadJob job;
    QSignalSpy finished(&job, &model::LoadJob::finished);
    job.start({QStringLiteral("/nonexistent/input.json")}, {});
    QVERIFY(finished.wait(60000));
    const auto outcome = finished.first().at(1).value<std::shared_ptr<const model::LoadOutcome>>();
    QVERIFY(outcome);
    QCOMPARE(outcome->load.files.size(), std::size_t {1});
    QVERIFY(!outcome->load.files.front().error.empty());
    QCOMPARE(outcome->load.records(), std::uint64_t {0});
}

void TestLoadJob::optionsTravelWithTheLoad()
{
    // A forced format is an option of the load: a JSON Lines file read as CSV yields no record.
    QTemporaryDir dir;
    const QString path = writeGenerated(dir, 2, 3, 200);
    engine::LoadOptions options;
    options.forcedFormat = engine::InputFormat::Csv;
    model::LoadJob job;
    QSignalSpy finished(&job, &model::LoadJob::finished);
    job.start({path}, options);
    QVERIFY(finished.wait(60000));
    const auto outcome = finished.first().at(1).value<std::shared_ptr<const model::LoadOutcome>>();
    QVERIFY(outcome);
    QCOMPARE(outcome->options.forcedFormat, std::optional(engine::InputFormat::Csv));
    QCOMPARE(outcome->load.files.front().format, std::string("csv"));
    QCOMPARE(outcome->load.records(), std::uint64_t {0});
}

void TestLoadJob::restartPublishesOnlyTheLatest()
{
    QTemporaryDir bigDir, smallDir;
    const QString big = writeGenerated(bigDir, 15, 50, 30000);
    const QString small = writeGenerated(smallDir, 15, 5, 2000);
    model::LoadJob job;
    QSignalSpy finished(&job, &model::LoadJob::finished);
    job.start({big}, {});
    job.start({small}, {}); // replaces the first: its result must never be published
    QVERIFY(finished.wait(60000));
    QTest::qWait(200);
    QCOMPARE(finished.count(), 1);
    QCOMPARE(finished.first().at(0).value<engine::JobStatus>(), engine::JobStatus::Ok);
    QCOMPARE(finished.first().at(1).value<std::shared_ptr<const model::LoadOutcome>>()->inputs, QStringList {small});
}

QTEST_GUILESS_MAIN(TestLoadJob)
#include "tst_load_job.moc"
