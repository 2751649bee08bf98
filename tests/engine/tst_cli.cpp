// SPDX-License-Identifier: MIT
// kvtriage-cli as other tools call it: names, JSON shapes and exit codes of spec/cli.md.
#include <QtTest>

#include <map>
#include <set>

#include <nlohmann/json.hpp>

namespace {

struct Run {
    int exitCode = -1;
    QByteArray out;
    QByteArray err;
};

Run runCli(const QStringList &args, const QString &workingDirectory = {})
{
    QProcess p;
    if (!workingDirectory.isEmpty())
        p.setWorkingDirectory(workingDirectory);
    p.start(QStringLiteral(KVT_CLI_PATH), args);
    p.waitForFinished(120000);
    return {p.exitCode(), p.readAllStandardOutput(), p.readAllStandardError()};
}

} // namespace

class TestCli : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void inspectPublicSamples();
    void inspectDemoDataset();
    void exitCodes_data();
    void exitCodes();
    void generateThenInspect();
    void decomposeShape();
    void decomposeFromStandardInput();
    void detectGoldenCase();
    void detectCsvAndParamsFile();
    void seriesShape();
    void ruleUsageErrors_data();
    void ruleUsageErrors();
    void detectElasticBurst();
    void helpOfEveryCommand_data();
    void helpOfEveryCommand();
    void paramsEchoFeedsBack();
    void paramsFileErrors_data();
    void paramsFileErrors();
    void goldenDocuments_data();
    void goldenDocuments();
    void recordsOfAPoint();
    void recordsJoined();
    void elasticPresets();
    void recordsUsage_data();
    void recordsUsage();
    void backtestEqualsDetectEveryDay();
    void backtestElasticAndUsage();
};

void TestCli::inspectPublicSamples()
{
    const Run r = runCli({QStringLiteral("inspect"), QStringLiteral(KVT_TEST_DATA "/public")});
    QCOMPARE(r.exitCode, 0);
    const auto j = nlohmann::json::parse(r.out.toStdString());
    QCOMPARE(j["records"].get<int>(), 4);
    QCOMPARE(j["rejected"].get<int>(), 0);
    QCOMPARE(j["first"].get<std::string>(), std::string("2016-01-05T01:32:01.2691226Z"));
    QCOMPARE(j["last"].get<std::string>(), std::string("2016-01-05T01:33:56.5264523Z"));
    QCOMPARE(j["files"].size(), std::size_t {2});
    for (const auto &f : j["files"]) {
        QCOMPARE(f["format"].get<std::string>(), std::string("azure-diagnostics-json"));
        QCOMPARE(f["records"].get<int>(), 2);
        QVERIFY(f["warnings"].is_array());
    }
    QCOMPARE(j["fields"]["CallerIPAddress"].get<double>(), 1.0);
    QCOMPARE(j["fields"]["identity_claim_oid_g"].get<double>(), 0.0);
    QCOMPARE(
        j["fields"]["identity_claim_http_schemas_microsoft_com_identity_claims_objectidentifier_g"].get<double>(), 1.0);
    // Each file's own names, with the canonical field each fills (null: not used).
    std::map<std::string, nlohmann::json> mapped;
    for (const auto &c : j["files"][0]["columns"])
        mapped[c["name"].get<std::string>()] = c["maps_to"];
    QCOMPARE(mapped["time"].get<std::string>(), std::string("TimeGenerated"));
    QCOMPARE(mapped["callerIpAddress"].get<std::string>(), std::string("CallerIPAddress"));
    QCOMPARE(mapped["identity.claim.http://schemas.microsoft.com/identity/claims/objectidentifier"].get<std::string>(),
        std::string("identity_claim_http_schemas_microsoft_com_identity_claims_objectidentifier_g"));
    QCOMPARE(mapped["properties.id"].get<std::string>(), std::string("id_s"));

    // The same coverage under the ECS names the ES|QL rule reads.
    const Run ecs = runCli({QStringLiteral("inspect"), QStringLiteral("--view"), QStringLiteral("ecs"),
        QStringLiteral(KVT_TEST_DATA "/public")});
    QCOMPARE(ecs.exitCode, 0);
    const auto e = nlohmann::json::parse(ecs.out.toStdString());
    QCOMPARE(e["fields"]["source.ip"].get<double>(), 1.0);
    QCOMPARE(e["fields"]["@timestamp"].get<double>(), 1.0);
    QCOMPARE(e["fields"]["azure.platformlogs.identity.claim.upn"].get<double>(), 0.0);
    QVERIFY(!e["fields"].contains("CallerIPAddress"));
}

void TestCli::inspectDemoDataset()
{
    const Run r = runCli({QStringLiteral("inspect"), QStringLiteral(KVT_SOURCE_DIR "/resources/demo")});
    QCOMPARE(r.exitCode, 0);
    const auto j = nlohmann::json::parse(r.out.toStdString());
    QVERIFY(j["records"].get<int>() > 50000);
    QCOMPARE(j["rejected"].get<int>(), 0);
    QVERIFY(j["files"][0]["compressed"].get<bool>());
    // 21 whole UTC days ending on 2026-11-22.
    QVERIFY(j["first"].get<std::string>().rfind("2026-11-02T00:", 0) == 0);
    QVERIFY(j["last"].get<std::string>().rfind("2026-11-22T23:", 0) == 0);
}

void TestCli::exitCodes_data()
{
    QTest::addColumn<QStringList>("args");
    QTest::addColumn<int>("exitCode");
    QTest::addColumn<QString>("stderrPart");
    QTest::newRow("no command") << QStringList {} << 2 << "usage";
    QTest::newRow("unknown command") << QStringList {"frobnicate"} << 2 << "unknown command";
    QTest::newRow("unknown option") << QStringList {"inspect", "--bogus", "x"} << 2 << "unknown option --bogus";
    QTest::newRow("inspect without input") << QStringList {"inspect"} << 2 << "at least one input";
    QTest::newRow("missing file") << QStringList {"inspect", "/nonexistent.json"} << 1 << "/nonexistent.json";
    QTest::newRow("bad field view") << QStringList {"inspect", "--view", "splunk", "x"} << 2 << "--view";
    QTest::newRow("bad input format") << QStringList {"inspect", "--input-format", "xml", "x"} << 2 << "unknown format";
    QTest::newRow("generate without output") << QStringList {"generate"} << 2 << "--output";
    QTest::newRow("generate bad days") << QStringList {"generate", "--output", "/tmp/x.json", "--days", "zero"} << 2
                                       << "not an integer";
}

void TestCli::exitCodes()
{
    QFETCH(QStringList, args);
    QFETCH(int, exitCode);
    QFETCH(QString, stderrPart);
    const Run r = runCli(args);
    QCOMPARE(r.exitCode, exitCode);
    QVERIFY2(QString::fromUtf8(r.err + r.out).contains(stderrPart), r.err.constData());
}

void TestCli::generateThenInspect()
{
    QTemporaryDir dir;
    const QString out = dir.filePath(QStringLiteral("g.jsonl"));
    const Run g = runCli(
        {QStringLiteral("generate"), QStringLiteral("--output"), out, QStringLiteral("--days"), QStringLiteral("15"),
            QStringLiteral("--keys"), QStringLiteral("20"), QStringLiteral("--seed"), QStringLiteral("3")});
    QCOMPARE(g.exitCode, 0);
    QVERIFY(QFile::exists(out + QStringLiteral(".labels.json")));
    const Run i = runCli({QStringLiteral("inspect"), out});
    QCOMPARE(i.exitCode, 0);
    const auto j = nlohmann::json::parse(i.out.toStdString());
    QVERIFY(j["records"].get<int>() > 0);
    QVERIFY(QString::fromUtf8(g.err).contains(QString::number(j["records"].get<int>())));

    // A record broken in the middle is reported with its line and still counted; --strict fails.
    QFile f(out);
    QVERIFY(f.open(QIODevice::Append));
    f.write("{\"time\": \"2026-11-22T10:00:00Z\", \"operationName\": oops}\n");
    f.close();
    const Run bad = runCli({QStringLiteral("inspect"), out});
    QCOMPARE(bad.exitCode, 0);
    const auto jb = nlohmann::json::parse(bad.out.toStdString());
    QCOMPARE(jb["rejected"].get<int>(), 1);
    QCOMPARE(jb["files"][0]["warnings"][0]["line"].get<int>(), j["records"].get<int>() + 1);
    const Run strict = runCli({QStringLiteral("inspect"), QStringLiteral("--strict"), out});
    QCOMPARE(strict.exitCode, 1);
}

void TestCli::decomposeShape()
{
    const Run r = runCli({QStringLiteral("decompose"), QStringLiteral("--threshold"), QStringLiteral("3"),
        QStringLiteral("--values"), QStringLiteral("100,110,95,105,98,102,97,101,99,103,100,96,104,300")});
    QCOMPARE(r.exitCode, 0);
    const auto j = nlohmann::json::parse(r.out.toStdString());
    QCOMPARE(j["period"].get<int>(), 0);
    QCOMPARE(j["flags"].size(), std::size_t {14});
    QCOMPARE(j["flags"][13].get<int>(), 1);
    QVERIFY(std::abs(j["scores"][13].get<double>() - 5.430269) < 1e-6);
    QVERIFY(std::abs(j["baseline"][13].get<double>() - 151.114286) < 1e-6);
    // Full precision: 17 significant digits, reals always printed as reals.
    QVERIFY(r.out.contains("\"baseline\":[78.885714285714286,"));
    QVERIFY(r.out.contains("\"scores\":[0.0,"));
    QCOMPARE(j["period_source"].get<std::string>(), std::string("none detected"));
    QCOMPARE(j["outliers"]["normalisation"].get<double>(), 2.772605605507915);

    const Run bad = runCli({QStringLiteral("decompose"), QStringLiteral("--values"), QStringLiteral("1,x,3")});
    QCOMPARE(bad.exitCode, 2);
    const Run trend = runCli({QStringLiteral("decompose"), QStringLiteral("--trend"), QStringLiteral("cubic"),
        QStringLiteral("--values"), QStringLiteral("1")});
    QCOMPARE(trend.exitCode, 2);
}

void TestCli::decomposeFromStandardInput()
{
    QProcess p;
    p.start(QStringLiteral(KVT_CLI_PATH),
        {QStringLiteral("decompose"), QStringLiteral("--period"), QStringLiteral("3"), QStringLiteral("--trend"),
            QStringLiteral("none"), QStringLiteral("--values"), QStringLiteral("-")});
    p.write("[1,3,5,2,4,6,1,3,5,2,4,6]");
    p.closeWriteChannel();
    QVERIFY(p.waitForFinished(30000));
    QCOMPARE(p.exitCode(), 0);
    const auto j = nlohmann::json::parse(p.readAllStandardOutput().toStdString());
    QCOMPARE(j["period"].get<int>(), 3);
    QCOMPARE(j["period_source"].get<std::string>(), std::string("forced"));
    QCOMPARE(j["baseline"][0].get<double>(), 1.5);
    QCOMPARE(j["baseline"][2].get<double>(), 5.5);
}

const QString kRuleCase = QStringLiteral(KVT_TEST_DATA "/rules/first-hour-join");

void TestCli::detectGoldenCase()
{
    const Run r
        = runCli({QStringLiteral("detect"), kRuleCase, QStringLiteral("--now"), QStringLiteral("2026-11-23T00:05Z")});
    QCOMPARE(r.exitCode, 0);
    const auto j = nlohmann::json::parse(r.out.toStdString());
    QCOMPARE(j["rule"].get<std::string>(), std::string("sentinel-timeseries"));
    QCOMPARE(j["now"].get<std::string>(), std::string("2026-11-23T00:05:00.0000000Z"));
    QCOMPARE(j["params"]["score-threshold"].get<double>(), 3.0);
    QCOMPARE(j["params"]["allow-appid"][0].get<std::string>(), std::string("509e4652-da8d-478d-a730-e9d4a1996ca4"));
    QCOMPARE(j["input"]["records"].get<int>(), 4788);
    QCOMPARE(j["anomalies"].size(), std::size_t {2});
    const auto &a = j["anomalies"][1];
    QCOMPARE(a["CallerIPAddress"].get<std::string>(), std::string("203.0.113.7"));
    QCOMPARE(a["AnomalyHour"].get<std::string>(), std::string("2026-11-22T00:00:00.0000000Z"));
    QCOMPARE(a["HourlyCount"].get<double>(), 305.0);
    QCOMPARE(a["baseline"].get<int>(), 156);
    QCOMPARE(a["anomalies"].get<double>(), 1.0);
    QCOMPARE(j["alerts"].size(), std::size_t {1});
    const auto &alert = j["alerts"][0];
    for (const char *column : {"Resource", "id_s", "clientInfo_s", "LatestAnomalyTime", "EventCount",
             "OperationNameList", "RequestURLList", "AccountList", "AccountMax", "CallerIPAddress", "timestamp"})
        QVERIFY2(alert.contains(column), column);
    QCOMPARE(alert["EventCount"].get<int>(), 2);
    QCOMPARE(alert["entities"][0]["Name"].get<std::string>(), alert["AccountMax"].get<std::string>());
    QCOMPARE(alert["entities"][1]["Address"].get<std::string>(), std::string("203.0.113.7"));
    QCOMPARE(j["outcomes"][0]["silenced"].get<bool>(), true);

    // The default now evaluates the last complete day of the data, and is printed.
    const Run d = runCli({QStringLiteral("detect"), kRuleCase});
    QCOMPARE(nlohmann::json::parse(d.out.toStdString())["now"].get<std::string>(),
        std::string("2026-11-23T00:05:00.0000000Z"));
}

void TestCli::detectCsvAndParamsFile()
{
    QTemporaryDir dir;
    QFile params(dir.filePath(QStringLiteral("params.json")));
    QVERIFY(params.open(QIODevice::WriteOnly));
    params.write(R"({"now": "2026-11-23T00:05Z", "drilldown": "full-bin", "score-threshold": 2.5})");
    params.close();
    const Run r = runCli({QStringLiteral("detect"), kRuleCase, QStringLiteral("--params"), params.fileName(),
        QStringLiteral("--score-threshold"), QStringLiteral("3"), QStringLiteral("--format"), QStringLiteral("csv")});
    QCOMPARE(r.exitCode, 0);
    const QList<QByteArray> lines = r.out.split('\n');
    QCOMPARE(lines[0].trimmed(),
        QByteArray("Resource,id_s,clientInfo_s,LatestAnomalyTime,EventCount,OperationNameList,"
                   "RequestURLList,AccountList,AccountMax,CallerIPAddress,timestamp"));
    QCOMPARE(lines.size(), 1 + 4 + 1); // header, the four full-bin alerts, final empty line
    QVERIFY(lines[1].contains("\"[\"\"SecretGet\"\"]\""));
    const Run j = runCli({QStringLiteral("detect"), kRuleCase, QStringLiteral("--params"), params.fileName()});
    const auto json = nlohmann::json::parse(j.out.toStdString());
    QCOMPARE(json["params"]["score-threshold"].get<double>(), 2.5); // the file's value when the command line is silent
    QCOMPARE(json["params"]["drilldown"].get<std::string>(), std::string("full-bin"));
}

void TestCli::seriesShape()
{
    const Run r
        = runCli({QStringLiteral("series"), kRuleCase, QStringLiteral("--now"), QStringLiteral("2026-11-23T00:05Z")});
    QCOMPARE(r.exitCode, 0);
    const auto j = nlohmann::json::parse(r.out.toStdString());
    QCOMPARE(j["bins"].size(), std::size_t {14});
    QCOMPARE(j["bins"][0].get<std::string>(), std::string("2026-11-09T00:00:00.0000000Z"));
    QCOMPARE(j["series"].size(), std::size_t {3});
    const auto &s = j["series"][2];
    QCOMPARE(s["key"].get<std::string>(), std::string("203.0.113.7"));
    QCOMPARE(s["counts"][0].get<int>(), 105);
    QCOMPARE(s["counts"][13].get<int>(), 305);
    QVERIFY(std::abs(s["baseline"][13].get<double>() - 156.114286) < 1e-6); // real, before the truncation
    QCOMPARE(s["flags"][13].get<int>(), 1);
    QCOMPARE(s["period"].get<int>(), 0);
}

void TestCli::ruleUsageErrors_data()
{
    QTest::addColumn<QStringList>("args");
    QTest::addColumn<QString>("stderrPart");
    QTest::newRow("bad bin") << QStringList {"detect", "x", "--bin", "fortnight"} << "--bin";
    QTest::newRow("bad trend") << QStringList {"series", "x", "--trend", "cubic"} << "--trend";
    QTest::newRow("bad key") << QStringList {"detect", "x", "--series-key", "UserAgent"} << "--series-key";
    QTest::newRow("bad drilldown") << QStringList {"detect", "x", "--drilldown", "some"} << "--drilldown";
    QTest::newRow("bad format") << QStringList {"detect", "x", "--format", "xml"} << "--format";
    QTest::newRow("no input") << QStringList {"detect"} << "at least one input";
    QTest::newRow("lookback out of range")
        << QStringList {"detect", "x", "--lookback-days", "0"} << "--lookback-days: 0 is outside 1..3650";
    QTest::newRow("burst option range") << QStringList {"detect", "x", "--rule", "elastic-burst", "--min-actions", "-1"}
                                        << "--min-actions: -1 is outside";
    QTest::newRow("series csv") << QStringList {"series", "x", "--format", "csv"} << "--format: 'csv' is not json";
    QTest::newRow("backtest run-at") << QStringList {"backtest", "x", "--run-at", "25:00"} << "--run-at";
    QTest::newRow("backtest compare file") << QStringList {"backtest", "x", "--compare", "/no/such.json"}
                                           << "--compare: /no/such.json is not a readable JSON object";
}

void TestCli::ruleUsageErrors()
{
    QFETCH(QStringList, args);
    QFETCH(QString, stderrPart);
    const Run r = runCli(args);
    QCOMPARE(r.exitCode, 2);
    QVERIFY2(QString::fromUtf8(r.err).contains(stderrPart), r.err.constData());
}

void TestCli::detectElasticBurst()
{
    QTemporaryDir dir;
    const QString out = dir.filePath(QStringLiteral("g.jsonl"));
    QCOMPARE(runCli({QStringLiteral("generate"), QStringLiteral("--output"), out, QStringLiteral("--days"),
                        QStringLiteral("2"), QStringLiteral("--keys"), QStringLiteral("30"), QStringLiteral("--seed"),
                        QStringLiteral("5")})
                 .exitCode,
        0);
    const Run r = runCli({QStringLiteral("detect"), QStringLiteral("--rule"), QStringLiteral("elastic-burst"), out});
    QCOMPARE(r.exitCode, 0);
    const auto j = nlohmann::json::parse(r.out.toStdString());
    QCOMPARE(j["rule"].get<std::string>(), std::string("elastic-burst"));
    QCOMPARE(j["params"]["min-actions"].get<int>(), 5);
    QCOMPARE(j["params"]["operations"].size(), std::size_t {20});
    QVERIFY(j["anomalies"].empty());
    QVERIFY(!j["alerts"].empty()); // the injected new caller reads secrets in bulk under a UPN
    for (const auto &a : j["alerts"]) {
        for (const char *column : {"time_window", "azure.platformlogs.identity.claim.upn", "actor_name", "action_count",
                 "distinct_actions", "source_ip", "vault_names", "resource_group", "resource_ids", "subscription_id",
                 "result_type", "agent_name"})
            QVERIFY2(a.contains(column), column);
        QVERIFY(a["action_count"].get<int>() >= 5);
        QVERIFY(a["distinct_actions"].get<int>() >= 2);
    }
    QVERIFY(j["blind_spot"]["records_without_identity"].get<int>() > 0);
    // Newest window first.
    for (std::size_t i = 1; i < j["alerts"].size(); ++i)
        QVERIFY(
            j["alerts"][i - 1]["time_window"].get<std::string>() >= j["alerts"][i]["time_window"].get<std::string>());

    const Run csv = runCli({QStringLiteral("detect"), QStringLiteral("--rule"), QStringLiteral("elastic-burst"),
        QStringLiteral("--group-by"), QStringLiteral("ip"), QStringLiteral("--format"), QStringLiteral("csv"), out});
    QCOMPARE(csv.exitCode, 0);
    QVERIFY(csv.out.startsWith("time_window,source.ip,actor_name"));
    const Run bad = runCli({QStringLiteral("detect"), QStringLiteral("--rule"), QStringLiteral("elastic-burst"),
        QStringLiteral("--group-by"), QStringLiteral("tenant"), out});
    QCOMPARE(bad.exitCode, 2);
}

void TestCli::helpOfEveryCommand_data()
{
    QTest::addColumn<QString>("command");
    QTest::addColumn<QStringList>("mentions");
    QTest::newRow("inspect") << "inspect" << QStringList {"--view", "--input-format"};
    QTest::newRow("generate") << "generate" << QStringList {"--output-format", "--seed"};
    QTest::newRow("decompose") << "decompose" << QStringList {"--values", "--period"};
    QTest::newRow("bench") << "bench" << QStringList {"--repetitions"};
    QTest::newRow("series") << "series" << QStringList {"--score-threshold", "--claim-backfill", "--params"};
    QTest::newRow("detect") << "detect" << QStringList {"--rule", "--format", "--min-distinct-actions", "--sliding"};
    QTest::newRow("records") << "records" << QStringList {"--key", "--joined", "--raw", "--drilldown"};
    QTest::newRow("backtest") << "backtest" << QStringList {"--from", "--run-at", "--compare", "--min-actions"};
}

// spec/cli.md: every command answers --help on standard output with exit 0.
void TestCli::helpOfEveryCommand()
{
    QFETCH(QString, command);
    QFETCH(QStringList, mentions);
    const Run r = runCli({command, QStringLiteral("--help")});
    QCOMPARE(r.exitCode, 0);
    QVERIFY(r.err.isEmpty());
    QVERIFY(r.out.startsWith("usage: kvtriage-cli " + command.toUtf8()));
    for (const QString &m : mentions)
        QVERIFY2(r.out.contains(m.toUtf8()), qPrintable(m));
    if (command == QLatin1String("detect")) {
        // Every row of both parameter tables, with its default.
        for (const char *o : {"--now", "--lookback-days", "--bin", "--baseline-threshold", "--allow-appid",
                 "--operations", "--alert-window", "--seasonality", "--trend", "--method", "--series-key", "--window",
                 "--min-actions", "--group-by"})
            QVERIFY2(r.out.contains(QByteArray(o) + ' ') || r.out.contains(QByteArray(o) + '\n'), o);
        QVERIFY(r.out.contains("default: 509e4652-da8d-478d-a730-e9d4a1996ca4"));
    }
    QCOMPARE(runCli({QStringLiteral("--help")}).exitCode, 0);
}

// The params echo is a --params file that reproduces the run.
void TestCli::paramsEchoFeedsBack()
{
    const QStringList options {QStringLiteral("--bin"), QStringLiteral("12h"), QStringLiteral("--allow-appid"),
        QStringLiteral("none"), QStringLiteral("--operations"), QStringLiteral("SecretGet,KeyGet"),
        QStringLiteral("--drilldown"), QStringLiteral("full-bin"), QStringLiteral("--score-threshold"),
        QStringLiteral("2.25")};
    const Run first = runCli(QStringList {QStringLiteral("detect"), kRuleCase} + options);
    QCOMPARE(first.exitCode, 0);
    const auto j = nlohmann::json::parse(first.out.toStdString());
    QCOMPARE(j["params"]["bin"].get<std::string>(), std::string("12h"));
    QVERIFY(j["params"]["allow-appid"].empty());
    QTemporaryDir dir;
    QFile params(dir.filePath(QStringLiteral("echo.json")));
    QVERIFY(params.open(QIODevice::WriteOnly));
    params.write(j["params"].dump().c_str());
    params.close();
    const Run again = runCli({QStringLiteral("detect"), kRuleCase, QStringLiteral("--params"), params.fileName()});
    QCOMPARE(again.exitCode, 0);
    QCOMPARE(again.out, first.out);
}

void TestCli::paramsFileErrors_data()
{
    QTest::addColumn<QByteArray>("content");
    QTest::addColumn<QString>("stderrPart");
    QTest::newRow("unknown key") << QByteArray(R"({"score_threshold": 2})") << "unknown key 'score_threshold'";
    QTest::newRow("out of range") << QByteArray(R"({"lookback-days": 0})") << "--lookback-days: 0 is outside 1..3650";
    QTest::newRow("bad choice") << QByteArray(R"({"trend": "cubic"})") << "--trend: 'cubic'";
    QTest::newRow("empty operations") << QByteArray(R"({"operations": []})") << "--operations";
    QTest::newRow("not an object") << QByteArray("[1]") << "not a readable JSON object";
}

void TestCli::paramsFileErrors()
{
    QFETCH(QByteArray, content);
    QFETCH(QString, stderrPart);
    QTemporaryDir dir;
    QFile params(dir.filePath(QStringLiteral("p.json")));
    QVERIFY(params.open(QIODevice::WriteOnly));
    params.write(content);
    params.close();
    const Run r = runCli({QStringLiteral("detect"), kRuleCase, QStringLiteral("--params"), params.fileName()});
    QCOMPARE(r.exitCode, 2);
    QVERIFY2(QString::fromUtf8(r.err).contains(stderrPart), r.err.constData());
}

void TestCli::goldenDocuments_data()
{
    QTest::addColumn<QString>("expected");
    QTest::addColumn<QStringList>("args");
    QFile cases(QStringLiteral(KVT_TEST_DATA "/documents/cases.txt"));
    QVERIFY(cases.open(QIODevice::ReadOnly | QIODevice::Text));
    while (!cases.atEnd()) {
        const QString line = QString::fromUtf8(cases.readLine()).trimmed();
        if (line.isEmpty() || line.startsWith(QLatin1Char('#')))
            continue;
        const QStringList parts = line.split(QLatin1Char('\t'));
        QString args = parts.value(1);
        args.replace(QStringLiteral("$DEMO"), QStringLiteral("resources/demo/keyvault-audit-demo.jsonl.gz"));
        args.replace(QStringLiteral("$RULES"), QStringLiteral("tests/data/rules"));
        QTest::newRow(qPrintable(parts[0])) << parts[0] << args.split(QLatin1Char(' '), Qt::SkipEmptyParts);
    }
}

// The documents built in engine/report are byte-identical to the CLI's output before they moved there.
void TestCli::goldenDocuments()
{
    QFETCH(QString, expected);
    QFETCH(QStringList, args);
    QFile file(QStringLiteral(KVT_TEST_DATA "/documents/") + expected);
    QVERIFY(file.open(QIODevice::ReadOnly));
    const Run r = runCli(args, QStringLiteral(KVT_SOURCE_DIR));
    QCOMPARE(r.exitCode, 0);
    const QByteArray want = file.readAll();
    if (r.out != want) {
        qsizetype at = 0;
        while (at < r.out.size() && at < want.size() && r.out[at] == want[at])
            ++at;
        QFAIL(qPrintable(QStringLiteral("first difference at byte %1: got '%2', want '%3'")
                             .arg(at)
                             .arg(QString::fromUtf8(r.out.mid(at, 80)), QString::fromUtf8(want.mid(at, 80)))));
    }
}

// `records --bin`: what make-series counted for the key in that bin, each record with its source line.
void TestCli::recordsOfAPoint()
{
    const QStringList point {QStringLiteral("records"), kRuleCase, QStringLiteral("--key"),
        QStringLiteral("203.0.113.7"), QStringLiteral("--bin"), QStringLiteral("2026-11-22")};
    const Run r = runCli(point);
    QCOMPARE(r.exitCode, 0);
    const auto j = nlohmann::json::parse(r.out.toStdString());
    QCOMPARE(j["key"].get<std::string>(), std::string("203.0.113.7"));
    QCOMPARE(j["bin"].get<std::string>(), std::string("2026-11-22T00:00:00.0000000Z"));
    QCOMPARE(j["count"].get<int>(), 305); // the series count of that bin (seriesShape)
    QCOMPARE(j["records"].size(), std::size_t {305});
    const auto &rec = j["records"][0];
    for (const char *field : {"TimeGenerated", "OperationName", "CallerIPAddress", "Resource", "ResultType", "id_s",
             "identity_claim_appid_g", "DurationMs", "httpStatusCode_d"})
        QVERIFY2(rec.contains(field), field);
    QCOMPARE(rec["CallerIPAddress"].get<std::string>(), std::string("203.0.113.7"));
    QVERIFY(rec["source"]["file"].get<std::string>().find("input.jsonl.gz") != std::string::npos);
    QVERIFY(rec["source"]["line"].get<int>() >= 1);
    QVERIFY(!rec.contains("raw"));

    // The line names the record: its raw text holds its own time.
    const Run raw
        = runCli(point + QStringList {QStringLiteral("--raw"), QStringLiteral("--format"), QStringLiteral("jsonl")});
    QCOMPARE(raw.exitCode, 0);
    const QList<QByteArray> lines = raw.out.trimmed().split('\n');
    QCOMPARE(lines.size(), 305);
    const auto first = nlohmann::json::parse(lines[0].toStdString());
    const auto original = nlohmann::json::parse(first["raw"].get<std::string>());
    QVERIFY(original.is_object());

    const Run csv = runCli(point + QStringList {QStringLiteral("--format"), QStringLiteral("csv")});
    QCOMPARE(csv.exitCode, 0);
    QVERIFY(csv.out.startsWith("TimeGenerated,OperationName,"));
    QCOMPARE(csv.out.count("\r\n"), 1 + 305);
    QVERIFY(csv.out.left(csv.out.indexOf('\r')).endsWith("source_file,source_line"));

    // A duration given to --bin stays the rule's step; the date-time names the bin.
    const Run hourly = runCli({QStringLiteral("records"), kRuleCase, QStringLiteral("--key"),
        QStringLiteral("203.0.113.7"), QStringLiteral("--bin"), QStringLiteral("1h"), QStringLiteral("--bin"),
        QStringLiteral("2026-11-22T00:00Z"), QStringLiteral("--lookback-days"), QStringLiteral("2")});
    QCOMPARE(hourly.exitCode, 0);
    const auto h = nlohmann::json::parse(hourly.out.toStdString());
    QVERIFY(h["count"].get<int>() > 0);
    QVERIFY(h["count"].get<int>() < 305);
}

// `records --joined`: what the join attached to the key's alerts, as many as the alerts count.
void TestCli::recordsJoined()
{
    const Run detect = runCli({QStringLiteral("detect"), kRuleCase});
    const auto d = nlohmann::json::parse(detect.out.toStdString());
    for (const char *drilldown : {"faithful", "full-bin"}) {
        const Run det = runCli(
            {QStringLiteral("detect"), kRuleCase, QStringLiteral("--drilldown"), QString::fromLatin1(drilldown)});
        int alerted = 0;
        const auto dj = nlohmann::json::parse(det.out.toStdString());
        for (const auto &a : dj["alerts"])
            if (a["CallerIPAddress"] == "203.0.113.7")
                alerted += a["records"].get<int>();
        const Run r
            = runCli({QStringLiteral("records"), kRuleCase, QStringLiteral("--key"), QStringLiteral("203.0.113.7"),
                QStringLiteral("--joined"), QStringLiteral("--drilldown"), QString::fromLatin1(drilldown)});
        QCOMPARE(r.exitCode, 0);
        const auto j = nlohmann::json::parse(r.out.toStdString());
        QCOMPARE(j["drilldown"].get<std::string>(), std::string(drilldown));
        QVERIFY(j["bin"].is_null());
        QCOMPARE(j["count"].get<int>(), alerted);
        QVERIFY(alerted > 0);
    }
    QCOMPARE(d["outcomes"][1]["records_joined"].get<int>(), 40);
}

// --preset published: the merged rule's Esql.* names and event_count >= 10; explicit options win.
void TestCli::elasticPresets()
{
    QTemporaryDir dir;
    const QString out = dir.filePath(QStringLiteral("g.jsonl"));
    QCOMPARE(runCli({QStringLiteral("generate"), QStringLiteral("--output"), out, QStringLiteral("--days"),
                        QStringLiteral("2"), QStringLiteral("--keys"), QStringLiteral("30"), QStringLiteral("--seed"),
                        QStringLiteral("5")})
                 .exitCode,
        0);
    const QStringList burst {QStringLiteral("detect"), QStringLiteral("--rule"), QStringLiteral("elastic-burst"), out};
    const Run published = runCli(burst + QStringList {QStringLiteral("--preset"), QStringLiteral("published")});
    QCOMPARE(published.exitCode, 0);
    const auto p = nlohmann::json::parse(published.out.toStdString());
    QCOMPARE(p["params"]["preset"].get<std::string>(), std::string("published"));
    QCOMPARE(p["params"]["min-actions"].get<int>(), 10);
    for (const auto &a : p["alerts"]) {
        QVERIFY(a["Esql.event_count"].get<int>() >= 10);
        QVERIFY(a.contains("Esql.time_window_date_trunc"));
        QVERIFY(a.contains("Esql.azure_platformlogs_identity_claim_upn_count_distinct"));
        QVERIFY(!a.contains("azure.platformlogs.identity.claim.upn")); // the published keep drops the BY column
    }
    const Run lower = runCli(burst
        + QStringList {QStringLiteral("--preset"), QStringLiteral("published"), QStringLiteral("--min-actions"),
            QStringLiteral("5"), QStringLiteral("--format"), QStringLiteral("csv")});
    QCOMPARE(lower.exitCode, 0);
    QVERIFY(
        lower.out.startsWith("Esql.time_window_date_trunc,Esql_priv.azure_platformlogs_identity_claim_upn_values,"));
    const Run proposed = runCli(burst + QStringList {QStringLiteral("--format"), QStringLiteral("csv")});
    QCOMPARE(lower.out.count('\n'), proposed.out.count('\n')); // the same windows, under other names

    // A --params file's explicit value overrides the command line's preset too.
    QFile params(dir.filePath(QStringLiteral("p.json")));
    QVERIFY(params.open(QIODevice::WriteOnly));
    params.write(R"({"rule": "elastic-burst", "min-actions": 3})");
    params.close();
    const Run mixed = runCli({QStringLiteral("detect"), out, QStringLiteral("--params"), params.fileName(),
        QStringLiteral("--preset"), QStringLiteral("published")});
    QCOMPARE(mixed.exitCode, 0);
    QCOMPARE(nlohmann::json::parse(mixed.out.toStdString())["params"]["min-actions"].get<int>(), 3);
    const Run bad = runCli(burst + QStringList {QStringLiteral("--preset"), QStringLiteral("draft")});
    QCOMPARE(bad.exitCode, 2);
    QVERIFY(bad.err.contains("--preset: 'draft' is not proposed or published"));
}

void TestCli::recordsUsage_data()
{
    QTest::addColumn<QStringList>("args");
    QTest::addColumn<int>("exitCode");
    QTest::addColumn<QString>("stderrPart");
    QTest::newRow("no key") << QStringList {"records", "x", "--joined"} << 2 << "--key";
    QTest::newRow("neither") << QStringList {"records", "x", "--key", "k"} << 2 << "--bin ISO";
    QTest::newRow("both") << QStringList {"records", "x", "--key", "k", "--joined", "--bin", "2026-11-22"} << 2
                          << "either";
    QTest::newRow("bad format") << QStringList {"records", "x", "--key", "k", "--joined", "--format", "xml"} << 2
                                << "--format: 'xml' is not json, csv or jsonl";
    QTest::newRow("not a bin start") << QStringList {"records", KVT_TEST_DATA "/rules/first-hour-join", "--key",
        "203.0.113.7", "--bin", "2026-11-22T05:00Z"}
                                     << 1 << "no bin starts at 2026-11-22T05:00:00.0000000Z";
}

void TestCli::recordsUsage()
{
    QFETCH(QStringList, args);
    QFETCH(int, exitCode);
    QFETCH(QString, stderrPart);
    const Run r = runCli(args);
    QCOMPARE(r.exitCode, exitCode);
    QVERIFY2(QString::fromUtf8(r.err).contains(stderrPart), r.err.constData());
}

// Every run of a backtest, on both sides of an A/B, equals `detect --now` of that day.
void TestCli::backtestEqualsDetectEveryDay()
{
    QTemporaryDir dir;
    const QString data = dir.filePath(QStringLiteral("history.jsonl"));
    QCOMPARE(runCli({QStringLiteral("generate"), QStringLiteral("--output"), data, QStringLiteral("--days"),
                        QStringLiteral("24"), QStringLiteral("--keys"), QStringLiteral("40"), QStringLiteral("--seed"),
                        QStringLiteral("11")})
                 .exitCode,
        0);
    const QString b = dir.filePath(QStringLiteral("b.json"));
    {
        QFile f(b);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(R"({"score-threshold": 1.5, "baseline-threshold": 5, "drilldown": "full-bin"})");
    }
    const Run r = runCli({QStringLiteral("backtest"), data, QStringLiteral("--compare"), b});
    QCOMPARE(r.exitCode, 0);
    const auto j = nlohmann::json::parse(r.out.toStdString());
    QCOMPARE(j["runs"].size(), std::size_t {11}); // 24 days, 14 of look-back: the runs of days 15..25
    QCOMPARE(j["compare"].size(), j["runs"].size());
    QCOMPARE(j["compare_params"]["score-threshold"].get<double>(), 1.5);
    int alertsA = 0, alertsB = 0;
    for (const char *side : {"runs", "compare"}) {
        for (const auto &run : j[side]) {
            QStringList args {QStringLiteral("detect"), data, QStringLiteral("--now"),
                QString::fromStdString(run["now"].get<std::string>())};
            if (std::string(side) == "compare")
                args << QStringLiteral("--params") << b;
            const Run d = runCli(args);
            QCOMPARE(d.exitCode, 0);
            const auto detect = nlohmann::json::parse(d.out.toStdString());
            std::set<std::string> keys;
            for (const auto &a : detect["anomalies"])
                keys.insert(a["CallerIPAddress"].get<std::string>());
            const QByteArray where = QByteArray(side) + " " + QByteArray::fromStdString(run["now"].get<std::string>());
            QVERIFY2(run["alerts"].get<std::size_t>() == detect["alerts"].size(), where);
            QVERIFY2(run["anomalies"].get<std::size_t>() == detect["anomalies"].size(), where);
            QVERIFY2(run["anomalous_keys"].get<std::size_t>() == keys.size(), where);
            QVERIFY2(run["keys"].get<std::vector<std::string>>() == std::vector<std::string>(keys.begin(), keys.end()),
                where);
            (std::string(side) == "runs" ? alertsA : alertsB) += run["alerts"].get<int>();
        }
    }
    QVERIFY(alertsA > 0);
    QVERIFY(alertsB > alertsA); // lower bars and the full bin raise more

    // --from/--to pick days; --run-at moves the run.
    const Run two = runCli({QStringLiteral("backtest"), data, QStringLiteral("--from"), QStringLiteral("2026-11-20"),
        QStringLiteral("--to"), QStringLiteral("2026-11-21"), QStringLiteral("--run-at"), QStringLiteral("06:30")});
    QCOMPARE(two.exitCode, 0);
    const auto t = nlohmann::json::parse(two.out.toStdString());
    QCOMPARE(t["runs"].size(), std::size_t {2});
    QCOMPARE(t["runs"][0]["now"].get<std::string>(), std::string("2026-11-20T06:30:00.0000000Z"));
    QVERIFY(!t.contains("compare"));
}

void TestCli::backtestElasticAndUsage()
{
    QTemporaryDir dir;
    const QString data = dir.filePath(QStringLiteral("g.jsonl"));
    QCOMPARE(runCli({QStringLiteral("generate"), QStringLiteral("--output"), data, QStringLiteral("--days"),
                        QStringLiteral("3"), QStringLiteral("--keys"), QStringLiteral("30"), QStringLiteral("--seed"),
                        QStringLiteral("5")})
                 .exitCode,
        0);
    const Run r = runCli({QStringLiteral("backtest"), QStringLiteral("--rule"), QStringLiteral("elastic-burst"), data,
        QStringLiteral("--from"), QStringLiteral("2026-11-20"), QStringLiteral("--to"), QStringLiteral("2026-11-23")});
    QCOMPARE(r.exitCode, 0);
    const auto j = nlohmann::json::parse(r.out.toStdString());
    QCOMPARE(j["rule"].get<std::string>(), std::string("elastic-burst"));
    const Run d = runCli({QStringLiteral("detect"), QStringLiteral("--rule"), QStringLiteral("elastic-burst"), data});
    const auto detect = nlohmann::json::parse(d.out.toStdString());
    std::size_t total = 0;
    for (const auto &run : j["runs"])
        total += run["alerts"].get<std::size_t>();
    QCOMPARE(total, detect["alerts"].size()); // the four runs cover every window of the three days
    const Run reversed = runCli({QStringLiteral("backtest"), data, QStringLiteral("--from"),
        QStringLiteral("2026-11-23"), QStringLiteral("--to"), QStringLiteral("2026-11-20")});
    QCOMPARE(reversed.exitCode, 2);
    QVERIFY(reversed.err.contains("--from is after --to"));
}

QTEST_GUILESS_MAIN(TestCli)
#include "tst_cli.moc"
