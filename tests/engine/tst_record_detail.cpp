// SPDX-License-Identifier: MIT
// The detail pane's content: a record's original text from its file, JSON pretty-printed in its own
// key order, a CSV row beside its header, with the file and the line the record starts on.
#include <QTemporaryDir>
#include <QtTest>

#include <array>
#include <fstream>

#include "engine/ingest/loader.h"
#include "engine/report/record_detail.h"

using namespace kvt::engine;

namespace {

std::string writeFile(const QTemporaryDir &dir, const char *name, const std::string &text)
{
    const std::string path = dir.filePath(QString::fromLatin1(name)).toStdString();
    std::ofstream(path, std::ios::binary) << text;
    return path;
}

std::shared_ptr<const Dataset> load(const std::string &path)
{
    const LoadResult r = loadInputs({path}, {});
    return r.dataset;
}

} // namespace

class TestRecordDetail : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void jsonIsIndentedInItsOwnOrder();
    void csvRowBesideItsHeader();
    void noSourceNoText();
};

void TestRecordDetail::jsonIsIndentedInItsOwnOrder()
{
    QTemporaryDir dir;
    const std::string line
        = R"({"time":"2026-11-22T00:10:00Z","resourceId":"/SUBSCRIPTIONS/S/RESOURCEGROUPS/RG/PROVIDERS/MICROSOFT.KEYVAULT/VAULTS/KV1",)"
          R"("operationName":"SecretGet","category":"AuditEvent","resultType":"Success","callerIpAddress":"%IP%",)"
          R"("properties":{"id":"https://kv1.vault.azure.net/secrets/db","httpStatusCode":200}})";
    std::string first = line, second = line;
    first.replace(first.find("%IP%"), 4, "10.0.0.1");
    second.replace(second.find("%IP%"), 4, "10.0.0.2");
    const std::string path = writeFile(dir, "PT1H.json", first + "\n" + second + "\n");
    const auto data = load(path);
    QVERIFY(data);
    QCOMPARE(data->size(), std::size_t {2});

    const RecordDetail detail = recordDetail(*data, 1);
    QCOMPARE(detail.file, path);
    QCOMPARE(detail.line, std::uint64_t {2});
    // The record's own key order ("time" first, not alphabetical "callerIpAddress"), two spaces.
    QVERIFY2(
        detail.text.starts_with("{\n  \"time\": \"2026-11-22T00:10:00Z\",\n  \"resourceId\""), detail.text.c_str());
    QVERIFY(detail.text.find("\"callerIpAddress\": \"10.0.0.2\"") != std::string::npos);
    QVERIFY(detail.text.find("\n  \"properties\": {\n    \"id\"") != std::string::npos);
    QCOMPARE(recordDetail(*data, 0).line, std::uint64_t {1});

    // A kept lookup answers the same, in any order, for the same dataset only.
    LineLookup lines(*data);
    QCOMPARE(recordDetail(*data, 1, &lines).line, std::uint64_t {2});
    QCOMPARE(recordDetail(*data, 0, &lines).line, std::uint64_t {1});
    Dataset other;
    other.append(EventDraft {}, {});
    QCOMPARE(recordDetail(other, 0, &lines).line, std::uint64_t {0}); // not its dataset: ignored
}

void TestRecordDetail::csvRowBesideItsHeader()
{
    QTemporaryDir dir;
    // The first row's quoted description spans two lines, so the second row starts on line 4.
    const std::string path = writeFile(dir, "export.csv",
        "TimeGenerated,OperationName,CallerIPAddress,ResultType,ResultDescription,ResourceType\n"
        "2026-11-22T00:10:00Z,SecretGet,10.0.0.1,Success,\"two\nlines\",VAULTS\n"
        "2026-11-22T00:11:00Z,SecretGet,10.0.0.2,Failure,\"a, \"\"quoted\"\" one\",VAULTS\n");
    const auto data = load(path);
    QVERIFY(data);
    QCOMPARE(data->size(), std::size_t {2});
    const RecordDetail detail = recordDetail(*data, 1);
    QCOMPARE(detail.file, path);
    QCOMPARE(detail.line, std::uint64_t {4});
    QCOMPARE(detail.text,
        std::string("TimeGenerated: 2026-11-22T00:11:00Z\nOperationName: SecretGet\nCallerIPAddress: 10.0.0.2\n"
                    "ResultType: Failure\nResultDescription: a, \"quoted\" one\nResourceType: VAULTS\n"));
    QCOMPARE(recordDetail(*data, 0).line, std::uint64_t {2});
}

void TestRecordDetail::noSourceNoText()
{
    // Records generated in memory have no file: an empty detail, not a crash.
    Dataset d;
    d.append(EventDraft {}, {});
    const RecordDetail detail = recordDetail(d, 0);
    QVERIFY(detail.file.empty());
    QCOMPARE(detail.line, std::uint64_t {0});
    QVERIFY(detail.text.empty());
    // ... and the records documents (the JSON copy) write an empty file, not a crash.
    const std::array<std::size_t, 1> rows {0};
    const std::string json = recordsDocument(d, rows, {}, RecordsFormat::JsonLines, true);
    QVERIFY2(json.find("\"file\":\"\"") != std::string::npos, json.c_str());
    QVERIFY(d.rawText(0).empty());
    QVERIFY(d.sourcePath(0).empty());
}

QTEST_APPLESS_MAIN(TestRecordDetail)
#include "tst_record_detail.moc"
