// SPDX-License-Identifier: MIT
// The backtest in the analyst's terms: per-day alerts, gained and lost keys against a pinned A, and
// the keys that changed most first.
#include <QtTest>

#include "model/backtest_summary.h"

using namespace kvt;

namespace {

engine::BacktestRun run(engine::Ticks now, const std::vector<std::string> &alertingIps)
{
    engine::BacktestRun r;
    r.now = now;
    for (const auto &ip : alertingIps) {
        r.alerts.emplace_back().callerIp = ip;
        r.anomalies.push_back({ip, now - engine::kTicksPerDay, 100, 30, 30, 5, 1});
    }
    return r;
}

model::BacktestSide side(std::vector<engine::BacktestRun> runs, std::vector<std::size_t> bursts)
{
    model::BacktestSide s;
    s.sentinel.runs = std::move(runs);
    for (std::size_t i = 0; i < bursts.size(); ++i) {
        engine::BurstBacktestRun b;
        b.now = s.sentinel.runs[i].now;
        b.bursts.resize(bursts[i]);
        s.burst.push_back(b);
    }
    return s;
}

} // namespace

class TestBacktestSummary : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void alone();
    void againstPinnedA();
};

void TestBacktestSummary::alone()
{
    const engine::Ticks d = *engine::parseIsoDateTime("2026-11-20T00:05Z");
    model::BacktestOutcome o;
    o.current = side({run(d, {"10.0.0.1", "10.0.0.1", "10.0.0.2"}), run(d + engine::kTicksPerDay, {}),
                         run(d + 2 * engine::kTicksPerDay, {"10.0.0.2"})},
        {4, 0, 1});
    const model::BacktestSummary s = model::summarizeBacktest(o);
    QVERIFY(!s.compared);
    QCOMPARE(s.days.size(), std::size_t {3});
    QCOMPARE(s.days[0].alerts, 3);
    QCOMPARE(s.days[0].anomalies, 3);
    QCOMPARE(s.days[0].bursts, 4);
    QCOMPARE(s.days[0].alertingKeys, (std::vector<std::string> {"10.0.0.1", "10.0.0.2"}));
    QCOMPARE(s.days[0].alertsA, -1);
    QCOMPARE(s.alerts, 4);
    QCOMPARE(s.bursts, 5);
    QCOMPARE(s.alertingDays, 2);
    QCOMPARE(s.keys.size(), std::size_t {2});
    // Ties on alerts (two each) keep key order; 10.0.0.2 alerted on two days, last on the third run.
    QCOMPARE(s.keys[0].key, std::string("10.0.0.1"));
    QCOMPARE(s.keys[0].days, 1);
    QCOMPARE(s.keys[1].days, 2);
    QCOMPARE(s.keys[1].lastAlertNow, d + 2 * engine::kTicksPerDay);
}

void TestBacktestSummary::againstPinnedA()
{
    const engine::Ticks d = *engine::parseIsoDateTime("2026-11-20T00:05Z");
    model::BacktestOutcome o;
    o.pinned = side({run(d, {"10.0.0.1"}), run(d + engine::kTicksPerDay, {"10.0.0.3"})}, {1, 1});
    o.current = side({run(d, {"10.0.0.1", "10.0.0.2", "10.0.0.2"}), run(d + engine::kTicksPerDay, {})}, {1, 2});
    const model::BacktestSummary s = model::summarizeBacktest(o);
    QVERIFY(s.compared);
    QCOMPARE(s.alerts, 3);
    QCOMPARE(s.alertsA, 2);
    QCOMPARE(s.bursts, 3);
    QCOMPARE(s.burstsA, 2);
    QCOMPARE(s.days[0].gained, (std::vector<std::string> {"10.0.0.2"}));
    QVERIFY(s.days[0].lost.empty());
    QVERIFY(s.days[1].gained.empty());
    QCOMPARE(s.days[1].lost, (std::vector<std::string> {"10.0.0.3"}));
    QCOMPARE(s.days[1].alertsA, 1);
    // The greatest change first: .2 gained two alerts, .3 lost one, .1 did not change.
    QCOMPARE(s.keys.size(), std::size_t {3});
    QCOMPARE(s.keys[0].key, std::string("10.0.0.2"));
    QCOMPARE(s.keys[0].alertsA, 0);
    QCOMPARE(s.keys[1].key, std::string("10.0.0.3"));
    QCOMPARE(s.keys[1].alerts, 0);
    QCOMPARE(s.keys[1].lastAlertNow, d + engine::kTicksPerDay); // A's last alert when B has none
    QCOMPARE(s.keys[2].key, std::string("10.0.0.1"));
}

QTEST_APPLESS_MAIN(TestBacktestSummary)
#include "tst_backtest_summary.moc"
