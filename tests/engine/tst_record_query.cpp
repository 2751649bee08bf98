// SPDX-License-Identifier: MIT
// The record query against the rule it explains: what make-series counted is exactly the series,
// and what the join attached is exactly what the alerts hold, on the demo data and the rule cases.
#include <QtTest>

#include <map>
#include <set>

#include "engine/ingest/loader.h"
#include "engine/rules/record_query.h"
#include "engine/rules/rule_parameters.h"
#include "engine/rules/sentinel_rule.h"

using namespace kvt::engine;

namespace {

std::shared_ptr<const Dataset> load(const QString &path)
{
    static std::map<QString, std::shared_ptr<const Dataset>> cache;
    auto &d = cache[path];
    if (!d) {
        const LoadResult r = loadInputs({path.toStdString()}, {});
        if (!r.dataset || r.records() == 0)
            qFatal("cannot load %s", qPrintable(path));
        d = r.dataset;
    }
    return d;
}

TextField keyField(const SentinelParams &p)
{
    return p.seriesKey == SeriesKey::Resource ? TextField::Resource : TextField::CallerIPAddress;
}

SentinelParams paramsOf(const QStringList &options)
{
    SentinelParams p;
    for (const QString &o : options) {
        const auto eq = o.indexOf(QLatin1Char('='));
        const std::vector<std::string> value {o.mid(eq + 1).toStdString()};
        const std::string error = applyParam(p, o.left(eq).toStdString(), value);
        if (!error.empty())
            qFatal("%s", error.c_str());
    }
    return p;
}

} // namespace

class TestRecordQuery : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void invariants_data();
    void seriesCountedIsTheSeries();
    void joinedIsWhatTheAlertsHold();
    void joinedIsWhatTheAlertsHold_data() { invariants_data(); }
    void seriesCountedIsTheSeries_data() { invariants_data(); }
    void anyStageFilters();
};

void TestRecordQuery::invariants_data()
{
    QTest::addColumn<QString>("input");
    QTest::addColumn<QStringList>("options");
    const QString demo = QStringLiteral(KVT_SOURCE_DIR "/resources/demo/keyvault-audit-demo.jsonl.gz");
    QTest::newRow("demo") << demo << QStringList {};
    QTest::newRow("demo full-bin") << demo << QStringList {"drilldown=full-bin"};
    QTest::newRow("demo by Resource") << demo << QStringList {"series-key=Resource", "score-threshold=2"};
    QTest::newRow("demo 1h") << demo
                             << QStringList {"bin=1h", "lookback-days=3", "allow-appid=none", "claim-backfill=true"};
    const QString rules = QStringLiteral(KVT_TEST_DATA "/rules");
    for (const QString &c : QDir(rules).entryList(QDir::Dirs | QDir::NoDotAndDotDot)) {
        const QString input = rules + QLatin1Char('/') + c + QStringLiteral("/input.jsonl.gz");
        QTest::newRow(qPrintable(c)) << input << QStringList {};
        QTest::newRow(qPrintable(c + QStringLiteral(" full-bin"))) << input << QStringList {"drilldown=full-bin"};
    }
}

// For every key and bin: the series-counted records number exactly the series count.
void TestRecordQuery::seriesCountedIsTheSeries()
{
    QFETCH(QString, input);
    QFETCH(QStringList, options);
    const auto data = load(input);
    const SentinelParams params = paramsOf(options);
    SentinelRule rule(data);
    const SentinelResult r = rule.run(params);
    QVERIFY(!r.series.empty());

    // One query for every key over the whole axis, then binned here.
    RecordQuery all;
    all.stage = RecordStage::SeriesCounted;
    const auto rows = queryRecords(*data, r.params, r, all);
    QVERIFY(std::is_sorted(rows.begin(), rows.end()));
    std::map<std::pair<std::string, std::int64_t>, double> counted;
    for (const std::size_t row : rows)
        ++counted[{std::string(data->text(keyField(params), row)), r.axis.binOf(data->time(row))}];
    double total = 0;
    for (const auto &s : r.series) {
        for (std::size_t b = 0; b < s.counts.size(); ++b) {
            const auto it = counted.find({s.key, static_cast<std::int64_t>(b)});
            QCOMPARE(it == counted.end() ? 0.0 : it->second, s.counts[b]);
            total += s.counts[b];
        }
    }
    QCOMPARE(static_cast<double>(rows.size()), total);

    // The point query of each anomaly, as the chart click runs it.
    for (const auto &a : r.timeSeriesAlerts) {
        const auto b = static_cast<std::size_t>(r.axis.binOf(a.bin));
        const auto point = queryRecords(*data, r.params, r, seriesPointQuery(r, a.key, b));
        QCOMPARE(static_cast<double>(point.size()), a.count);
        for (const std::size_t row : point)
            QCOMPARE(std::string(data->text(keyField(params), row)), a.key);
    }
}

// For every key with an in-window anomaly: the joined records are the alerts' records of that key.
void TestRecordQuery::joinedIsWhatTheAlertsHold()
{
    QFETCH(QString, input);
    QFETCH(QStringList, options);
    const auto data = load(input);
    const SentinelParams params = paramsOf(options);
    SentinelRule rule(data);
    const SentinelResult r = rule.run(params);
    std::map<std::string, std::set<std::size_t>> alerted; // key -> records of the alerts
    for (const auto &a : r.alerts)
        for (const std::size_t row : a.recordIds)
            alerted[std::string(data->text(keyField(params), row))].insert(row);
    std::set<std::string> keys;
    for (const auto &a : r.anomalies)
        keys.insert(a.key);
    std::size_t joinedTotal = 0;
    for (const auto &key : keys) {
        RecordQuery q;
        q.key = key;
        q.stage = RecordStage::Joined;
        q.drilldown = params.drilldown;
        const auto rows = queryRecords(*data, r.params, r, q);
        const std::set<std::size_t> expected = alerted.count(key) ? alerted.at(key) : std::set<std::size_t> {};
        QCOMPARE(std::set<std::size_t>(rows.begin(), rows.end()), expected);
        std::uint64_t outcomeJoined = 0;
        for (const auto &o : r.outcomes)
            if (o.key == key)
                outcomeJoined += o.recordsJoined;
        QCOMPARE(static_cast<std::uint64_t>(rows.size()), outcomeJoined);
        joinedTotal += rows.size();
    }
    std::size_t alertRecords = 0;
    for (const auto &a : r.alerts)
        alertRecords += a.recordIds.size();
    QCOMPARE(joinedTotal, alertRecords); // each joined record lands in exactly one alert
}

void TestRecordQuery::anyStageFilters()
{
    const auto data = load(QStringLiteral(KVT_TEST_DATA "/rules/first-hour-join/input.jsonl.gz"));
    SentinelRule rule(data);
    const SentinelResult r = rule.run({});
    RecordQuery q;
    QCOMPARE(queryRecords(*data, r.params, r, q).size(), data->size());
    q.from = r.axis.binStart(r.axis.bins - 1);
    q.to = q.from.value() + kTicksPerHour;
    q.operations = {"SecretGet"};
    q.key = "203.0.113.7";
    const auto rows = queryRecords(*data, r.params, r, q);
    QVERIFY(!rows.empty());
    for (const std::size_t row : rows) {
        QVERIFY(data->time(row) >= *q.from && data->time(row) < *q.to);
        QCOMPARE(data->text(TextField::OperationName, row), std::string_view("SecretGet"));
        QCOMPARE(data->text(TextField::CallerIPAddress, row), std::string_view("203.0.113.7"));
    }
    q.key = "198.18.0.1"; // no such caller
    QVERIFY(queryRecords(*data, r.params, r, q).empty());
}

QTEST_APPLESS_MAIN(TestRecordQuery)
#include "tst_record_query.moc"
