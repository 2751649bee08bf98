// SPDX-License-Identifier: MIT
#include <QtTest>

#include "engine/ingest/loader.h"
#include "model/rule_chart_builder.h"
#include "model/text_conversions.h"

using namespace kvt;

namespace {

engine::SentinelResult runCase(const QString &name, engine::Drilldown drilldown = engine::Drilldown::Faithful)
{
    const std::string path = QStringLiteral(KVT_TEST_DATA "/rules/%1/input.jsonl.gz").arg(name).toStdString();
    const auto load = engine::loadInputs({path}, engine::LoadOptions {});
    engine::SentinelParams params;
    params.now = *engine::parseIsoDateTime("2026-11-23T00:05:00Z");
    params.drilldown = drilldown;
    engine::SentinelRule rule(load.dataset);
    return rule.run(params);
}

std::size_t seriesOf(const engine::SentinelResult &r, const std::string &key)
{
    for (std::size_t i = 0; i < r.series.size(); ++i)
        if (r.series[i].key == key)
            return i;
    return r.series.size();
}

} // namespace

class TestRuleChartBuilder : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void markers_data();
    void markers();
    void linesBandsAndTips();
    void scoresOnDemand();
    void decimationKeepsSpikesAndMarkers();
};

void TestRuleChartBuilder::markers_data()
{
    QTest::addColumn<QString>("rulesCase");
    QTest::addColumn<bool>("fullBin");
    QTest::addColumn<QString>("key");
    QTest::addColumn<int>("flag");
    QTest::addColumn<bool>("filled");
    // From the cases' hand derivations (tests/data/rules/*/README.md).
    QTest::newRow("alerted rise") << "first-hour-join" << false << "203.0.113.7" << 1 << true;
    QTest::newRow("dropped by baseline: hollow") << "first-hour-join" << false << "192.0.2.10" << 1 << false;
    QTest::newRow("silenced by the join: hollow") << "first-hour-join" << false << "192.0.2.20" << 1 << false;
    QTest::newRow("full-bin joins it: filled") << "first-hour-join" << true << "192.0.2.20" << 1 << true;
    QTest::newRow("a drop") << "drops-and-splits" << false << "198.51.100.2" << -1 << false;
    QTest::newRow("flag before the window: hollow") << "drops-and-splits" << false << "198.51.100.4" << 1 << false;
}

void TestRuleChartBuilder::markers()
{
    QFETCH(QString, rulesCase);
    QFETCH(bool, fullBin);
    QFETCH(QString, key);
    QFETCH(int, flag);
    QFETCH(bool, filled);
    const auto result = runCase(rulesCase, fullBin ? engine::Drilldown::FullBin : engine::Drilldown::Faithful);
    const std::size_t k = seriesOf(result, key.toStdString());
    QVERIFY(k < result.series.size());
    const model::ChartData d = model::buildRuleChartData(result, {k});
    QVERIFY(!d.markers.isEmpty());
    const auto &m = d.markers.front();
    QCOMPARE(m.flag, flag);
    QCOMPARE(m.alerted, filled);
    QCOMPARE(m.key, key);
    QVERIFY(m.tip.contains(key));
}

void TestRuleChartBuilder::linesBandsAndTips()
{
    const auto result = runCase(QStringLiteral("first-hour-join"));
    const std::size_t k = seriesOf(result, "203.0.113.7");
    const model::ChartData d = model::buildRuleChartData(result, {k, result.series.size() + 5});
    QCOMPARE(d.lines.size(), 1); // the out-of-range index is skipped
    QCOMPARE(d.baselines.size(), 1);
    QVERIFY(d.scores.isEmpty());
    QCOMPARE(d.lines[0].points.size(), 14);
    QCOMPARE(d.lines[0].points.last().y(), 305.0); // what the rule counts, not every record
    QCOMPARE(d.baselines[0].points.last().y(), result.series[k].result.parts.baseline.back());
    QCOMPARE(d.lines[0].tips.size(), 14);
    QVERIFY(d.lines[0].tips.last().contains(QStringLiteral("count 305")));
    QVERIFY(d.lines[0].tips.last().contains(QStringLiteral("as long 156")));
    QCOMPARE(d.bands.size(), 2);
    QCOMPARE(d.bands[1].kind, model::ChartBand::Kind::EvaluatedBin);
    QCOMPARE(d.bands[1].fromMs, model::ticksToMs(*engine::parseIsoDateTime("2026-11-22")));
    QCOMPARE(d.bands[0].fromMs, model::ticksToMs(*engine::parseIsoDateTime("2026-11-21T00:05:00Z")));
    QCOMPARE(d.yTitle, QStringLiteral("records per day"));
    QCOMPARE(qint64(d.lines[0].points.last().x()), model::ticksToMs(*engine::parseIsoDateTime("2026-11-22T12:00:00Z")));
    QCOMPARE(d.stepMs, 86'400'000);
    QVERIFY(d.title.contains(QStringLiteral("caller IP")));
    QVERIFY(d.yMax >= 305);

    const model::ChartData none = model::buildRuleChartData(result, {});
    QVERIFY(none.isEmpty());
    QVERIFY(none.bands.isEmpty());
    QVERIFY(!none.emptyText.isEmpty());
}

void TestRuleChartBuilder::scoresOnDemand()
{
    const auto result = runCase(QStringLiteral("first-hour-join"));
    model::RuleChartOptions options;
    options.showScores = true;
    const model::ChartData d = model::buildRuleChartData(result, {seriesOf(result, "203.0.113.7")}, options);
    QCOMPARE(d.scores.size(), 1);
    QCOMPARE(d.threshold, 3.0);
    QCOMPARE(qRound(d.scoreMax * 1e6), 5430269);
}

void TestRuleChartBuilder::decimationKeepsSpikesAndMarkers()
{
    QList<QPointF> points;
    for (int i = 0; i < 10000; ++i)
        points.append(QPointF(i, i == 7777 ? 1000.0 : double(i % 7)));
    const auto out = model::decimateMinMax(points, 500);
    QVERIFY(out.size() <= 500);
    QVERIFY(std::any_of(out.begin(), out.end(), [](const QPointF &p) { return p.y() == 1000.0; }));
    QVERIFY(std::is_sorted(out.begin(), out.end(), [](const QPointF &a, const QPointF &b) { return a.x() < b.x(); }));
    QCOMPARE(model::decimateMinMax(points.mid(0, 10), 500).size(), 10);

    // A long hourly series: the lines shrink, the markers stay.
    auto result = runCase(QStringLiteral("first-hour-join"));
    model::RuleChartOptions options;
    options.maxPoints = 8;
    const model::ChartData d = model::buildRuleChartData(result, {seriesOf(result, "203.0.113.7")}, options);
    QVERIFY(d.lines[0].points.size() <= 8);
    QVERIFY(d.lines[0].tips.isEmpty());
    QCOMPARE(d.markers.size(), 1);
}

QTEST_GUILESS_MAIN(TestRuleChartBuilder)
#include "tst_rule_chart_builder.moc"
