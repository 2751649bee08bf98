// SPDX-License-Identifier: MIT
// Every export format by round trip: generate, write, load (format detected from content), and
// compare every canonical field with the generated events (issue 4).
#include <QtTest>

#include "engine/generate/export_writers.h"
#include "engine/generate/output_file.h"
#include "engine/ingest/loader.h"

using namespace kvt::engine;

namespace {

std::vector<OwnedEvent> events()
{
    static const std::vector<OwnedEvent> all = [] {
        GeneratorOptions o;
        o.days = 15;
        o.keys = 12;
        o.records = 2500;
        o.seed = 99;
        std::vector<OwnedEvent> out;
        generateAuditEvents(o, [&](std::vector<OwnedEvent> &day) {
            out.insert(out.end(), day.begin(), day.end());
            return true;
        });
        return out;
    }();
    return all;
}

// Writes @p text to @p name in @p dir (gzip when the name ends in .gz).
std::string writeFile(const QTemporaryDir &dir, const QString &name, const std::string &text)
{
    const std::string path = dir.filePath(name).toStdString();
    std::string error;
    auto out = OutputFile::open(path, error);
    if (!out || !out->write(text) || !out->close(error))
        qFatal("cannot write %s: %s", path.c_str(), error.c_str());
    return path;
}

// Load options that read on @p threads threads and cut even small files into that many parts.
LoadOptions splitInto(unsigned threads)
{
    LoadOptions options;
    options.threads = threads;
    options.minPartBytes = 4096;
    return options;
}

} // namespace

class TestExportRoundTrip : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void roundTrip_data();
    void roundTrip();
    void ecsOnlyFields_data();
    void ecsOnlyFields();
    void cancelStopsEveryReader_data();
    void cancelStopsEveryReader();
};

void TestExportRoundTrip::roundTrip_data()
{
    QTest::addColumn<QString>("writer");
    QTest::addColumn<QString>("detected");
    QTest::addColumn<QStringList>("fields"); // canonical fields the format carries; empty = all
    QTest::addColumn<bool>("gzip");
    QTest::addColumn<bool>("msTime"); // the format keeps milliseconds only
    QTest::addColumn<bool>("headerless"); // the loader needs the column names
    QTest::addColumn<unsigned>("threads");
    const QStringList ecs {"OperationName", "identity_claim_upn_s", "identity_claim_appid_g", "identity_claim_oid_g",
        "CallerIPAddress", "Resource", "ResourceGroup", "ResourceId", "SubscriptionId", "ResultType",
        "ResourceProvider", "ResourceType"};
    QTest::newRow("raw diagnostic JSON Lines, 1 thread")
        << "azure-diagnostics-json"
        << "azure-diagnostics-json" << QStringList {} << false << false << false << 1U;
    QTest::newRow("raw diagnostic JSON Lines, 3 threads")
        << "azure-diagnostics-json"
        << "azure-diagnostics-json" << QStringList {} << false << false << false << 3U;
    QTest::newRow("LA data export, AzureDiagnostics, 1 thread")
        << "log-analytics-json"
        << "log-analytics-json" << QStringList {} << false << false << false << 1U;
    QTest::newRow("LA data export, AzureDiagnostics, 3 threads")
        << "log-analytics-json"
        << "log-analytics-json" << QStringList {} << false << false << false << 3U;
    QTest::newRow("LA data export, AZKVAuditLogs, 1 thread")
        << "azkvauditlogs-json"
        << "log-analytics-json" << QStringList {} << true << false << false << 1U;
    QTest::newRow("LA data export, AZKVAuditLogs, 3 threads")
        << "azkvauditlogs-json"
        << "log-analytics-json" << QStringList {} << true << false << false << 3U;
    QTest::newRow("az CLI, 1 thread") << "az-cli-json"
                                      << "az-cli-json" << QStringList {} << false << false << false << 1U;
    QTest::newRow("az CLI, 3 threads") << "az-cli-json"
                                       << "az-cli-json" << QStringList {} << false << false << false << 3U;
    QTest::newRow("Log Analytics API, 1 thread")
        << "log-analytics-api"
        << "log-analytics-api" << QStringList {} << false << false << false << 1U;
    QTest::newRow("Log Analytics API, 3 threads")
        << "log-analytics-api"
        << "log-analytics-api" << QStringList {} << false << false << false << 3U;
    QTest::newRow("Kusto v1, 1 thread") << "kusto-v1"
                                        << "kusto-v1" << QStringList {} << true << false << false << 1U;
    QTest::newRow("Kusto v1, 3 threads") << "kusto-v1"
                                         << "kusto-v1" << QStringList {} << true << false << false << 3U;
    QTest::newRow("Kusto v2, 1 thread") << "kusto-v2"
                                        << "kusto-v2" << QStringList {} << false << false << false << 1U;
    QTest::newRow("Kusto v2, 3 threads") << "kusto-v2"
                                         << "kusto-v2" << QStringList {} << false << false << false << 3U;
    QTest::newRow("Elastic NDJSON hits, 1 thread") << "elastic-ndjson"
                                                   << "elastic-json" << QStringList {} << false << false << false << 1U;
    QTest::newRow("Elastic NDJSON hits, 3 threads")
        << "elastic-ndjson"
        << "elastic-json" << QStringList {} << false << false << false << 3U;
    QTest::newRow("Elastic _bulk, 1 thread") << "elastic-bulk"
                                             << "elastic-json" << QStringList {} << true << false << false << 1U;
    QTest::newRow("Elastic _bulk, 3 threads") << "elastic-bulk"
                                              << "elastic-json" << QStringList {} << true << false << false << 3U;
    QTest::newRow("Elastic _source, nested and dotted, 1 thread")
        << "elastic-source"
        << "elastic-json" << QStringList {} << false << false << false << 1U;
    QTest::newRow("Elastic _source, nested and dotted, 3 threads")
        << "elastic-source"
        << "elastic-json" << QStringList {} << false << false << false << 3U;
    QTest::newRow("Elastic search response, 1 thread")
        << "elastic-search"
        << "elastic-json" << QStringList {} << false << false << false << 1U;
    QTest::newRow("Elastic search response, 3 threads")
        << "elastic-search"
        << "elastic-json" << QStringList {} << false << false << false << 3U;
    QTest::newRow("ES|QL columns/values, 1 thread") << "esql-json"
                                                    << "esql-json" << ecs << false << false << false << 1U;
    QTest::newRow("ES|QL columns/values, 3 threads") << "esql-json"
                                                     << "esql-json" << ecs << false << false << false << 3U;
    QTest::newRow("portal Export to CSV, 1 thread") << "csv"
                                                    << "csv" << QStringList {} << false << true << false << 1U;
    QTest::newRow("portal Export to CSV, 3 threads") << "csv"
                                                     << "csv" << QStringList {} << false << true << false << 3U;
    QTest::newRow("plain CSV, gzip, 1 thread") << "csv-plain"
                                               << "csv" << QStringList {} << true << false << false << 1U;
    QTest::newRow("plain CSV, gzip, 3 threads") << "csv-plain"
                                                << "csv" << QStringList {} << true << false << false << 3U;
    QTest::newRow("Kusto .export CSV, no header, 1 thread")
        << "csv-headerless"
        << "csv-headerless" << QStringList {} << false << false << true << 1U;
    QTest::newRow("Kusto .export CSV, no header, 3 threads")
        << "csv-headerless"
        << "csv-headerless" << QStringList {} << false << false << true << 3U;
}

void TestExportRoundTrip::roundTrip()
{
    QFETCH(QString, writer);
    QFETCH(QString, detected);
    QFETCH(QStringList, fields);
    QFETCH(bool, gzip);
    QFETCH(bool, msTime);
    QFETCH(bool, headerless);
    QFETCH(unsigned, threads);
    const auto &evs = events();
    auto w = makeExportWriter(writer.toStdString());
    QVERIFY(w);
    std::string text;
    w->begin(text);
    for (const auto &e : evs)
        w->write(e, text);
    w->end(text);
    QTemporaryDir dir;
    const std::string path = writeFile(dir, gzip ? QStringLiteral("export.gz") : QStringLiteral("export"), text);

    // On one thread, and cut into three parts (the big-file path) even at this size.
    LoadOptions options = splitInto(threads);
    if (headerless)
        options.csv.columns = csvColumnNames();
    const LoadResult load = loadInputs({path}, options);
    QCOMPARE(QString::fromStdString(load.files.front().format), detected);
    QCOMPARE(load.rejected(), std::uint64_t {0});
    QCOMPARE(load.records(), std::uint64_t(evs.size()));
    // The file's own names are kept: one of them is the time column, under whatever name it has.
    const auto &columns = load.files.front().columns;
    QVERIFY(std::any_of(
        columns.begin(), columns.end(), [](const ColumnMapping &c) { return c.canonical == "TimeGenerated"; }));
    QVERIFY(std::any_of(
        columns.begin(), columns.end(), [](const ColumnMapping &c) { return c.canonical == "CallerIPAddress"; }));
    const Dataset &d = *load.dataset;
    const bool allFields = fields.isEmpty();
    for (std::size_t r = 0; r < evs.size(); ++r) {
        // 7 fractional digits kept to the tick; the portal's CSV keeps milliseconds.
        QCOMPARE(d.time(r), msTime ? floorTo(evs[r].time, 10'000) : evs[r].time);
        if (allFields) {
            QCOMPARE(d.durationMs(r), evs[r].durationMs);
            QCOMPARE(d.httpStatusCode(r), evs[r].httpStatusCode);
        }
        for (std::size_t f = 0; f < kTextFieldCount; ++f) {
            const QString name = QString::fromUtf8(kTextFieldNames[f].data(), qsizetype(kTextFieldNames[f].size()));
            if (!allFields && !fields.contains(name))
                continue;
            if (d.text(TextField(f), r) != evs[r].text[f])
                QFAIL(qPrintable(QStringLiteral("record %1, %2: '%3' != '%4'")
                                     .arg(r)
                                     .arg(name, QString::fromUtf8(std::string(d.text(TextField(f), r)).c_str()),
                                         QString::fromStdString(evs[r].text[f]))));
        }
        // The drill-down shows the record's own text.
        QVERIFY(!d.rawText(r).empty());
    }
}

// Geo, AS, cloud and agent fields exist only in Elastic exports: they load from nested or dotted
// `_source` keys (source.geo.* or geo.*), cost nothing in files without them, and survive a file
// read in parts where only the later part has them.
void TestExportRoundTrip::ecsOnlyFields_data()
{
    QTest::addColumn<unsigned>("threads");
    QTest::newRow("one thread") << 1U;
    QTest::newRow("three parts") << 3U;
}

void TestExportRoundTrip::ecsOnlyFields()
{
    QFETCH(unsigned, threads);
    std::string text;
    for (int i = 0; i < 3000; ++i) {
        std::string source
            = R"("@timestamp":"2026-11-02T00:00:00Z","event":{"action":"SecretGet"},"source":{"ip":"192.0.2.1")";
        if (i >= 2000 && i % 2 == 0)
            source
                += R"(,"geo":{"city_name":"Oslo","country_name":"Norway"},"as":{"organization":{"name":"Example AS"}}},"agent":{"name":"fb-1"})";
        else if (i >= 2000)
            source += R"(},"geo.city_name":"Bergen","geo.region_name":"Vestland","cloud.region":"norwayeast")";
        else
            source += "}";
        text += R"({"_index":"logs","_id":")" + std::to_string(i) + R"(","_source":{)" + source + "}}\n";
    }
    QTemporaryDir dir;
    const LoadResult load = loadInputs({writeFile(dir, QStringLiteral("hits.ndjson"), text)}, splitInto(threads));
    QCOMPARE(load.records(), std::uint64_t {3000});
    const Dataset &d = *load.dataset;
    for (std::size_t r = 0; r < d.size(); r += 7) {
        const bool geo = r >= 2000, nested = r % 2 == 0;
        QCOMPARE(d.text(TextField::EcsGeoCityName, r), std::string_view(!geo ? "" : nested ? "Oslo" : "Bergen"));
        QCOMPARE(d.text(TextField::EcsGeoCountryName, r), std::string_view(geo && nested ? "Norway" : ""));
        QCOMPARE(d.text(TextField::EcsGeoRegionName, r), std::string_view(geo && !nested ? "Vestland" : ""));
        QCOMPARE(d.text(TextField::EcsAsOrganizationName, r), std::string_view(geo && nested ? "Example AS" : ""));
        QCOMPARE(d.text(TextField::EcsCloudRegion, r), std::string_view(geo && !nested ? "norwayeast" : ""));
        QCOMPARE(d.text(TextField::EcsAgentName, r), std::string_view(geo && nested ? "fb-1" : ""));
        QCOMPARE(d.text(TextField::CallerIPAddress, r), std::string_view("192.0.2.1"));
    }
    QCOMPARE(d.column(TextField::EcsGeoCityName).size(), d.size());
    // A file without them keeps no column for them at all.
    const LoadResult plain = loadInputs({std::string(KVT_TEST_DATA "/public/PT1H_jsonlines.json")}, {});
    QVERIFY(plain.dataset->column(TextField::EcsGeoCityName).empty());
    QCOMPARE(plain.dataset->text(TextField::EcsGeoCityName, 0), std::string_view());
}

// A cancel asked for from the progress callback stops each reader, on one thread or several, and
// publishes nothing.
void TestExportRoundTrip::cancelStopsEveryReader_data()
{
    QTest::addColumn<QString>("writer");
    QTest::addColumn<unsigned>("threads");
    for (const char *w : {"azure-diagnostics-json", "az-cli-json", "elastic-ndjson", "csv", "log-analytics-api"})
        for (const unsigned t : {1U, 3U})
            QTest::addRow("%s, %u thread(s)", w, t) << QString::fromLatin1(w) << t;
}

void TestExportRoundTrip::cancelStopsEveryReader()
{
    QFETCH(QString, writer);
    QFETCH(unsigned, threads);
    auto w = makeExportWriter(writer.toStdString());
    std::string text;
    w->begin(text);
    for (const auto &e : events())
        w->write(e, text);
    w->end(text);
    QTemporaryDir dir;
    int calls = 0;
    const LoadResult load = loadInputs({writeFile(dir, QStringLiteral("export"), text)}, splitInto(threads),
        [&](std::uint64_t, std::uint64_t) { return ++calls < 3; });
    QCOMPARE(load.status, JobStatus::Cancelled);
    QVERIFY(!load.dataset);
    QCOMPARE(calls, 3); // nothing asked again once told to stop
}

QTEST_APPLESS_MAIN(TestExportRoundTrip)
#include "tst_export_round_trip.moc"
