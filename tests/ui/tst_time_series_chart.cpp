// SPDX-License-Identifier: MIT
#include <QtTest>

#include "ui/chart/time_series_chart.h"

using namespace kvt;

class TestTimeSeriesChart : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void appliesChartData();
    void emptyDataShowsPlaceholder();
};

void TestTimeSeriesChart::appliesChartData()
{
    ui::TimeSeriesChart chart;
    chart.resize(800, 500);
    model::ChartData d;
    d.title = QStringLiteral("t");
    d.xMinMs = 1'700'000'000'000;
    d.xMaxMs = d.xMinMs + 13LL * 86'400'000;
    for (int l = 0; l < 3; ++l) {
        model::ChartLine line;
        line.name = QStringLiteral("10.0.0.%1").arg(l);
        line.colorIndex = l;
        for (int i = 0; i < 14; ++i)
            line.points.append(QPointF(double(d.xMinMs + i * 86'400'000LL), i * (l + 1)));
        d.lines.append(line);
    }
    d.yMax = 39;
    chart.setChartData(d);
    QCOMPARE(chart.lineCount(), 3);
    QCOMPARE(chart.pointCount(2), 14);
    QCOMPARE(chart.lineName(1), QStringLiteral("10.0.0.1"));
    QCOMPARE(chart.xRangeMs().first, d.xMinMs);
    QCOMPARE(chart.xRangeMs().second, d.xMaxMs);
    QVERIFY(chart.yMax() >= 39);
    chart.show();
    const QImage image = chart.grab().toImage();
    QVERIFY(!image.isNull());
    QCOMPARE(image.size(), QSize(800, 500) * image.devicePixelRatio());

    d.lines.removeLast(); // a smaller update replaces, never appends
    chart.setChartData(d);
    QCOMPARE(chart.lineCount(), 2);
}

void TestTimeSeriesChart::emptyDataShowsPlaceholder()
{
    ui::TimeSeriesChart chart;
    chart.setChartData({});
    QCOMPARE(chart.lineCount(), 0);
    QCOMPARE(chart.pointCount(0), -1);
}

QTEST_MAIN(TestTimeSeriesChart)
#include "tst_time_series_chart.moc"
