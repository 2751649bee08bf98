// SPDX-License-Identifier: MIT
// Bad input in the export formats: a clear message with line and column, every readable record
// still loaded, records + rejected accounting for every input record.
#include <QtTest>

#include "engine/generate/export_writers.h"
#include "engine/generate/output_file.h"
#include "engine/ingest/loader.h"

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

    const std::string ndjson = exportText("elastic-ndjson", 20);
    QTest::newRow("Elastic NDJSON: corrupt line 5")
        << QByteArray::fromStdString(replaceLine(ndjson, 5, "{\"_source\": {\"@timestamp\": ")) << 19 << 1 << 5
        << "invalid JSON";
    const std::string rows = exportText("log-analytics-json", 20);
    QTest::newRow("LA rows: bad time on line 3") << QByteArray::fromStdString(
        replaceLine(rows, 3, R"({"TimeGenerated":"yesterday","OperationName":"SecretGet"})"))
                                                 << 19 << 1 << 3 << "is not a date-time";
    const std::string csv = exportText("csv", 20);
    QTest::newRow("CSV: a row with too few fields")
        << QByteArray::fromStdString(replaceLine(csv, 4, "\"11/22/2026, 1:00:00.000 AM\",x\r")) << 19 << 1 << 4
        << "expected 29 fields";
    QTest::newRow("CSV: file ends inside quotes")
        << QByteArray::fromStdString(csv + "\"11/22/2026, 1:00") << 20 << 1 << 22 << "unterminated";
    const std::string api = exportText("log-analytics-api", 20);
    QTest::newRow("LA API: truncated response")
        << QByteArray::fromStdString(api.substr(0, api.size() * 7 / 10)) << -1 << 1 << 0 << "invalid JSON";
    const std::string cli = exportText("az-cli-json", 20);
    QTest::newRow("az CLI: a non-object element")
        << QByteArray::fromStdString(cli.substr(0, cli.rfind(']')) + ",\n  42\n]\n") << 20 << 1 << 0
        << "expected a JSON object";
    QTest::newRow("az CLI: cut short mid-record")
        << QByteArray::fromStdString(cli.substr(0, cli.size() / 2)) << -1 << 1 << 0 << "cut short";
    std::string quotedLines = "TimeGenerated,OperationName,ResultDescription,CallerIPAddress\n";
    for (int i = 0; i < 300; ++i)
        quotedLines += "2026-11-02T00:00:" + std::to_string(10 + i % 50)
            + "Z,SecretGet,\"first line\nsecond, \"\"quoted\"\"\n\",10.0.0." + std::to_string(i % 200) + "\n";
    QTest::newRow("CSV: line breaks inside quoted cells")
        << QByteArray::fromStdString(quotedLines) << 300 << 0 << 0 << "";
    std::string manyLines;
    for (int i = 0; i < 40; ++i)
        manyLines += exportText("azure-diagnostics-json", 20);
    QTest::newRow("JSON Lines: corrupt line 437 of 800")
        << QByteArray::fromStdString(replaceLine(manyLines, 437, "{\"time\": tru")) << 799 << 1 << 437
        << "invalid JSON";
    QTest::newRow("JSON object of another kind")
        << QByteArray("{\"hello\": \"world\"}\n") << 0 << 0 << 0 << "not a recognised";
    QTest::newRow("CSV without the columns we know") << QByteArray("a,b,c\n1,2,3\n") << 0 << 0 << 0 << "--columns";
}

void TestExportBadInput::badInput()
{
    QFETCH(QByteArray, content);
    QFETCH(int, records);
    QFETCH(int, rejected);
    QFETCH(int, line);
    QFETCH(QString, message);
    QTemporaryDir dir;
    const std::string path = dir.filePath(QStringLiteral("input")).toStdString();
    std::string error;
    auto out = OutputFile::open(path, error);
    QVERIFY(out && out->write(content.toStdString()) && out->close(error));
    LoadOptions threaded;
    threaded.threads = 3;
    threaded.minPartBytes = 4096; // the big-file path, cut into three parts
    const LoadResult load = loadInputs({path}, {});
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
    if (rejected > 0) {
        QVERIFY(!f.issues.empty());
        QVERIFY2(QString::fromStdString(f.issues.front().message).contains(message), f.issues.front().message.c_str());
        QVERIFY(f.issues.front().column >= 1);
        if (line > 0)
            QCOMPARE(int(f.issues.front().line), line);
    } else if (!message.isEmpty()) {
        QVERIFY2(QString::fromStdString(f.error).contains(message), f.error.c_str());
    }
}

QTEST_APPLESS_MAIN(TestExportBadInput)
#include "tst_export_bad_input.moc"
