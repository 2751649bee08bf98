// SPDX-License-Identifier: MIT
#include <QSignalSpy>
#include <QtTest>

#include "engine/generate/diagnostic_json_writer.h"
#include "engine/generate/output_file.h"
#include "model/analysis_runner.h"

using namespace kvt;

Q_DECLARE_METATYPE(kvt::engine::JobStatus)
Q_DECLARE_METATYPE(std::shared_ptr<const kvt::model::LoadOutcome>)

namespace {

// Writes generated data (not committed: built per test run) and returns its path.
QString writeGenerated(QTemporaryDir &dir, int days, int keys, std::uint64_t records)
{
    engine::GeneratorOptions o;
    o.days = days;
    o.keys = keys;
    o.records = records;
    const std::string path = dir.filePath(QStringLiteral("gen.jsonl")).toStdString();
    std::string error, text;
    auto out = engine::OutputFile::open(path, error);
    engine::generateAuditEvents(o, [&](std::vector<engine::OwnedEvent> &day) {
        text.clear();
        for (const auto &e : day)
            engine::appendDiagnosticJsonLine(e, text);
        return out->write(text);
    });
    out->close(error);
    return QString::fromStdString(path);
}

} // namespace

class TestAnalysisRunner : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void loadPublishesSnapshot();
    void cancelKeepsPreviousSnapshot();
    void unreadableInputIsReported();
    void restartPublishesOnlyTheLatest();
};

void TestAnalysisRunner::initTestCase()
{
    qRegisterMetaType<engine::JobStatus>();
    qRegisterMetaType<std::shared_ptr<const model::LoadOutcome>>();
}

void TestAnalysisRunner::loadPublishesSnapshot()
{
    QTemporaryDir dir;
    const QString path = writeGenerated(dir, 15, 30, 0);
    model::AnalysisRunner runner;
    QSignalSpy finished(&runner, &model::AnalysisRunner::loadFinished);
    QSignalSpy progress(&runner, &model::AnalysisRunner::progressChanged);
    runner.startLoad({path});
    QVERIFY(finished.wait(60000));
    QCOMPARE(finished.first().at(0).value<engine::JobStatus>(), engine::JobStatus::Ok);
    const auto outcome = runner.current();
    QVERIFY(outcome && outcome->load.dataset);
    QVERIFY(outcome->load.records() > 1000);
    QCOMPARE(outcome->dailyByCaller->axis.bins, std::size_t {15});
    QVERIFY(outcome->dailyByCaller->keys.size() >= 30);
    QVERIFY(!progress.isEmpty());
    QCOMPARE(progress.last().at(0).toInt(), 1000);
}

void TestAnalysisRunner::cancelKeepsPreviousSnapshot()
{
    QTemporaryDir dir;
    const QString small = writeGenerated(dir, 15, 5, 2000);
    model::AnalysisRunner runner;
    QSignalSpy finished(&runner, &model::AnalysisRunner::loadFinished);
    runner.startLoad({small});
    QVERIFY(finished.wait(60000));
    const auto before = runner.current();
    QVERIFY(before);

    QTemporaryDir bigDir;
    const QString big = writeGenerated(bigDir, 15, 50, 30000);
    finished.clear();
    runner.startLoad({big});
    runner.cancel();
    QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 1, 60000);
    QCOMPARE(finished.first().at(0).value<engine::JobStatus>(), engine::JobStatus::Cancelled);
    QCOMPARE(runner.current(), before); // the model is untouched
}

void TestAnalysisRunner::unreadableInputIsReported()
{
    model::AnalysisRunner runner;
    QSignalSpy finished(&runner, &model::AnalysisRunner::loadFinished);
    runner.startLoad({QStringLiteral("/nonexistent/input.json")});
    QVERIFY(finished.wait(60000));
    const auto outcome = finished.first().at(1).value<std::shared_ptr<const model::LoadOutcome>>();
    QVERIFY(outcome);
    QCOMPARE(outcome->load.files.size(), std::size_t {1});
    QVERIFY(!outcome->load.files.front().error.empty());
    QCOMPARE(outcome->load.records(), std::uint64_t {0});
}

void TestAnalysisRunner::restartPublishesOnlyTheLatest()
{
    QTemporaryDir bigDir, smallDir;
    const QString big = writeGenerated(bigDir, 15, 50, 30000);
    const QString small = writeGenerated(smallDir, 15, 5, 2000);
    model::AnalysisRunner runner;
    QSignalSpy finished(&runner, &model::AnalysisRunner::loadFinished);
    runner.startLoad({big});
    runner.startLoad({small}); // replaces the first: its result must never be published
    QVERIFY(finished.wait(60000));
    QTest::qWait(200);
    QCOMPARE(finished.count(), 1);
    QCOMPARE(finished.first().at(0).value<engine::JobStatus>(), engine::JobStatus::Ok);
    QCOMPARE(runner.current()->inputs, QStringList {small});
}

QTEST_GUILESS_MAIN(TestAnalysisRunner)
#include "tst_analysis_runner.moc"
