// SPDX-License-Identifier: MIT
// The records table's engine half: sorts (addresses as addresses, numbers as numbers, stable in both
// directions, on rows of any order and on columns with more values than rows), the quick filter's
// parts alone and combined, and cancellation.
#include <QtTest>

#include <algorithm>
#include <random>

#include "engine/rules/record_view.h"

using namespace kvt::engine;

namespace {

struct Row {
    const char *time;
    const char *op;
    const char *ip;
    const char *result;
    const char *signature;
    const char *upn;
    std::int64_t durationMs;
    std::int32_t status;
};

// Record i is kRows[i]. Ties on purpose: 0/3 share an operation, 2/5 a time, 1/4 a duration.
const Row kRows[] = {
    {"2026-11-22T00:10:00Z", "SecretGet", "10.0.0.10", "Success", "OK", "alice@contoso.com", 5, 200},
    {"2026-11-22T00:05:00Z", "VaultGet", "10.0.0.9", "Success", "OK", "", 12, 200},
    {"2026-11-22T01:00:00Z", "SecretList", "2001:db8::1", "Failure", "Forbidden", "Bob@Contoso.com",
        Dataset::kNoDuration, 403},
    {"2026-11-21T23:59:59Z", "SecretGet", "<Redacted>", "Success", "OK", "carol@fabrikam.com", 100, -1},
    {"2026-11-22T02:00:00Z", "KeySign", "10.0.0.9:5000", "Failure", "Unauthorized", "", 12, 401},
    {"2026-11-22T01:00:00Z", "SecretGet", "192.168.1.1", "Success", "OK", "alice@contoso.com", 7, 200},
    {"2026-11-22T03:00:00Z", "SecretGet", "", "Success", "OK", "dave@contoso.com", 9, 200},
};
constexpr std::size_t kCount = std::size(kRows);

std::shared_ptr<const Dataset> dataset()
{
    static const auto data = [] {
        auto d = std::make_shared<Dataset>();
        for (const Row &r : kRows) {
            EventDraft e;
            e.time = *parseIsoDateTime(r.time);
            e[TextField::OperationName] = r.op;
            e[TextField::CallerIPAddress] = r.ip;
            e[TextField::ResultType] = r.result;
            e[TextField::ResultSignature] = r.signature;
            e[TextField::ClaimUpn] = r.upn;
            e.durationMs = r.durationMs;
            e.httpStatusCode = r.status;
            d->append(e, {});
        }
        return std::shared_ptr<const Dataset>(d);
    }();
    return data;
}

std::vector<std::size_t> allRows()
{
    std::vector<std::size_t> rows(kCount);
    for (std::size_t i = 0; i < kCount; ++i)
        rows[i] = i;
    return rows;
}

using Rows = std::vector<std::size_t>;

} // namespace

Q_DECLARE_METATYPE(Rows)
Q_DECLARE_METATYPE(kvt::engine::RecordFilter)

class TestRecordView : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void sort_data();
    void sort();
    void sortKeepsInputOrderOnTies();
    void sortOfManyDistinctValuesMatchesTextOrder();
    void filter_data();
    void filter();
    void cellText();
    void cancelled();
};

void TestRecordView::sort_data()
{
    QTest::addColumn<RecordColumn>("column");
    QTest::addColumn<bool>("descending");
    QTest::addColumn<Rows>("expected");
    // Addresses numerically (10.0.0.9 < 10.0.0.10), a port after the bare address, IPv4 before
    // IPv6, then what is no address ("" before "<Redacted>") as text.
    QTest::newRow("ip ascending") << textColumn(TextField::CallerIPAddress) << false << Rows {1, 4, 0, 5, 2, 6, 3};
    QTest::newRow("ip descending") << textColumn(TextField::CallerIPAddress) << true << Rows {3, 6, 2, 5, 0, 4, 1};
    QTest::newRow("time ascending, tie 2/5 in input order") << kTimeColumn << false << Rows {3, 1, 0, 2, 5, 4, 6};
    QTest::newRow("time descending, tie 2/5 in input order") << kTimeColumn << true << Rows {6, 4, 2, 5, 0, 1, 3};
    // Numbers as numbers (100 after 12, not before); absent first.
    QTest::newRow("duration") << kDurationColumn << false << Rows {2, 0, 5, 6, 1, 4, 3};
    QTest::newRow("http status") << kHttpStatusColumn << false << Rows {3, 0, 1, 5, 6, 4, 2};
    // Text bytewise: "" first, then uppercase before lowercase.
    QTest::newRow("upn") << textColumn(TextField::ClaimUpn) << false << Rows {1, 4, 2, 0, 5, 3, 6};
    QTest::newRow("operation descending") << textColumn(TextField::OperationName) << true << Rows {1, 2, 0, 3, 5, 6, 4};
    QTest::newRow("a column no record has") << textColumn(TextField::EcsAgentName) << true << allRows();
}

void TestRecordView::sort()
{
    QFETCH(RecordColumn, column);
    QFETCH(bool, descending);
    QFETCH(Rows, expected);
    const auto sorted = sortRecords(*dataset(), allRows(), {column, descending});
    QVERIFY(sorted);
    QCOMPARE(*sorted, expected);
}

void TestRecordView::sortKeepsInputOrderOnTies()
{
    // The input order, not the record index, breaks ties: a view sorted by one column and then by
    // another keeps the first order within equal keys, as a stable sort must.
    const Rows input {6, 5, 3, 0, 1};
    const RecordColumn result = textColumn(TextField::ResultType);
    QCOMPARE(*sortRecords(*dataset(), input, {result, false}), (Rows {6, 5, 3, 0, 1}));
    const Rows byOperation = *sortRecords(*dataset(), input, {textColumn(TextField::OperationName), false});
    QCOMPARE(byOperation, (Rows {6, 5, 3, 0, 1})); // all SecretGet but 1 (VaultGet)
    QCOMPARE(*sortRecords(*dataset(), Rows {4, 2, 1}, {result, true}), (Rows {1, 4, 2}));
}

void TestRecordView::sortOfManyDistinctValuesMatchesTextOrder()
{
    // A column with far more distinct values than the rows sorted takes the binary-search path; a
    // full sort takes the table path. Both must give std::stable_sort's order on the text.
    auto d = std::make_shared<Dataset>();
    std::mt19937 random(12);
    std::vector<std::string> ids;
    for (int i = 0; i < 20000; ++i)
        ids.push_back(std::to_string(random() % 5000) + "-id");
    for (const auto &id : ids) {
        EventDraft e;
        e[TextField::CorrelationId] = id;
        d->append(e, {});
    }
    for (const std::size_t n : {std::size_t {40}, ids.size()}) {
        Rows rows;
        for (std::size_t i = 0; i < ids.size() && rows.size() < n; i += ids.size() / n)
            rows.push_back(i);
        std::reverse(rows.begin(), rows.end()); // any input order
        Rows expected = rows;
        std::stable_sort(
            expected.begin(), expected.end(), [&](std::size_t a, std::size_t b) { return ids[a] > ids[b]; });
        QCOMPARE(*sortRecords(*d, rows, {textColumn(TextField::CorrelationId), true}), expected);
    }
}

void TestRecordView::filter_data()
{
    QTest::addColumn<RecordFilter>("filter");
    QTest::addColumn<Rows>("expected");
    const std::vector<RecordColumn> visible {
        kTimeColumn, textColumn(TextField::OperationName), textColumn(TextField::ClaimUpn), kHttpStatusColumn};
    const auto f = [&](auto set) {
        RecordFilter filter;
        filter.textColumns = visible;
        set(filter);
        return filter;
    };
    QTest::newRow("none") << f([](RecordFilter &) {}) << allRows();
    QTest::newRow("text, any case") << f([](RecordFilter &x) { x.text = "CONTOSO"; }) << Rows {0, 2, 5, 6};
    QTest::newRow("text in a formatted time") << f([](RecordFilter &x) { x.text = "T01:00"; }) << Rows {2, 5};
    QTest::newRow("text in a number") << f([](RecordFilter &x) { x.text = "40"; }) << Rows {2, 4};
    // Text only in hidden columns: the result is not visible, so it does not match.
    QTest::newRow("text not in a visible column") << f([](RecordFilter &x) { x.text = "forbidden"; }) << Rows {};
    QTest::newRow("key exact, not a prefix") << f([](RecordFilter &x) { x.key = "10.0.0.9"; }) << Rows {1};
    QTest::newRow("operation, any case") << f([](RecordFilter &x) { x.operation = "secretget"; }) << Rows {0, 3, 5, 6};
    QTest::newRow("result by ResultType") << f([](RecordFilter &x) { x.result = "Failure"; }) << Rows {2, 4};
    QTest::newRow("result by ResultSignature") << f([](RecordFilter &x) { x.result = "unauthorized"; }) << Rows {4};
    QTest::newRow("time range [from, to)") << f([](RecordFilter &x) {
        x.from = parseIsoDateTime("2026-11-22T00:10Z");
        x.to = parseIsoDateTime("2026-11-22T02:00Z");
    }) << Rows {0, 2, 5};
    QTest::newRow("combined") << f([](RecordFilter &x) {
        x.text = "alice";
        x.operation = "SecretGet";
        x.result = "OK";
        x.from = parseIsoDateTime("2026-11-22T00:30Z");
    }) << Rows {5};
    QTest::newRow("resource key field") << f([](RecordFilter &x) {
        x.keyField = TextField::Resource;
        x.key = "10.0.0.9";
    }) << Rows {};
}

void TestRecordView::filter()
{
    QFETCH(RecordFilter, filter);
    QFETCH(Rows, expected);
    const auto rows = filterRecords(*dataset(), allRows(), filter);
    QVERIFY(rows);
    QCOMPARE(*rows, expected);
    // The filter keeps the order it is given.
    Rows reversed = allRows();
    std::reverse(reversed.begin(), reversed.end());
    Rows expectedReversed = expected;
    std::reverse(expectedReversed.begin(), expectedReversed.end());
    QCOMPARE(*filterRecords(*dataset(), reversed, filter), expectedReversed);
}

void TestRecordView::cellText()
{
    const Dataset &d = *dataset();
    QCOMPARE(recordCellText(d, 0, kTimeColumn), std::string("2026-11-22T00:10:00.0000000Z"));
    QCOMPARE(recordCellText(d, 0, kDurationColumn), std::string("5"));
    QCOMPARE(recordCellText(d, 2, kDurationColumn), std::string());
    QCOMPARE(recordCellText(d, 3, kHttpStatusColumn), std::string());
    QCOMPARE(recordCellText(d, 4, textColumn(TextField::CallerIPAddress)), std::string("10.0.0.9:5000"));
}

void TestRecordView::cancelled()
{
    const std::atomic<bool> stop {true};
    QVERIFY(!sortRecords(*dataset(), allRows(), {kTimeColumn, false}, &stop));
    QVERIFY(!filterRecords(*dataset(), allRows(), RecordFilter {}, &stop));
    const std::atomic<bool> go {false};
    QVERIFY(sortRecords(*dataset(), allRows(), {kTimeColumn, false}, &go));
}

QTEST_APPLESS_MAIN(TestRecordView)
#include "tst_record_view.moc"
