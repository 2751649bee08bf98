// SPDX-License-Identifier: MIT
#include <QtTest>

#include "model/chart_data_builder.h"

using namespace kvt;

class TestChartDataBuilder : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void lines_data();
    void lines();
    void emptyAxis();
};

void TestChartDataBuilder::lines_data()
{
    QTest::addColumn<QVector<int>>("rows");
    QTest::addColumn<QStringList>("names");
    QTest::addColumn<double>("yMax");
    QTest::newRow("one") << QVector<int> {1} << QStringList {"b"} << 7.0;
    QTest::newRow("order kept") << QVector<int> {1, 0} << QStringList {"b", "a"} << 7.0;
    QTest::newRow("out of range skipped") << QVector<int> {5, -1, 0} << QStringList {"a"} << 3.0;
    QTest::newRow("none") << QVector<int> {} << QStringList {} << 0.0;
}

void TestChartDataBuilder::lines()
{
    QFETCH(QVector<int>, rows);
    QFETCH(QStringList, names);
    QFETCH(double, yMax);
    engine::SeriesTable table;
    const engine::Ticks day0 = *engine::parseIsoDateTime("2026-11-20");
    table.axis = engine::TimeAxis::fromRange(day0, day0 + 3 * engine::kTicksPerDay, engine::kTicksPerDay);
    table.keys = {"a", "b"};
    table.counts = {1, 3, 2, 7, 0, 4};
    const model::ChartData d
        = model::buildChartData(table, std::vector<int>(rows.begin(), rows.end()), QStringLiteral("t"));
    QCOMPARE(d.lines.size(), names.size());
    for (int i = 0; i < names.size(); ++i) {
        QCOMPARE(d.lines[i].name, names[i]);
        QCOMPARE(d.lines[i].colorIndex, i);
        QCOMPARE(d.lines[i].points.size(), 3);
    }
    QCOMPARE(d.yMax, yMax);
    QCOMPARE(d.xMinMs, day0 / 10000);
    QCOMPARE(d.xMaxMs, (day0 + 2 * engine::kTicksPerDay) / 10000);
    QCOMPARE(d.yTitle, QStringLiteral("records per day"));
    if (!d.lines.isEmpty())
        QCOMPARE(
            d.lines[0].points[1], QPointF(double((day0 + engine::kTicksPerDay) / 10000), rows[0] == 1 ? 0.0 : 3.0));
}

void TestChartDataBuilder::emptyAxis()
{
    engine::SeriesTable table;
    const model::ChartData d = model::buildChartData(table, {0}, QStringLiteral("t"));
    QVERIFY(d.isEmpty());
}

QTEST_APPLESS_MAIN(TestChartDataBuilder)
#include "tst_chart_data_builder.moc"
