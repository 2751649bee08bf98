// SPDX-License-Identifier: MIT
// Bad input in the export formats: a clear message with its code, severity, line, column and byte,
// every readable record still loaded, records + rejected accounting for every input record.
#include <QtTest>

#include "engine/generate/export_writers.h"
#include "engine/generate/output_file.h"
#include "engine/ingest/input_format.h"
#include "engine/ingest/loader.h"
#include "engine/report/issue_text.h"

using namespace kvt::engine;

namespace {

std::string exportText(const char *format, int count)
{
    GeneratorOptions o;
    o.days = 1;
    o.keys = 5;
    o.records = static_cast<std::uint64_t>(count);
    o.scenario = "quiet";
    auto w = makeExportWriter(format);
    std::string text;
    w->begin(text);
    int written = 0;
    generateAuditEvents(o, [&](std::vector<OwnedEvent> &day) {
        for (const auto &e : day)
            if (written++ < count)
                w->write(e, text);
        return true;
    });
    w->end(text);
    return text;
}

// Replaces the @p n-th line (1-based) of @p text.
std::string replaceLine(const std::string &text, int n, const std::string &line)
{
    std::size_t start = 0;
    for (int i = 1; i < n; ++i)
        start = text.find('\n', start) + 1;
    const std::size_t end = text.find('\n', start);
    return text.substr(0, start) + line + text.substr(end);
}

// @p text with its first @p from replaced by @p to.
std::string replaceFirst(std::string text, const std::string &from, const std::string &to)
{
    const std::size_t at = text.find(from);
    return at == std::string::npos ? std::string {} : text.replace(at, from.size(), to);
}

// Line and column (1-based) of byte @p offset of @p text: what an issue's byte must agree with.
std::pair<std::uint64_t, std::uint64_t> lineAndColumn(const QByteArray &text, std::uint64_t offset)
{
    const QByteArray before = text.left(qsizetype(offset));
    return {std::uint64_t(before.count('\n')) + 1, std::uint64_t(before.size() - before.lastIndexOf('\n'))};
}

} // namespace

class TestExportBadInput : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void badInput_data();
    void badInput();
};

void TestExportBadInput::badInput_data()
{
    QTest::addColumn<QByteArray>("content");
    QTest::addColumn<int>("records");
    QTest::addColumn<int>("rejected");
    QTest::addColumn<int>("line"); // line of the first issue (0: not checked)
    QTest::addColumn<QString>("message");
    QTest::addColumn<QString>("code"); // issueCodeName of the first issue (or of the file's error)
    QTest::addColumn<QString>("severity");
    QTest::addColumn<bool>("inFile"); // the problem is the file's error, not an issue
    QTest::addColumn<QString>("forced"); // --input-format; empty = sniffed

    const std::string ndjson = exportText("elastic-ndjson", 20);
    QTest::newRow("Elastic NDJSON: corrupt line 5")
        << QByteArray::fromStdString(replaceLine(ndjson, 5, "{\"_source\": {\"@timestamp\": ")) << 19 << 1 << 5
        << "invalid JSON" << QString("invalid-json") << QString("error") << false << QString();
    const std::string rows = exportText("log-analytics-json", 20);
    QTest::newRow("LA rows: bad time on line 3")
        << QByteArray::fromStdString(
               replaceLine(rows, 3, R"({"TimeGenerated":"yesterday","OperationName":"SecretGet"})"))
        << 19 << 1 << 3 << "is not a date-time" << QString("bad-time") << QString("error") << false << QString();
    const std::string csv = exportText("csv", 20);
    QTest::newRow("CSV: a row with too few fields")
        << QByteArray::fromStdString(replaceLine(csv, 4, "\"11/22/2026, 1:00:00.000 AM\",x\r")) << 19 << 1 << 4
        << "expected 29 fields" << QString("csv-field-count") << QString("error") << false << QString();
    QTest::newRow("CSV: file ends inside quotes")
        << QByteArray::fromStdString(csv + "\"11/22/2026, 1:00") << 20 << 1 << 22 << "unterminated"
        << QString("unterminated-quote") << QString("error") << false << QString();
    const std::string api = exportText("log-analytics-api", 20);
    QTest::newRow("LA API: truncated response")
        << QByteArray::fromStdString(api.substr(0, api.size() * 7 / 10)) << -1 << 1 << 0 << "invalid JSON"
        << QString("document-cut-short") << QString("error") << false << QString();
    const std::string cli = exportText("az-cli-json", 20);
    QTest::newRow("az CLI: a non-object element")
        << QByteArray::fromStdString(cli.substr(0, cli.rfind(']')) + ",\n  42\n]\n") << 20 << 1 << 0
        << "expected a JSON object" << QString("not-an-object") << QString("error") << false << QString();
    QTest::newRow("az CLI: cut short mid-record")
        << QByteArray::fromStdString(cli.substr(0, cli.size() / 2)) << -1 << 1 << 0 << "cut short"
        << QString("document-cut-short") << QString("error") << false << QString();
    std::string quotedLines = "TimeGenerated,OperationName,ResultDescription,CallerIPAddress\n";
    for (int i = 0; i < 300; ++i)
        quotedLines += "2026-11-02T00:00:" + std::to_string(10 + i % 50)
            + "Z,SecretGet,\"first line\nsecond, \"\"quoted\"\"\n\",10.0.0." + std::to_string(i % 200) + "\n";
    QTest::newRow("CSV: line breaks inside quoted cells") << QByteArray::fromStdString(quotedLines) << 300 << 0 << 0
                                                          << "" << QString("") << QString("") << false << QString();
    std::string manyLines;
    for (int i = 0; i < 40; ++i)
        manyLines += exportText("azure-diagnostics-json", 20);
    QTest::newRow("JSON Lines: corrupt line 437 of 800")
        << QByteArray::fromStdString(replaceLine(manyLines, 437, "{\"time\": tru")) << 799 << 1 << 437 << "invalid JSON"
        << QString("invalid-json") << QString("error") << false << QString();
    QTest::newRow("JSON object of another kind")
        << QByteArray("{\"hello\": \"world\"}\n") << 0 << 0 << 0 << "not a recognised" << QString("unrecognised-format")
        << QString("error") << true << QString();
    QTest::newRow("CSV without the columns we know")
        << QByteArray("a,b,c\n1,2,3\n") << 0 << 0 << 0 << "--columns" << QString("unrecognised-format")
        << QString("error") << true << QString();
    QTest::newRow("LA API: a row that is not an array")
        << QByteArray::fromStdString(replaceFirst(api, "\"rows\":[[", "\"rows\":[5,[")) << 20 << 1 << 1
        << "expected a row" << QString("not-a-row") << QString("error") << false << QString();
    QTest::newRow("az CLI: no comma between two records")
        << QByteArray::fromStdString(replaceFirst(cli, "},\n", "}\n")) << 1 << 1 << 3 << "expected ',' or ']'"
        << QString("unexpected-structure") << QString("error") << false << QString();
    QTest::newRow("CSV: the header's quote never closes")
        << QByteArray("\"TimeGenerated,OperationName\n2026-11-02T00:00:00Z,SecretGet\n") << 0 << 1 << 1
        << "unterminated quote" << QString("header-unterminated-quote") << QString("error") << false << QString("csv");
    QTest::newRow("CSV: header-less without column names")
        << QByteArray::fromStdString(csv.substr(csv.find('\n') + 1)) << 0 << 0 << 0 << "--columns"
        << QString("csv-columns-needed") << QString("error") << true << QString("csv-headerless");
    QTest::newRow("CSV: local time without an offset is a note")
        << QByteArray(
               "TimeGenerated [Local Time],OperationName,CallerIPAddress\n2026-11-02 10:00,SecretGet,192.0.2.1\n")
        << 1 << 0 << 1 << "holds local time" << QString("local-time-as-utc") << QString("note") << false << QString();
}

void TestExportBadInput::badInput()
{
    QFETCH(QByteArray, content);
    QFETCH(int, records);
    QFETCH(int, rejected);
    QFETCH(int, line);
    QFETCH(QString, message);
    QFETCH(QString, code);
    QFETCH(QString, severity);
    QFETCH(bool, inFile);
    QFETCH(QString, forced);
    QTemporaryDir dir;
    const std::string path = dir.filePath(QStringLiteral("input")).toStdString();
    std::string error;
    auto out = OutputFile::open(path, error);
    QVERIFY(out && out->write(content.toStdString()) && out->close(error));
    LoadOptions options;
    if (!forced.isEmpty())
        options.forcedFormat = formatByName(forced.toStdString());
    LoadOptions threaded = options;
    threaded.threads = 3;
    threaded.minPartBytes = 4096; // the big-file path, cut into three parts
    const LoadResult load = loadInputs({path}, options);
    const LoadResult split = loadInputs({path}, threaded);
    QCOMPARE(load.status, JobStatus::Ok);
    const FileReport &f = load.files.front();
    // Threads read exactly what one thread reads: counts, messages and every record.
    const FileReport &g = split.files.front();
    QCOMPARE(g.records, f.records);
    QCOMPARE(g.rejected, f.rejected);
    QCOMPARE(g.issues.size(), f.issues.size());
    for (std::size_t i = 0; i < f.issues.size(); ++i) {
        QCOMPARE(g.issues[i].line, f.issues[i].line);
        QCOMPARE(g.issues[i].column, f.issues[i].column);
        QCOMPARE(g.issues[i].message, f.issues[i].message);
        QCOMPARE(g.issues[i].byte, f.issues[i].byte);
        QCOMPARE(g.issues[i].code, f.issues[i].code);
    }
    if (load.dataset) {
        QCOMPARE(split.dataset->size(), load.dataset->size());
        for (std::size_t r = 0; r < load.dataset->size(); ++r) {
            QCOMPARE(split.dataset->rawText(r), load.dataset->rawText(r));
            QCOMPARE(split.dataset->time(r), load.dataset->time(r));
            for (std::size_t k = 0; k < kTextFieldCount; ++k)
                QCOMPARE(split.dataset->text(TextField(k), r), load.dataset->text(TextField(k), r));
        }
    }
    if (records >= 0)
        QCOMPARE(int(f.records), records);
    else
        QVERIFY(f.records > 0); // a truncated document: the rows before the cut still load
    QCOMPARE(int(f.rejected), rejected);
    if (inFile) {
        QVERIFY2(QString::fromStdString(f.error).contains(message), f.error.c_str());
        QVERIFY(f.errorCode);
        QCOMPARE(QString::fromUtf8(issueCodeName(*f.errorCode)), code);
        QCOMPARE(QString::fromUtf8(severityName(severityOf(*f.errorCode))), severity);
    } else if (!code.isEmpty()) {
        QVERIFY(!f.issues.empty());
        const Issue &issue = f.issues.front();
        QVERIFY2(QString::fromStdString(issue.message).contains(message), issue.message.c_str());
        QCOMPARE(QString::fromUtf8(issueCodeName(issue.code)), code);
        QCOMPARE(QString::fromUtf8(severityName(issue.severity)), severity);
        QVERIFY(issue.column >= 1);
        if (line > 0)
            QCOMPARE(int(issue.line), line);
        const auto [atLine, atColumn] = lineAndColumn(content, issue.byte);
        QCOMPARE(atLine, issue.line);
        QCOMPARE(atColumn, issue.column);
        QVERIFY(!f.errorCode);
    } else {
        QVERIFY(f.issues.empty());
        QVERIFY(!f.errorCode);
    }
}

QTEST_APPLESS_MAIN(TestExportBadInput)
#include "tst_export_bad_input.moc"
