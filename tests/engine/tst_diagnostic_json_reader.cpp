// SPDX-License-Identifier: MIT
#include <QtTest>

#include "engine/generate/output_file.h"
#include "engine/ingest/loader.h"
#include "engine/report/issue_text.h"

using namespace kvt::engine;

namespace {

const std::string kGood1
    = R"({"time":"2026-11-01T10:00:00.1234567Z","resourceId":"/SUBSCRIPTIONS/AAA/RESOURCEGROUPS/RG1/PROVIDERS/MICROSOFT.KEYVAULT/VAULTS/KV1","operationName":"SecretGet","resultType":"Success","durationMs":"12","callerIpAddress":"192.0.2.1","identity":{"claim":{"oid":"o-1","appid":"a-1","upn":"u@example"}},"properties":{"clientInfo":"ua","requestUri":"https://kv1.vault.azure.net/secrets/s?api-version=7.4","id":"https://kv1.vault.azure.net/secrets/s/v1","httpStatusCode":200}})";
const std::string kGood2
    = R"({"time":"2026-11-01T11:00:00Z","resourceId":"/SUBSCRIPTIONS/AAA/RESOURCEGROUPS/RG1/PROVIDERS/MICROSOFT.KEYVAULT/VAULTS/KV1","operationName":"VaultGet","resultType":"Success","durationMs":7,"callerIpAddress":"192.0.2.2"})";

std::string writeTemp(QTemporaryDir &dir, const QString &name, const std::string &content)
{
    const std::string path = dir.filePath(name).toStdString();
    std::string error;
    auto out = OutputFile::open(path, error);
    if (!out || !out->write(content) || !out->close(error))
        qFatal("cannot write %s", path.c_str());
    return path;
}

// Line and column (1-based) of byte @p offset of @p text: what an issue's byte must agree with.
std::pair<std::uint64_t, std::uint64_t> lineAndColumn(const QByteArray &text, std::uint64_t offset)
{
    const QByteArray before = text.left(qsizetype(offset));
    return {std::uint64_t(before.count('\n')) + 1, std::uint64_t(before.size() - before.lastIndexOf('\n'))};
}

} // namespace

class TestDiagnosticJsonReader : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void badInput_data();
    void badInput();
    void publicSamples_data();
    void publicSamples();
    void fieldsOfMicrosoftSample();
    void gzipMatchesPlain();
    void folderIsWalked();
    void missingFileIsReported();
    void cancelStops();
    void hugeLineIsRead();
    void threadsGiveTheSameResult();
    void stringValues_data();
    void stringValues();
    void gzipVariants_data();
    void gzipVariants();
};

void TestDiagnosticJsonReader::badInput_data()
{
    QTest::addColumn<QByteArray>("content");
    QTest::addColumn<int>("records");
    QTest::addColumn<int>("rejected");
    QTest::addColumn<int>("issueLine"); // line of the first issue, 0 = no issue
    QTest::addColumn<QString>("message"); // part of the first issue or file error
    QTest::addColumn<QString>("code"); // issueCodeName of that issue or file error; empty = none
    QTest::addColumn<QString>("severity");
    const QByteArray g1 = QByteArray::fromStdString(kGood1), g2 = QByteArray::fromStdString(kGood2);

    QTest::newRow("two good lines") << g1 + "\n" + g2 + "\n"
                                    << 2 << 0 << 0 << ""
                                    << ""
                                    << "";
    QTest::newRow("crlf and blank lines") << g1 + "\r\n\r\n" + g2 + "\r\n"
                                          << 2 << 0 << 0 << ""
                                          << ""
                                          << "";
    QTest::newRow("utf-8 bom") << "\xEF\xBB\xBF" + g1 + "\n"
                               << 1 << 0 << 0 << ""
                               << ""
                               << "";
    QTest::newRow("corrupt line in the middle")
        << g1 + "\n{\"time\":\"2026-11-01T10:00:00Z\",\"operationName\": \n" + g2 << 2 << 1 << 2 << "invalid JSON"
        << "invalid-json"
        << "error";
    QTest::newRow("missing time") << g1 + "\n{\"operationName\":\"SecretGet\",\"resourceId\":\"x\"}\n"
                                  << 1 << 1 << 2 << "missing 'time'"
                                  << "missing-time"
                                  << "error";
    QTest::newRow("time of wrong type") << g1 + "\n{\"time\":5,\"operationName\":\"SecretGet\"}\n"
                                        << 1 << 1 << 2 << "time: expected"
                                        << "wrong-field-type"
                                        << "error";
    QTest::newRow("bad time text") << g1 + "\n{\"time\":\"yesterday\",\"operationName\":\"SecretGet\"}\n"
                                   << 1 << 1 << 2 << "not an ISO 8601"
                                   << "bad-time"
                                   << "error";
    QTest::newRow("operation of wrong type")
        << g1 + "\n{\"time\":\"2026-11-01T10:00:00Z\",\"operationName\":{\"a\":1}}\n"
        << 1 << 1 << 2 << "operationName: expected a string"
        << "wrong-field-type"
        << "error";
    QTest::newRow("durationMs not a number") << g1 + "\n{\"time\":\"2026-11-01T10:00:00Z\",\"durationMs\":\"fast\"}\n"
                                             << 1 << 1 << 2 << "durationMs"
                                             << "wrong-field-type"
                                             << "error";
    QTest::newRow("invalid utf-8") << g1
            + "\n{\"time\":\"2026-11-01T10:00:00Z\",\"operationName\":\"Secret\xC3\x28Get\"}\n"
                                   << 1 << 1 << 2 << "invalid JSON"
                                   << "invalid-json"
                                   << "error";
    QTest::newRow("truncated last line") << g1 + "\n" + g2.left(60) << 1 << 1 << 2 << "invalid JSON"
                                         << "invalid-json"
                                         << "error";
    QTest::newRow("text after the record") << g1 + " {}\n" + g2 << 1 << 1 << 1 << "unexpected text"
                                           << "trailing-text"
                                           << "error";
    QTest::newRow("array line") << g1 + "\n[1,2]\n"
                                << 1 << 1 << 2 << "expected a JSON object"
                                << "not-an-object"
                                << "error";
    QTest::newRow("empty file") << QByteArray() << 0 << 0 << 0 << "empty"
                                << "empty-file"
                                << "error";
    QTest::newRow("CSV with known columns is read as CSV")
        << QByteArray("TimeGenerated,OperationName\n2026-11-01,SecretGet\n") << 1 << 0 << 0 << ""
        << ""
        << "";
    QTest::newRow("plain text") << QByteArray("hello world\nthis is no export\n") << 0 << 0 << 0 << "not a recognised"
                                << "unrecognised-format"
                                << "error";
    QTest::newRow("other json object") << QByteArray("{\"hello\":\"world\"}\n") << 0 << 0 << 0 << "not a recognised"
                                       << "unrecognised-format"
                                       << "error";
}

void TestDiagnosticJsonReader::badInput()
{
    QFETCH(QByteArray, content);
    QFETCH(int, records);
    QFETCH(int, rejected);
    QFETCH(int, issueLine);
    QFETCH(QString, message);
    QFETCH(QString, code);
    QFETCH(QString, severity);
    QTemporaryDir dir;
    const auto path = writeTemp(dir, QStringLiteral("input.json"), content.toStdString());
    const LoadResult result = loadInputs({path}, {});
    QCOMPARE(result.status, JobStatus::Ok);
    QCOMPARE(result.files.size(), std::size_t {1});
    const FileReport &f = result.files.front();
    QCOMPARE(int(f.records), records);
    QCOMPARE(int(f.rejected), rejected);
    QCOMPARE(int(result.dataset->size()), records);
    if (issueLine > 0) {
        QVERIFY(!f.issues.empty());
        QCOMPARE(int(f.issues.front().line), issueLine);
        QVERIFY(f.issues.front().column >= 1);
        QCOMPARE(f.issues.front().file, path);
        QVERIFY2(QString::fromStdString(f.issues.front().message).contains(message), f.issues.front().message.c_str());
        const Issue &issue = f.issues.front();
        QCOMPARE(QString::fromUtf8(issueCodeName(issue.code)), code);
        QCOMPARE(QString::fromUtf8(severityName(issue.severity)), severity);
        const auto [line, column] = lineAndColumn(content, issue.byte);
        QCOMPARE(line, issue.line);
        QCOMPARE(column, issue.column);
        QVERIFY(!f.errorCode);
    } else if (!message.isEmpty()) {
        QVERIFY2(QString::fromStdString(f.error).contains(message), f.error.c_str());
        QVERIFY(QString::fromStdString(f.error).startsWith(QString::fromStdString(path)));
        QVERIFY(f.errorCode);
        QCOMPARE(QString::fromUtf8(issueCodeName(*f.errorCode)), code);
        QCOMPARE(QString::fromUtf8(severityName(severityOf(*f.errorCode))), severity);
    } else {
        QVERIFY(f.issues.empty());
        QVERIFY(f.error.empty());
        QVERIFY(!f.errorCode);
    }
}

void TestDiagnosticJsonReader::publicSamples_data()
{
    QTest::addColumn<QString>("file");
    QTest::addColumn<QString>("layout");
    QTest::newRow("json lines (PT1H.json since 2018-11)") << "PT1H_jsonlines.json"
                                                          << "json-lines";
    QTest::newRow("records envelope (before 2018-11)") << "PT1H_records_array_pre2018-11.json"
                                                       << "records-envelope";
}

void TestDiagnosticJsonReader::publicSamples()
{
    QFETCH(QString, file);
    QFETCH(QString, layout);
    const std::string path = (QStringLiteral(KVT_TEST_DATA "/public/") + file).toStdString();
    const LoadResult result = loadInputs({path}, {});
    QCOMPARE(result.files.front().format, std::string("azure-diagnostics-json"));
    QCOMPARE(QString::fromStdString(result.files.front().layout), layout);
    QCOMPARE(result.records(), std::uint64_t {2});
    QCOMPARE(result.rejected(), std::uint64_t {0});
    QCOMPARE(QString::fromStdString(formatIsoDateTime(result.dataset->firstTime())),
        QStringLiteral("2016-01-05T01:32:01.2691226Z"));
    QCOMPARE(QString::fromStdString(formatIsoDateTime(result.dataset->lastTime())),
        QStringLiteral("2016-01-05T01:33:56.5264523Z"));
    // The raw text of each record is its own JSON object.
    for (std::size_t r = 0; r < result.dataset->size(); ++r) {
        const std::string_view raw = result.dataset->rawText(r);
        QVERIFY(raw.front() == '{' && raw.back() == '}');
        QVERIFY(raw.find("\"VaultGet\"") != std::string_view::npos);
    }
}

void TestDiagnosticJsonReader::fieldsOfMicrosoftSample()
{
    const LoadResult result = loadInputs({KVT_TEST_DATA "/public/PT1H_jsonlines.json"}, {});
    const Dataset &d = *result.dataset;
    QCOMPARE(d.text(TextField::OperationName, 0), std::string_view("VaultGet"));
    QCOMPARE(d.text(TextField::Resource, 0), std::string_view("CONTOSOKEYVAULT"));
    QCOMPARE(d.text(TextField::ResourceGroup, 0), std::string_view("CONTOSOGROUP"));
    QCOMPARE(d.text(TextField::ResourceType, 0), std::string_view("VAULTS"));
    QCOMPARE(d.text(TextField::ResourceProvider, 0), std::string_view("MICROSOFT.KEYVAULT"));
    QCOMPARE(d.text(TextField::SubscriptionId, 0), std::string_view("361DA5D4-A47A-4C79-AFDD-XXXXXXXXXXXX"));
    QCOMPARE(d.text(TextField::CallerIPAddress, 0), std::string_view("104.40.82.76"));
    QCOMPARE(d.text(TextField::ClaimObjectIdentifier, 0), std::string_view("d9da5048-2737-4770-bd64-XXXXXXXXXXXX"));
    QCOMPARE(d.text(TextField::ClaimUpnLong, 0), std::string_view("live.com#username@outlook.com"));
    QCOMPARE(d.text(TextField::ClaimAppId, 0), std::string_view("1950a258-227b-4e31-a9cf-XXXXXXXXXXXX"));
    QCOMPARE(d.text(TextField::ClaimOid, 0), std::string_view(""));
    QCOMPARE(d.text(TextField::ClientInfoS, 0), std::string_view("azure-resource-manager/2.0"));
    QCOMPARE(d.text(TextField::IdS, 0), std::string_view("https://contosokeyvault.vault.azure.net/"));
    QCOMPARE(d.durationMs(0), std::int64_t {78});
    QCOMPARE(d.durationMs(1), std::int64_t {83});
    QCOMPARE(d.httpStatusCode(0), 200);
}

void TestDiagnosticJsonReader::gzipMatchesPlain()
{
    QTemporaryDir dir;
    const std::string content = kGood1 + "\n" + kGood2 + "\n";
    const auto plain = writeTemp(dir, QStringLiteral("a.json"), content);
    const auto gz = writeTemp(dir, QStringLiteral("b.json.gz"), content);
    const LoadResult a = loadInputs({plain}, {});
    const LoadResult b = loadInputs({gz}, {});
    QVERIFY(b.files.front().compressed);
    QCOMPARE(b.records(), a.records());
    for (std::size_t r = 0; r < a.dataset->size(); ++r) {
        QCOMPARE(b.dataset->time(r), a.dataset->time(r));
        QCOMPARE(b.dataset->rawText(r), a.dataset->rawText(r));
        for (std::size_t f = 0; f < kTextFieldCount; ++f)
            QCOMPARE(b.dataset->text(TextField(f), r), a.dataset->text(TextField(f), r));
    }
}

void TestDiagnosticJsonReader::folderIsWalked()
{
    QTemporaryDir dir;
    QDir(dir.path()).mkpath(QStringLiteral("y=2026/m=11/d=01/h=10"));
    writeTemp(dir, QStringLiteral("y=2026/m=11/d=01/h=10/PT1H.json"), kGood1 + "\n");
    writeTemp(dir, QStringLiteral("PT1H.json"), kGood2 + "\n");
    writeTemp(dir, QStringLiteral("README.md"), "# not a log\n");
    const LoadResult result = loadInputs({dir.path().toStdString()}, {});
    QCOMPARE(result.files.size(), std::size_t {3});
    QCOMPARE(result.records(), std::uint64_t {2});
    // A file found in a folder that is not an export is skipped, not a failure; named, it fails.
    const auto readme
        = std::find_if(result.files.begin(), result.files.end(), [](const FileReport &f) { return !f.error.empty(); });
    QVERIFY(readme != result.files.end() && readme->skipped);
    QCOMPARE(readme->errorCode, std::optional {IssueCode::UnrecognisedFormat});
    const LoadResult named = loadInputs({readme->path}, {});
    QVERIFY(!named.files.front().skipped && !named.files.front().error.empty());
}

void TestDiagnosticJsonReader::missingFileIsReported()
{
    const LoadResult result = loadInputs({"/nonexistent/PT1H.json"}, {});
    QCOMPARE(result.files.size(), std::size_t {1});
    QVERIFY(QString::fromStdString(result.files.front().error).contains(QStringLiteral("no such file")));
    QCOMPARE(result.files.front().errorCode, std::optional {IssueCode::FileNotFound});
    QCOMPARE(severityOf(IssueCode::FileNotFound), Severity::Error);
    QCOMPARE(result.records(), std::uint64_t {0});
}

void TestDiagnosticJsonReader::cancelStops()
{
    QTemporaryDir dir;
    std::string content;
    for (int i = 0; i < 20000; ++i)
        content += kGood1 + "\n";
    const auto path = writeTemp(dir, QStringLiteral("big.json"), content);
    int calls = 0;
    const LoadResult result = loadInputs({path}, {}, [&](std::uint64_t, std::uint64_t) { return ++calls < 2; });
    QCOMPARE(result.status, JobStatus::Cancelled);
    QVERIFY(!result.dataset); // partial results are never published
}

void TestDiagnosticJsonReader::hugeLineIsRead()
{
    QTemporaryDir dir;
    std::string line = kGood2;
    line.insert(line.size() - 1, ",\"resultDescription\":\"" + std::string(8 << 20, 'x') + "\"");
    const auto path = writeTemp(dir, QStringLiteral("huge.json"), kGood1 + "\n" + line + "\n" + kGood2);
    const LoadResult result = loadInputs({path}, {});
    QCOMPARE(result.records(), std::uint64_t {3});
    QCOMPARE(result.dataset->text(TextField::ResultDescription, 1).size(), std::size_t {8 << 20});
}

// The multi-threaded path must read exactly what one thread reads: records, order, locators,
// rejected lines and their line numbers.
void TestDiagnosticJsonReader::threadsGiveTheSameResult()
{
    QTemporaryDir dir;
    std::string content;
    for (int i = 0; content.size() < (std::size_t {40} << 20); ++i)
        content += (i == 30000 ? std::string("{\"time\": broken") : i % 2 ? kGood1 : kGood2) + "\n";
    const auto path = writeTemp(dir, QStringLiteral("big.json"), content);
    LoadOptions one, two;
    one.threads = 1;
    two.threads = 2;
    const LoadResult a = loadInputs({path}, one);
    const LoadResult b = loadInputs({path}, two);
    QCOMPARE(b.records(), a.records());
    QCOMPARE(b.rejected(), std::uint64_t {1});
    QCOMPARE(b.files.front().issues.front().line, std::uint64_t {30001});
    QCOMPARE(b.files.front().issues.front().line, a.files.front().issues.front().line);
    for (std::size_t r = 0; r < a.dataset->size(); r += 997) {
        QCOMPARE(b.dataset->time(r), a.dataset->time(r));
        QCOMPARE(b.dataset->rawText(r), a.dataset->rawText(r));
        for (std::size_t f = 0; f < kTextFieldCount; ++f)
            QCOMPARE(b.dataset->text(TextField(f), r), a.dataset->text(TextField(f), r));
    }
    QCOMPARE(b.dataset->rawText(b.dataset->size() - 1), a.dataset->rawText(a.dataset->size() - 1));
}

// Strings are taken straight from the file when they hold no escape, unescaped otherwise; numbers
// and booleans where a string belongs keep their JSON text.
void TestDiagnosticJsonReader::stringValues_data()
{
    QTest::addColumn<QString>("json"); // the resultDescription member's value, as written
    QTest::addColumn<QString>("expected"); // what the store holds
    QTest::newRow("plain") << R"("Successful request")"
                           << "Successful request";
    QTest::newRow("escaped quote and backslash") << R"("a \"quoted\" \\ value")"
                                                 << R"(a "quoted" \ value)";
    QTest::newRow("unicode escape") << R"("caf\u00e9 \ud83d\ude00")" << QString::fromUtf8("caf\u00e9 \U0001F600");
    QTest::newRow("raw UTF-8") << QString::fromUtf8("\"caf\u00e9\"") << QString::fromUtf8("caf\u00e9");
    QTest::newRow("space before the comma") << "\"spaced\"   "
                                            << "spaced";
    QTest::newRow("empty") << R"("")"
                           << "";
    QTest::newRow("number") << "42"
                            << "42";
    QTest::newRow("boolean") << "true"
                             << "true";
    QTest::newRow("null") << "null"
                          << "";
}

void TestDiagnosticJsonReader::stringValues()
{
    QFETCH(QString, json);
    QFETCH(QString, expected);
    QTemporaryDir dir;
    const std::string line = R"({"time":"2026-11-01T10:00:00Z","operationName":"SecretGet","resultDescription":)"
        + json.toStdString() + R"(,"callerIpAddress":"192.0.2.9"})";
    const LoadResult result = loadInputs({writeTemp(dir, QStringLiteral("v.json"), line + "\n")}, {});
    QCOMPARE(result.records(), std::uint64_t {1});
    QCOMPARE(QString::fromStdString(std::string(result.dataset->text(TextField::ResultDescription, 0))), expected);
    QCOMPARE(result.dataset->text(TextField::CallerIPAddress, 0), std::string_view("192.0.2.9"));
}

namespace {

std::string gzipped(QTemporaryDir &dir, const std::string &content)
{
    QFile f(QString::fromStdString(writeTemp(dir, QStringLiteral("part.gz"), content)));
    if (!f.open(QIODevice::ReadOnly))
        qFatal("cannot read back part.gz");
    return f.readAll().toStdString();
}

std::string lines(int n)
{
    std::string out;
    for (int i = 0; i < n; ++i)
        out += (i % 2 ? kGood2 : kGood1) + "\n";
    return out;
}

} // namespace

// gzip as files come: one member, members concatenated (`cat a.gz b.gz`), a stream whose size
// trailer understates the content, cut short, or damaged. What inflates still loads.
void TestDiagnosticJsonReader::gzipVariants_data()
{
    QTest::addColumn<QString>("kind");
    QTest::addColumn<int>("records"); // -1: some, fewer than all
    QTest::addColumn<QString>("warning"); // part of the file's error text; empty = none
    QTest::addColumn<QStringList>("codes"); // issueCodeName of the file's error: one of these
    QTest::newRow("one member") << "one" << 2 << "" << QStringList {};
    QTest::newRow("two members") << "two" << 4 << "" << QStringList {};
    QTest::newRow("large member then a small one") << "large-first" << 6002 << "" << QStringList {};
    QTest::newRow("cut short") << "truncated" << -1 << "ends early" << QStringList {"gzip-truncated"};
    // zlib may see the damage only at the end, as a stream that ends early.
    QTest::newRow("damaged in the middle")
        << "corrupt" << -1 << "gzip" << QStringList {"gzip-corrupt", "gzip-truncated"};
}

void TestDiagnosticJsonReader::gzipVariants()
{
    QFETCH(QString, kind);
    QFETCH(int, records);
    QFETCH(QString, warning);
    QFETCH(QStringList, codes);
    QTemporaryDir dir;
    std::string bytes;
    if (kind == "one")
        bytes = gzipped(dir, lines(2));
    else if (kind == "two")
        bytes = gzipped(dir, lines(2)) + gzipped(dir, lines(2));
    else if (kind == "large-first")
        bytes = gzipped(dir, lines(6000)) + gzipped(dir, lines(2));
    else if (kind == "truncated")
        bytes = gzipped(dir, lines(6000)).substr(0, 5000);
    else {
        bytes = gzipped(dir, lines(6000));
        for (std::size_t i = bytes.size() / 2; i < bytes.size() / 2 + 64; ++i)
            bytes[i] = static_cast<char>(~bytes[i]);
    }
    QFile out(dir.filePath(QStringLiteral("input.json.gz")));
    QVERIFY(out.open(QIODevice::WriteOnly));
    out.write(bytes.data(), static_cast<qint64>(bytes.size()));
    out.close();
    const LoadResult result = loadInputs({out.fileName().toStdString()}, {});
    QCOMPARE(result.status, JobStatus::Ok);
    const FileReport &f = result.files.front();
    QVERIFY(f.compressed);
    if (records >= 0) {
        QCOMPARE(f.records, std::uint64_t(records));
        QCOMPARE(f.rejected, std::uint64_t {0});
    } else {
        QVERIFY(f.records > 0 && f.records < 6000);
    }
    QVERIFY2(warning.isEmpty() ? f.error.empty() : QString::fromStdString(f.error).contains(warning), f.error.c_str());
    QCOMPARE(f.errorCode.has_value(), !codes.isEmpty());
    if (f.errorCode) {
        QVERIFY2(codes.contains(QString::fromUtf8(issueCodeName(*f.errorCode))), issueCodeName(*f.errorCode).data());
        QCOMPARE(severityOf(*f.errorCode), Severity::Warning); // a partial read, not a failure
    }
}

QTEST_APPLESS_MAIN(TestDiagnosticJsonReader)
#include "tst_diagnostic_json_reader.moc"
