// SPDX-License-Identifier: MIT
// The records table model over a real load: lazy cells and raw values, sort and filter answered by
// the engine off the GUI thread (the latest request wins), column choice, the TSV and JSON copies
// and the detail text with file and line.
#include <QAbstractItemModelTester>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSignalSpy>
#include <QtTest>

#include "engine/ingest/loader.h"
#include "model/record_table_model.h"
#include "model/record_text.h"

using namespace kvt;
using engine::TextField;
using model::RecordTableModel;

namespace {

const QString kCase = QStringLiteral(KVT_TEST_DATA "/rules/first-hour-join/input.jsonl.gz");

std::shared_ptr<const model::RecordSet> caseRecords()
{
    static const auto set = [] {
        const engine::LoadResult loaded = engine::loadInputs({kCase.toStdString()}, {});
        if (!loaded.dataset || loaded.dataset->empty())
            qFatal("cannot load %s", qPrintable(kCase));
        auto results = std::make_shared<model::RuleResults>();
        results->dataset = loaded.dataset;
        auto records = std::make_shared<model::RecordSet>();
        records->results = results;
        for (std::size_t r = 0; r < loaded.dataset->size(); ++r)
            records->rows.push_back(r);
        return std::shared_ptr<const model::RecordSet>(records);
    }();
    return set;
}

std::vector<std::size_t> modelRows(const RecordTableModel &m)
{
    std::vector<std::size_t> rows;
    for (int r = 0; r < m.rowCount(); ++r)
        rows.push_back(m.index(r, 0).data(RecordTableModel::RecordIndexRole).toULongLong());
    return rows;
}

int columnOf(const RecordTableModel &m, engine::RecordColumn c)
{
    const auto &v = m.visibleColumns();
    return static_cast<int>(std::find(v.begin(), v.end(), c) - v.begin());
}

} // namespace

class TestRecordTableModel : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void showsTheSetAtOnce();
    void cellsAndRawValues();
    void sortAndFilterInTheEngine_data();
    void sortAndFilterInTheEngine();
    void onlyTheLatestAnswerIsShown();
    void aNewSetKeepsFilterAndSort();
    void chosenColumns();
    void columnsCoverEveryField();
    void tsvCopy();
    void tsvKeepsOneLinePerRecord();
    void jsonCopy();
    void detailWithFileAndLine();
};

void TestRecordTableModel::showsTheSetAtOnce()
{
    RecordTableModel m;
    QAbstractItemModelTester tester(&m, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QCOMPARE(m.rowCount(), 0);
    QSignalSpy views(&m, &RecordTableModel::viewChanged);
    m.setRecords(caseRecords());
    // No filter and no sort: nothing for the worker to do, the table is filled synchronously.
    QCOMPARE(views.count(), 1);
    QVERIFY(!m.isBusy());
    QCOMPARE(static_cast<std::size_t>(m.rowCount()), caseRecords()->rows.size());
    QCOMPARE(m.totalCount(), caseRecords()->rows.size());
    QCOMPARE(modelRows(m), caseRecords()->rows);
    m.setRecords(nullptr);
    QCOMPARE(m.rowCount(), 0);
    QCOMPARE(m.totalCount(), std::size_t {0});
}

void TestRecordTableModel::cellsAndRawValues()
{
    RecordTableModel m;
    QAbstractItemModelTester tester(&m, QAbstractItemModelTester::FailureReportingMode::QtTest);
    m.setRecords(caseRecords());
    QCOMPARE(m.headerData(0, Qt::Horizontal).toString(), QStringLiteral("TimeGenerated"));
    QCOMPARE(m.headerData(1, Qt::Horizontal).toString(), QStringLiteral("OperationName"));
    const QModelIndex time = m.index(0, 0);
    QCOMPARE(time.data().toString(), QStringLiteral("2026-11-09T00:00:00.0000000Z"));
    QCOMPARE(time.data(RecordTableModel::RawValueRole).toLongLong(), *engine::parseIsoDateTime("2026-11-09T00:00Z"));
    const QModelIndex ip = m.index(0, columnOf(m, engine::textColumn(TextField::CallerIPAddress)));
    QCOMPARE(ip.data().toString(), QStringLiteral("203.0.113.7"));
    QCOMPARE(ip.data(RecordTableModel::RawValueRole).toString(), QStringLiteral("203.0.113.7"));
    const QModelIndex status = m.index(0, columnOf(m, engine::kHttpStatusColumn));
    QCOMPARE(status.data(RecordTableModel::RawValueRole).toLongLong(), 200);
    QCOMPARE(status.data().toString(), QStringLiteral("200"));
}

void TestRecordTableModel::sortAndFilterInTheEngine_data()
{
    QTest::addColumn<engine::RecordColumn>("column");
    QTest::addColumn<bool>("descending");
    QTest::addColumn<QString>("operation");
    QTest::newRow("ip descending") << engine::textColumn(TextField::CallerIPAddress) << true << QString();
    QTest::newRow("time, SecretList only") << engine::kTimeColumn << false << QStringLiteral("SecretList");
    QTest::newRow("upn descending, SecretGet")
        << engine::textColumn(TextField::ClaimUpn) << true << QStringLiteral("secretget");
}

void TestRecordTableModel::sortAndFilterInTheEngine()
{
    QFETCH(engine::RecordColumn, column);
    QFETCH(bool, descending);
    QFETCH(QString, operation);
    RecordTableModel m;
    QAbstractItemModelTester tester(&m, QAbstractItemModelTester::FailureReportingMode::QtTest);
    m.setRecords(caseRecords());
    engine::RecordFilter filter;
    filter.operation = operation.toStdString();
    m.setFilter(filter);
    m.sort(columnOf(m, column), descending ? Qt::DescendingOrder : Qt::AscendingOrder);
    QTRY_VERIFY(!m.isBusy());
    const engine::Dataset &d = *caseRecords()->results->dataset;
    filter.textColumns = m.visibleColumns();
    const auto expected
        = engine::sortRecords(d, *engine::filterRecords(d, caseRecords()->rows, filter), {column, descending});
    QCOMPARE(modelRows(m), *expected);
    QVERIFY(m.rowCount() > 0);
    QCOMPARE(m.sortOrder(), std::optional(engine::RecordSort {column, descending}));
    if (!operation.isEmpty())
        QVERIFY(static_cast<std::size_t>(m.rowCount()) < m.totalCount());
    m.sort(-1); // back to record order, without the filter's rows coming back
    QTRY_VERIFY(!m.isBusy());
    const auto unsorted = modelRows(m);
    QVERIFY(std::is_sorted(unsorted.begin(), unsorted.end()));
    QCOMPARE(unsorted.size(), expected->size());
}

void TestRecordTableModel::onlyTheLatestAnswerIsShown()
{
    RecordTableModel m;
    QAbstractItemModelTester tester(&m, QAbstractItemModelTester::FailureReportingMode::QtTest);
    m.setRecords(caseRecords());
    QSignalSpy views(&m, &RecordTableModel::viewChanged);
    m.sort(columnOf(m, engine::kTimeColumn), Qt::DescendingOrder);
    m.sort(columnOf(m, engine::textColumn(TextField::OperationName)), Qt::AscendingOrder);
    engine::RecordFilter filter;
    filter.text = "failure"; // ResultType is visible by default
    m.setFilter(filter);
    QTRY_VERIFY(!m.isBusy());
    QCOMPARE(views.count(), 1); // the two overtaken requests published nothing
    const engine::Dataset &d = *caseRecords()->results->dataset;
    filter.textColumns = m.visibleColumns();
    const auto rows = engine::filterRecords(d, caseRecords()->rows, filter);
    QCOMPARE(modelRows(m), *engine::sortRecords(d, *rows, {engine::textColumn(TextField::OperationName), false}));
    for (int r = 0; r < m.rowCount(); ++r)
        QCOMPARE(m.index(r, columnOf(m, engine::textColumn(TextField::ResultType))).data().toString(),
            QStringLiteral("Failure"));
}

void TestRecordTableModel::aNewSetKeepsFilterAndSort()
{
    RecordTableModel m;
    QAbstractItemModelTester tester(&m, QAbstractItemModelTester::FailureReportingMode::QtTest);
    engine::RecordFilter filter;
    filter.operation = "VaultGet";
    m.setFilter(filter);
    m.sort(0, Qt::DescendingOrder);
    QCOMPARE(m.rowCount(), 0);
    auto half = std::make_shared<model::RecordSet>(*caseRecords());
    half->rows.resize(half->rows.size() / 2);
    m.setRecords(half);
    // Until the engine answers, the previous (empty) view stays, with its own dataset: rows and
    // dataset never mismatch.
    QVERIFY(m.isBusy());
    QCOMPARE(m.rowCount(), 0);
    QCOMPARE(m.dataset(), nullptr);
    QTRY_VERIFY(!m.isBusy());
    QCOMPARE(m.dataset(), half->results->dataset.get());
    QVERIFY(m.rowCount() > 0);
    QCOMPARE(m.totalCount(), half->rows.size());
    const auto rows = modelRows(m);
    for (std::size_t i = 1; i < rows.size(); ++i)
        QVERIFY(half->results->dataset->time(rows[i - 1]) >= half->results->dataset->time(rows[i]));
}

void TestRecordTableModel::chosenColumns()
{
    RecordTableModel m;
    QAbstractItemModelTester tester(&m, QAbstractItemModelTester::FailureReportingMode::QtTest);
    m.setRecords(caseRecords());
    engine::RecordFilter filter;
    filter.text = "app/1.0"; // clientInfo_s, visible by default
    m.setFilter(filter);
    QTRY_VERIFY(!m.isBusy());
    const int withClientInfo = m.rowCount();
    QVERIFY(withClientInfo > 0);
    m.setVisibleColumns({engine::kTimeColumn, engine::textColumn(TextField::CorrelationId)});
    QCOMPARE(m.columnCount(), 2);
    QCOMPARE(m.headerData(1, Qt::Horizontal).toString(), QStringLiteral("CorrelationId"));
    // The free text looks in the visible columns only: clientInfo is hidden now.
    QTRY_VERIFY(!m.isBusy());
    QCOMPARE(m.rowCount(), 0);
    QCOMPARE(m.filter().textColumns, m.visibleColumns());
}

void TestRecordTableModel::columnsCoverEveryField()
{
    auto all = RecordTableModel::allColumns();
    std::sort(all.begin(), all.end());
    QCOMPARE(all.size(), engine::kRecordColumnCount);
    for (std::size_t c = 0; c < all.size(); ++c)
        QCOMPARE(all[c], c);
    QCOMPARE(RecordTableModel::columnName(engine::kHttpStatusColumn), QStringLiteral("httpStatusCode_d"));
    QCOMPARE(RecordTableModel::columnName(engine::textColumn(TextField::EcsAgentName)), QStringLiteral("agent.name"));
}

void TestRecordTableModel::tsvCopy()
{
    const engine::Dataset &d = *caseRecords()->results->dataset;
    const QString tsv = model::recordsTsv(d, {1, 0},
        {engine::kTimeColumn, engine::textColumn(TextField::OperationName),
            engine::textColumn(TextField::CallerIPAddress), engine::kDurationColumn, engine::kHttpStatusColumn});
    QCOMPARE(tsv,
        QStringLiteral("TimeGenerated\tOperationName\tCallerIPAddress\tDurationMs\thttpStatusCode_d\n"
                       "2026-11-09T10:00:01.0000000Z\tSecretGet\t203.0.113.7\t5\t200\n"
                       "2026-11-09T00:00:00.0000000Z\tSecretGet\t203.0.113.7\t5\t200\n"));
}

void TestRecordTableModel::tsvKeepsOneLinePerRecord()
{
    engine::Dataset d;
    engine::EventDraft e;
    e[TextField::ResultDescription] = "two\tcells\nand lines\r\n";
    d.append(e, {});
    QCOMPARE(model::recordsTsv(d, {0}, {engine::textColumn(TextField::ResultDescription)}),
        QStringLiteral("ResultDescription\ntwo cells and lines  \n"));
}

void TestRecordTableModel::jsonCopy()
{
    const engine::Dataset &d = *caseRecords()->results->dataset;
    const QString json = model::recordsJson(d, {1, 0});
    QJsonParseError error;
    const QJsonDocument doc = QJsonDocument::fromJson(json.toUtf8(), &error);
    QCOMPARE(error.error, QJsonParseError::NoError);
    const QJsonArray records = doc.array();
    QCOMPARE(records.size(), 2);
    QCOMPARE(records[0][QStringLiteral("TimeGenerated")].toString(), QStringLiteral("2026-11-09T10:00:01.0000000Z"));
    QCOMPARE(records[0][QStringLiteral("CallerIPAddress")].toString(), QStringLiteral("203.0.113.7"));
    QCOMPARE(records[0][QStringLiteral("httpStatusCode_d")].toInt(), 200);
    QCOMPARE(records[0][QStringLiteral("source")][QStringLiteral("line")].toInt(), 2);
    QCOMPARE(records[1][QStringLiteral("source")][QStringLiteral("line")].toInt(), 1);
    QCOMPARE(records[1][QStringLiteral("source")][QStringLiteral("file")].toString(), kCase);
    QCOMPARE(model::recordsJson(d, {}), QStringLiteral("[\n]\n"));
}

void TestRecordTableModel::detailWithFileAndLine()
{
    const engine::Dataset &d = *caseRecords()->results->dataset;
    const model::RecordDetailText detail = model::recordDetailText(d, 1);
    QCOMPARE(detail.source, kCase + QStringLiteral(", line 2"));
    QVERIFY2(detail.text.startsWith(QStringLiteral("{\n  \"time\": \"2026-11-09T10:00:01.0000000Z\",\n")),
        qPrintable(detail.text));
    QVERIFY(detail.text.contains(QStringLiteral("\n  \"properties\": {\n    \"clientInfo\": \"app/1.0\"")));
}

QTEST_GUILESS_MAIN(TestRecordTableModel)
#include "tst_record_table_model.moc"
