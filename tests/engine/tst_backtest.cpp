// SPDX-License-Identifier: MIT
// Every backtest day equals an independent single-day run of the rule (SentinelRule::run with that
// day's `now`, what `detect --now` runs), for the shared-count path and the per-day fallback.
#include <QtTest>

#include "engine/bench/rule_bench.h"
#include "engine/rules/backtest.h"

using namespace kvt::engine;

namespace {

std::shared_ptr<const Dataset> history()
{
    static const auto data = [] {
        GeneratorOptions o;
        o.days = 40;
        o.keys = 60;
        o.records = 120000;
        o.seed = 7;
        return generateDataset(o);
    }();
    return data;
}

bool sameAnomaly(const AnomalyRow &a, const AnomalyRow &b)
{
    return a.key == b.key && a.bin == b.bin && a.count == b.count && a.baseline == b.baseline && a.score == b.score
        && a.flag == b.flag;
}

bool sameAlert(const AlertRow &a, const AlertRow &b)
{
    return a.resource == b.resource && a.idS == b.idS && a.clientInfoS == b.clientInfoS
        && a.latestAnomalyTime == b.latestAnomalyTime && a.eventCount == b.eventCount
        && a.operationNames == b.operationNames && a.requestUrls == b.requestUrls && a.accounts == b.accounts
        && a.accountMax == b.accountMax && a.callerIp == b.callerIp;
}

} // namespace

class TestBacktest : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void everyDayEqualsItsOwnRun_data();
    void everyDayEqualsItsOwnRun();
    void defaultDaysHaveAFullLookback();
    void cancelStopsBetweenDays();
    void burstsPerDayCountWindowStarts();
};

void TestBacktest::everyDayEqualsItsOwnRun_data()
{
    QTest::addColumn<qint64>("bin");
    QTest::addColumn<int>("drilldown");
    QTest::addColumn<int>("seriesKey");
    QTest::addColumn<double>("threshold");
    QTest::addColumn<double>("baseline");
    QTest::addColumn<qint64>("runAt");
    QTest::addColumn<bool>("shared");
    const qint64 fiveMin = 5 * kTicksPerMinute;
    QTest::newRow("deployed") << qint64(kTicksPerDay) << int(Drilldown::Faithful) << int(SeriesKey::CallerIPAddress)
                              << 3.0 << 25.0 << fiveMin << true;
    QTest::newRow("full-bin, low bars") << qint64(kTicksPerDay) << int(Drilldown::FullBin)
                                        << int(SeriesKey::CallerIPAddress) << 1.5 << 0.0 << fiveMin << true;
    QTest::newRow("by vault") << qint64(kTicksPerDay) << int(Drilldown::Faithful) << int(SeriesKey::Resource) << 2.0
                              << 10.0 << fiveMin << true;
    QTest::newRow("hourly bins, noon run")
        << qint64(kTicksPerHour) << int(Drilldown::Faithful) << int(SeriesKey::CallerIPAddress) << 2.5 << 5.0
        << qint64(12 * kTicksPerHour) << true;
    QTest::newRow("7h bins: each day alone") << qint64(7 * kTicksPerHour) << int(Drilldown::FullBin)
                                             << int(SeriesKey::CallerIPAddress) << 2.0 << 5.0 << fiveMin << false;
}

void TestBacktest::everyDayEqualsItsOwnRun()
{
    QFETCH(qint64, bin);
    QFETCH(int, drilldown);
    QFETCH(int, seriesKey);
    QFETCH(double, threshold);
    QFETCH(double, baseline);
    QFETCH(qint64, runAt);
    QFETCH(bool, shared);
    SentinelParams p;
    p.bin = bin;
    p.drilldown = static_cast<Drilldown>(drilldown);
    p.seriesKey = static_cast<SeriesKey>(seriesKey);
    p.scoreThreshold = threshold;
    p.baselineThreshold = baseline;
    if (bin == kTicksPerHour)
        p.lookbackDays = 3; // 72 points, and the hour bins still tile every day
    const auto data = history();
    const BacktestDays days = defaultBacktestDays(*data, p);
    QVERIFY(days.first <= days.last);
    const BacktestResult bt = runBacktest(*data, p, days.first, days.last, runAt);
    QCOMPARE(bt.sharedCounts, shared);
    QCOMPARE(bt.runs.size(), std::size_t((days.last - days.first) / kTicksPerDay + 1));
    std::size_t anomalies = 0, alerts = 0;
    for (const BacktestRun &run : bt.runs) {
        SentinelParams single = p;
        single.now = run.now;
        SentinelRule rule(data); // a fresh rule: nothing cached from another day
        const SentinelResult expected = rule.run(single);
        const QByteArray day = QByteArray::fromStdString(formatIsoDateTime(run.now));
        QVERIFY2(run.axis.from == expected.axis.from && run.axis.bins == expected.axis.bins, day);
        QVERIFY2(run.anomalies.size() == expected.anomalies.size(), day);
        for (std::size_t i = 0; i < run.anomalies.size(); ++i)
            QVERIFY2(sameAnomaly(run.anomalies[i], expected.anomalies[i]), day);
        QVERIFY2(run.alerts.size() == expected.alerts.size(), day);
        for (std::size_t i = 0; i < run.alerts.size(); ++i)
            QVERIFY2(sameAlert(run.alerts[i], expected.alerts[i]), day);
        const auto silenced = std::count_if(
            expected.outcomes.begin(), expected.outcomes.end(), [](const AnomalyOutcome &o) { return o.silenced; });
        QCOMPARE(run.silenced, std::size_t(silenced));
        anomalies += run.anomalies.size();
        alerts += run.alerts.size();
    }
    QVERIFY2(anomalies > 0 && alerts > 0, "the history must make the rule fire for the comparison to mean anything");
}

void TestBacktest::defaultDaysHaveAFullLookback()
{
    SentinelParams p;
    const auto data = history();
    const BacktestDays days = defaultBacktestDays(*data, p);
    QCOMPARE(days.first, startOfDay(data->firstTime()) + 14 * kTicksPerDay);
    QCOMPARE(days.last, startOfDay(data->lastTime()) + kTicksPerDay);
    SentinelParams first = p;
    first.now = days.first + 5 * kTicksPerMinute;
    QCOMPARE(SentinelRule(data).run(first).axis.from, startOfDay(data->firstTime()));
    Dataset empty;
    const BacktestDays none = defaultBacktestDays(empty, p);
    QVERIFY(none.first > none.last);
    QVERIFY(runBacktest(empty, p, none.first, none.last, 0).runs.empty());
}

void TestBacktest::cancelStopsBetweenDays()
{
    SentinelParams p;
    const auto data = history();
    const BacktestDays days = defaultBacktestDays(*data, p);
    std::atomic<bool> cancel {true};
    QVERIFY(runBacktest(*data, p, days.first, days.last, 0, &cancel).runs.empty());
}

void TestBacktest::burstsPerDayCountWindowStarts()
{
    // A run at D 00:05 raises the bursts whose window starts in [D-1 00:05, D 00:05).
    ElasticBurstResult bursts;
    const Ticks day = *parseIsoDateTime("2026-11-20T00:00Z");
    const Ticks runAt = 5 * kTicksPerMinute;
    const Ticks starts[]
        = {day + runAt - 1, day + runAt, day + 23 * kTicksPerHour, day + kTicksPerDay + runAt, day + 5 * kTicksPerDay};
    const char *identities[] = {"a", "b", "b", "c", "d"};
    for (std::size_t i = 0; i < std::size(starts); ++i) {
        BurstRow &row = bursts.alerts.emplace_back();
        row.timeWindow = starts[i];
        row.identity = identities[i];
    }
    const auto runs = burstBacktest(bursts, day, day + 2 * kTicksPerDay, runAt);
    QCOMPARE(runs.size(), std::size_t {3});
    QCOMPARE(runs[0].now, day + runAt);
    QCOMPARE(runs[0].bursts, (std::vector<std::size_t> {0}));
    QCOMPARE(runs[1].bursts, (std::vector<std::size_t> {1, 2}));
    QCOMPARE(runs[1].identities, (std::vector<std::string> {"b"}));
    QCOMPARE(runs[2].bursts, (std::vector<std::size_t> {3}));
    QVERIFY(burstBacktest(bursts, day, day - 1, runAt).empty());
}

QTEST_GUILESS_MAIN(TestBacktest)
#include "tst_backtest.moc"
