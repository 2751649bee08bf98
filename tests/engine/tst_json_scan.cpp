// SPDX-License-Identifier: MIT
// The structural JSON scan that splits documents of any size into records, and the string pool
// every column interns into.
#include <QtTest>

#include "engine/ingest/json_scan.h"
#include "engine/store/string_pool.h"

using namespace kvt::engine;

class TestJsonScan : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void skipValue_data();
    void skipValue();
    void objectKeys_data();
    void objectKeys();
    void arrays_data();
    void arrays();
    void cancel();
    void stringPool_data();
    void stringPool();
    void stringPoolGrows();
};

void TestJsonScan::skipValue_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<int>("end"); // -1: the text ends inside the value
    QTest::newRow("object") << R"({"a":1} ,)" << 7;
    QTest::newRow("nested") << R"({"a":[1,{"b":[]}]}x)" << 18;
    QTest::newRow("brackets inside strings") << R"({"a":"}]{["}, 2)" << 12;
    QTest::newRow("escaped quote") << R"({"a":"x\"}"})" << 12;
    QTest::newRow("escaped backslash before the quote") << R"({"a":"x\\"},)" << 11;
    QTest::newRow("string") << R"("ab\"c" ,)" << 7;
    QTest::newRow("number") << "123.5e3,4" << 7;
    QTest::newRow("literal then bracket") << "true]" << 4;
    QTest::newRow("long string, eight bytes at a time") << R"(["0123456789abcdef0123456789\"abcdef"])" << 38;
    QTest::newRow("cut short in an object") << R"({"a":[1,2)" << -1;
    QTest::newRow("cut short in a string") << R"({"a":"abc)" << -1;
    QTest::newRow("cut short after a backslash") << "[\"abc\\" << -1;
}

void TestJsonScan::skipValue()
{
    QFETCH(QString, text);
    QFETCH(int, end);
    const std::string s = text.toStdString();
    const std::size_t got = skipJsonValue(s, 0);
    QCOMPARE(got == std::string_view::npos ? -1 : static_cast<int>(got), end);
}

void TestJsonScan::objectKeys_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QStringList>("keys");
    QTest::newRow("API response") << R"({"tables":[{"name":"PrimaryResult","rows":[["a"]]}],"x":{}})"
                                  << QStringList {"tables", "x"};
    QTest::newRow("pretty") << "{\n  \"records\": [\n    {\"time\": \"t\"}\n  ]\n}" << QStringList {"records"};
    QTest::newRow("cut short: names before the cut")
        << R"({"columns":[{"name":"a"}],"values":[["x"],["y)" << QStringList {"columns", "values"};
    QTest::newRow("not an object") << "[1]" << QStringList {};
    QTest::newRow("empty object") << "{}" << QStringList {};
}

void TestJsonScan::objectKeys()
{
    QFETCH(QString, text);
    QFETCH(QStringList, keys);
    QStringList got;
    for (const auto &k : jsonObjectKeys(text.toStdString(), 0))
        got << QString::fromStdString(k);
    QCOMPARE(got, keys);
}

void TestJsonScan::arrays_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QStringList>("path");
    QTest::addColumn<QStringList>("elements");
    QTest::addColumn<QString>("problem"); // a fragment of the message; empty = none
    QTest::addColumn<int>("problemAt");
    QTest::newRow("top-level array") << "[{\"a\":1}, {\"a\":\"]\"} ,{}]" << QStringList {}
                                     << QStringList {R"({"a":1})", R"({"a":"]"})", "{}"} << "" << -1;
    QTest::newRow("empty array") << "[ ]" << QStringList {} << QStringList {} << "" << -1;
    QTest::newRow("records envelope, other members around")
        << R"({"x":[1,{"records":0}],"records":[{"t":1},{"t":2}],"y":"}"})" << QStringList {"records"}
        << QStringList {R"({"t":1})", R"({"t":2})"} << "" << -1;
    QTest::newRow("envelopes one per line")
        << "{\"records\":[{\"t\":1}]}\n{\"records\":[{\"t\":2},{\"t\":3}]}\n"
        << QStringList {"records"} << QStringList {R"({"t":1})", R"({"t":2})", R"({"t":3})"} << "" << -1;
    QTest::newRow("search hits") << R"({"took":3,"hits":{"total":{"value":2},"hits":[{"_source":{}},{"_id":"b"}]}})"
                                 << QStringList {"hits", "hits"} << QStringList {R"({"_source":{}})", R"({"_id":"b"})"}
                                 << "" << -1;
    QTest::newRow("cut short inside a record") << R"([{"a":1},{"a":2},{"a":)" << QStringList {}
                                               << QStringList {R"({"a":1})", R"({"a":2})"} << "cut short" << 17;
    QTest::newRow("cut short after a record")
        << R"([{"a":1},)" << QStringList {} << QStringList {R"({"a":1})"} << "cut short" << 9;
    QTest::newRow("missing comma") << R"([{"a":1} {"a":2}])" << QStringList {} << QStringList {R"({"a":1})"}
                                   << "expected ','" << 9;
    QTest::newRow("no such member") << R"({"rows":[]})" << QStringList {"records"} << QStringList {} << "\"records\""
                                    << 10;
    QTest::newRow("not an array") << R"({"records":{}})" << QStringList {"records"} << QStringList {}
                                  << "array of records" << 11;
    QTest::newRow("BOM") << "\xEF\xBB\xBF[1,2]" << QStringList {} << QStringList {"1", "2"} << "" << -1;
}

void TestJsonScan::arrays()
{
    QFETCH(QString, text);
    QFETCH(QStringList, path);
    QFETCH(QStringList, elements);
    QFETCH(QString, problem);
    QFETCH(int, problemAt);
    const std::string s = text.toStdString();
    std::vector<std::string> names;
    for (const auto &p : path)
        names.push_back(p.toStdString());
    const ArrayScan scan = scanJsonArrays(s, std::vector<std::string_view>(names.begin(), names.end()));
    QStringList got;
    for (const auto &r : scan.elements)
        got << QString::fromStdString(s.substr(r.begin, r.end - r.begin));
    QCOMPARE(got, elements);
    QVERIFY2(QString::fromStdString(scan.problem).contains(problem), scan.problem.c_str());
    QCOMPARE(problem.isEmpty(), scan.problem.empty());
    if (problemAt >= 0)
        QCOMPARE(static_cast<int>(scan.problemAt), problemAt);
    QVERIFY(!scan.cancelled);
}

void TestJsonScan::cancel()
{
    std::string big = "[";
    for (int i = 0; i < 200000; ++i)
        big += R"({"time":"2026-11-02T00:00:00Z","operationName":"SecretGet"},)";
    big += "{}]";
    int calls = 0;
    const ArrayScan scan = scanJsonArrays(big, {}, [&](std::size_t) { return ++calls < 1; });
    QVERIFY(scan.cancelled);
    QCOMPARE(calls, 1);
    QVERIFY(scan.elements.size() < 200000);
}

void TestJsonScan::stringPool_data()
{
    QTest::addColumn<QStringList>("inserts");
    QTest::addColumn<QList<int>>("ids");
    QTest::newRow("empty is id 0") << QStringList {"", "a", ""} << QList<int> {0, 1, 0};
    QTest::newRow("repeats get their first id")
        << QStringList {"a", "b", "a", "a", "b", "c"} << QList<int> {1, 2, 1, 1, 2, 3};
    QTest::newRow("case matters") << QStringList {"SecretGet", "secretget"} << QList<int> {1, 2};
    QTest::newRow("prefixes are distinct") << QStringList {"abcdefgh", "abcdefghi", "abcdefgh"} << QList<int> {1, 2, 1};
}

void TestJsonScan::stringPool()
{
    QFETCH(QStringList, inserts);
    QFETCH(QList<int>, ids);
    StringPool pool;
    std::vector<std::string> texts;
    for (const auto &s : inserts)
        texts.push_back(s.toStdString());
    for (qsizetype i = 0; i < inserts.size(); ++i)
        QCOMPARE(static_cast<int>(pool.intern(texts[static_cast<std::size_t>(i)])), ids[i]);
    for (qsizetype i = 0; i < inserts.size(); ++i) {
        QCOMPARE(pool.view(static_cast<StringId>(ids[i])), std::string_view(texts[static_cast<std::size_t>(i)]));
        QCOMPARE(static_cast<int>(pool.find(texts[static_cast<std::size_t>(i)])), ids[i]);
    }
    QCOMPARE(pool.find("never interned"), StringPool::kMissing);
}

// Many distinct values (GUIDs, correlation ids): the table grows and every value keeps its id
// and text; values longer than a storage block are kept too.
void TestJsonScan::stringPoolGrows()
{
    StringPool pool;
    const std::string huge(200000, 'x');
    for (int i = 0; i < 100000; ++i)
        QCOMPARE(pool.intern("value-" + std::to_string(i)), static_cast<StringId>(i + 1));
    QCOMPARE(pool.intern(huge), StringId {100001});
    for (int i = 0; i < 100000; i += 7) {
        QCOMPARE(pool.find("value-" + std::to_string(i)), static_cast<StringId>(i + 1));
        QCOMPARE(pool.view(static_cast<StringId>(i + 1)), std::string_view("value-" + std::to_string(i)));
    }
    QCOMPARE(pool.view(100001), std::string_view(huge));
    StringPool moved = std::move(pool);
    QCOMPARE(moved.find("value-99999"), StringId {100000});
}

QTEST_APPLESS_MAIN(TestJsonScan)
#include "tst_json_scan.moc"
