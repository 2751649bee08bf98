// SPDX-License-Identifier: MIT
#include <QtTest>

#include "engine/ingest/loader.h"
#include "engine/rules/rule_parameters.h"
#include "model/tuning_summary.h"

using namespace kvt;

namespace {

using Keys = std::vector<std::string>;

Keys keysOf(const QStringList &list)
{
    Keys out;
    for (const QString &s : list)
        out.push_back(s.toStdString());
    return out;
}

QStringList listOf(const Keys &keys)
{
    QStringList out;
    for (const auto &k : keys)
        out.append(QString::fromStdString(k));
    return out;
}

model::ResultsFigures figures(std::size_t alerts, const QStringList &keys)
{
    return {alerts, keysOf(keys), std::nullopt};
}

std::shared_ptr<const engine::Dataset> loadCase()
{
    const std::string path = KVT_TEST_DATA "/rules/first-hour-join/input.jsonl.gz";
    return engine::loadInputs({path}, engine::LoadOptions {}).dataset;
}

// The case's documented run: 2026-11-23T00:05Z evaluates 2026-11-22 (tests/data/rules/first-hour-join).
constexpr auto kCaseNow = "2026-11-23T00:05:00Z";

} // namespace

class TestTuningSummary : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void compareFigures_data();
    void compareFigures();
    void describeDelta_data();
    void describeDelta();
    void figuresOfTheFirstHourJoinCase_data();
    void figuresOfTheFirstHourJoinCase();
    void sentinelChangesFromDeployed_data();
    void sentinelChangesFromDeployed();
    void elasticChangesFromDeployed_data();
    void elasticChangesFromDeployed();
    void wellKnownAppNames_data();
    void wellKnownAppNames();
    void sliderSpan_data();
    void sliderSpan();
};

void TestTuningSummary::compareFigures_data()
{
    QTest::addColumn<bool>("hasBefore");
    QTest::addColumn<QStringList>("before");
    QTest::addColumn<QStringList>("after");
    QTest::addColumn<QStringList>("gained");
    QTest::addColumn<QStringList>("lost");
    const QString a = QStringLiteral("10.0.0.1"), b = QStringLiteral("10.0.0.2"), c = QStringLiteral("192.0.2.20");
    QTest::newRow("first results: nothing gained or lost")
        << false << QStringList() << QStringList {a, b} << QStringList() << QStringList();
    QTest::newRow("unchanged") << true << QStringList {a, b} << QStringList {a, b} << QStringList() << QStringList();
    QTest::newRow("one gained") << true << QStringList {a} << QStringList {a, c} << QStringList {c} << QStringList();
    QTest::newRow("one lost") << true << QStringList {a, b} << QStringList {b} << QStringList() << QStringList {a};
    QTest::newRow("swapped") << true << QStringList {a} << QStringList {b} << QStringList {b} << QStringList {a};
    QTest::newRow("all lost") << true << QStringList {a, b, c} << QStringList() << QStringList()
                              << QStringList {a, b, c};
}

void TestTuningSummary::compareFigures()
{
    QFETCH(bool, hasBefore);
    QFETCH(QStringList, before);
    QFETCH(QStringList, after);
    QFETCH(QStringList, gained);
    QFETCH(QStringList, lost);
    const auto previous = hasBefore ? std::optional(figures(before.size(), before)) : std::nullopt;
    const model::TuningDelta d = model::compareFigures(previous, figures(after.size(), after));
    QCOMPARE(d.before.has_value(), hasBefore);
    QCOMPARE(listOf(d.after.anomalousKeys), after);
    QCOMPARE(listOf(d.gained), gained);
    QCOMPARE(listOf(d.lost), lost);
}

void TestTuningSummary::describeDelta_data()
{
    QTest::addColumn<bool>("hasBefore");
    QTest::addColumn<int>("alertsBefore");
    QTest::addColumn<QStringList>("before");
    QTest::addColumn<int>("alertsAfter");
    QTest::addColumn<QStringList>("after");
    QTest::addColumn<QString>("text");
    const QStringList many {
        QStringLiteral("10.0.0.1"), QStringLiteral("10.0.0.2"), QStringLiteral("10.0.0.3"), QStringLiteral("10.0.0.4")};
    QTest::newRow("first results: totals only")
        << false << 0 << QStringList() << 3 << QStringList {QStringLiteral("10.0.0.1")}
        << QStringLiteral("Alerts 3 · anomalous keys 1");
    QTest::newRow("a key lost") << true << 1 << QStringList {QStringLiteral("203.0.113.7")} << 0 << QStringList()
                                << QStringLiteral(
                                       "Alerts 1 → 0 · anomalous keys 1 → 0 · keys gained: none · lost: 203.0.113.7");
    QTest::newRow("more alerts, same keys")
        << true << 1 << QStringList {QStringLiteral("10.0.0.1")} << 3 << QStringList {QStringLiteral("10.0.0.1")}
        << QStringLiteral("Alerts 1 → 3 · anomalous keys 1 · keys gained: none · lost: none");
    QTest::newRow("long lists are cut after two")
        << true << 0 << QStringList() << 4 << many
        << QStringLiteral("Alerts 0 → 4 · anomalous keys 0 → 4 · keys gained: 10.0.0.1, 10.0.0.2 +2 more · lost: none");
}

void TestTuningSummary::describeDelta()
{
    QFETCH(bool, hasBefore);
    QFETCH(int, alertsBefore);
    QFETCH(QStringList, before);
    QFETCH(int, alertsAfter);
    QFETCH(QStringList, after);
    QFETCH(QString, text);
    const auto previous = hasBefore ? std::optional(figures(std::size_t(alertsBefore), before)) : std::nullopt;
    QCOMPARE(model::describeDelta(model::compareFigures(previous, figures(std::size_t(alertsAfter), after)), 2), text);
}

void TestTuningSummary::figuresOfTheFirstHourJoinCase_data()
{
    QTest::addColumn<QString>("drilldown");
    QTest::addColumn<int>("alerts");
    QTest::addColumn<QStringList>("anomalous");
    // README of the case: faithful joins only 00:00-01:00 (one row for 203.0.113.7; 192.0.2.20 is
    // silenced); full-bin gives 203.0.113.7 three rows and 192.0.2.20 one.
    QTest::newRow("faithful") << QStringLiteral("faithful") << 1 << QStringList {QStringLiteral("203.0.113.7")};
    QTest::newRow("full-bin") << QStringLiteral("full-bin") << 4
                              << QStringList {QStringLiteral("192.0.2.20"), QStringLiteral("203.0.113.7")};
}

void TestTuningSummary::figuresOfTheFirstHourJoinCase()
{
    QFETCH(QString, drilldown);
    QFETCH(int, alerts);
    QFETCH(QStringList, anomalous);
    const auto data = loadCase();
    QVERIFY(data && !data->empty());
    engine::SentinelParams p;
    QVERIFY(engine::applyParam(p, "now", std::vector<std::string> {kCaseNow}).empty());
    QVERIFY(engine::applyParam(p, "drilldown", std::vector<std::string> {drilldown.toStdString()}).empty());
    const engine::SentinelResult result = engine::SentinelRule(data).run(p);
    const engine::ElasticBurstResult burst = engine::runElasticBurst(*data, engine::ElasticBurstParams {});
    const model::ResultsFigures f = model::figuresOf(result, &burst);
    QCOMPARE(f.alerts, std::size_t(alerts));
    QCOMPARE(listOf(f.anomalousKeys), anomalous);
    QCOMPARE(f.bursts, std::optional(burst.alerts.size()));
    QVERIFY(!model::figuresOf(result).bursts);
}

void TestTuningSummary::sentinelChangesFromDeployed_data()
{
    QTest::addColumn<QString>("option");
    QTest::addColumn<QString>("value");
    QTest::addColumn<bool>("withData");
    QTest::addColumn<QStringList>("changed");
    QTest::newRow("the deployed rule") << QString() << QString() << true << QStringList();
    QTest::newRow("score threshold") << QStringLiteral("score-threshold") << QStringLiteral("4") << true
                                     << QStringList {QStringLiteral("score-threshold")};
    QTest::newRow("allow-list cleared") << QStringLiteral("allow-appid") << QStringLiteral("none") << true
                                        << QStringList {QStringLiteral("allow-appid")};
    QTest::newRow("bin written another way") << QStringLiteral("bin") << QStringLiteral("24h") << true << QStringList();
    QTest::newRow("now: the scheduled run, spelt out")
        << QStringLiteral("now") << QString::fromLatin1(kCaseNow) << true << QStringList();
    QTest::newRow("now: another day") << QStringLiteral("now") << QStringLiteral("2026-11-20T00:05:00Z") << true
                                      << QStringList {QStringLiteral("now")};
    QTest::newRow("now without data: any instant is a choice")
        << QStringLiteral("now") << QString::fromLatin1(kCaseNow) << false << QStringList {QStringLiteral("now")};
    QTest::newRow("claim back-fill") << QStringLiteral("claim-backfill") << QStringLiteral("true") << true
                                     << QStringList {QStringLiteral("claim-backfill")};
}

void TestTuningSummary::sentinelChangesFromDeployed()
{
    QFETCH(QString, option);
    QFETCH(QString, value);
    QFETCH(bool, withData);
    QFETCH(QStringList, changed);
    const auto data = loadCase();
    QCOMPARE(QString::fromStdString(engine::formatIsoDateTime(engine::defaultNow(*data))),
        QStringLiteral("2026-11-23T00:05:00.0000000Z"));
    engine::SentinelParams p;
    if (!option.isEmpty())
        QVERIFY(engine::applyParam(p, option.toStdString(), std::vector<std::string> {value.toStdString()}).empty());
    QCOMPARE(listOf(model::changedFromDeployed(p, withData ? data.get() : nullptr)), changed);
}

void TestTuningSummary::elasticChangesFromDeployed_data()
{
    QTest::addColumn<QString>("preset");
    QTest::addColumn<int>("minActions");
    QTest::addColumn<QStringList>("changed");
    QTest::newRow("proposed, as proposed") << QStringLiteral("proposed") << 5 << QStringList();
    QTest::newRow("proposed, tuned") << QStringLiteral("proposed") << 10 << QStringList {QStringLiteral("min-actions")};
    // The published rule's 10 is its own default: only the preset differs.
    QTest::newRow("published, as published")
        << QStringLiteral("published") << 10 << QStringList {QStringLiteral("preset")};
    QTest::newRow("published, tuned back to 5")
        << QStringLiteral("published") << 5 << QStringList {QStringLiteral("preset"), QStringLiteral("min-actions")};
}

void TestTuningSummary::elasticChangesFromDeployed()
{
    QFETCH(QString, preset);
    QFETCH(int, minActions);
    QFETCH(QStringList, changed);
    engine::ElasticBurstParams p;
    QVERIFY(engine::applyParam(p, "preset", std::vector<std::string> {preset.toStdString()}).empty());
    p.minActions = minActions;
    QCOMPARE(listOf(model::changedFromDeployed(p)), changed);
}

void TestTuningSummary::wellKnownAppNames_data()
{
    QTest::addColumn<QString>("id");
    QTest::addColumn<QString>("name");
    QTest::newRow("the rule's default") << QStringLiteral("509e4652-da8d-478d-a730-e9d4a1996ca4")
                                        << QStringLiteral("Azure Resource Graph");
    QTest::newRow("upper case, spaces") << QStringLiteral(" 509E4652-DA8D-478D-A730-E9D4A1996CA4 ")
                                        << QStringLiteral("Azure Resource Graph");
    QTest::newRow("Azure CLI") << QStringLiteral("04b07795-8ddb-461a-bbee-02f9e1bf7b46")
                               << QStringLiteral("Microsoft Azure CLI");
    QTest::newRow("unknown") << QStringLiteral("11111111-2222-3333-4444-555555555555") << QString();
}

void TestTuningSummary::wellKnownAppNames()
{
    QFETCH(QString, id);
    QFETCH(QString, name);
    QCOMPARE(model::wellKnownAppName(id), name);
}

void TestTuningSummary::sliderSpan_data()
{
    QTest::addColumn<double>("min");
    QTest::addColumn<double>("max");
    QTest::addColumn<double>("defaultValue");
    QTest::addColumn<double>("high");
    QTest::addColumn<double>("step");
    QTest::addColumn<int>("decimals");
    const double unset = qQNaN();
    QTest::newRow("score threshold: no range, default 3") << unset << unset << 3.0 << 12.0 << 0.1 << 2;
    QTest::newRow("baseline threshold: default 25") << unset << unset << 25.0 << 100.0 << 1.0 << 2;
    QTest::newRow("default 0: span 0..4") << unset << unset << 0.0 << 4.0 << 0.02 << 3;
    QTest::newRow("a range: 1..3650") << 1.0 << 3650.0 << 14.0 << 3650.0 << 20.0 << 2;
}

void TestTuningSummary::sliderSpan()
{
    QFETCH(double, min);
    QFETCH(double, max);
    QFETCH(double, defaultValue);
    QFETCH(double, high);
    QFETCH(double, step);
    QFETCH(int, decimals);
    const auto given = [](double v) { return qIsNaN(v) ? std::nullopt : std::optional(v); };
    const model::SliderSpan s = model::sliderSpan(given(min), given(max), defaultValue);
    QCOMPARE(s.low, qIsNaN(min) ? 0.0 : min);
    QCOMPARE(s.high, high);
    QCOMPARE(s.step, step);
    QCOMPARE(s.decimals, decimals);
    QVERIFY((s.high - s.low) / s.step >= 100);
}

QTEST_GUILESS_MAIN(TestTuningSummary)
#include "tst_tuning_summary.moc"
