// SPDX-License-Identifier: MIT
#include <QSignalSpy>
#include <QtTest>

#include "ui/chart/time_series_chart.h"

using namespace kvt;

class TestTimeSeriesChart : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void appliesChartData();
    void emptyDataShowsPlaceholder();
    void drawsBaselinesMarkersBandsAndScores();
    void clickActivatesTheNearestBin();
    void followsADarkPalette();
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

namespace {

model::ChartData ruleLikeData()
{
    model::ChartData d;
    d.xMinMs = 1'700'006'400'000; // a UTC midnight
    d.xMaxMs = d.xMinMs + 13LL * 86'400'000;
    model::ChartLine line {QStringLiteral("203.0.113.7"), QStringLiteral("203.0.113.7"), 0, {}, {}};
    model::ChartLine baseline {QStringLiteral("203.0.113.7 baseline"), QStringLiteral("203.0.113.7"), 0, {}, {}};
    for (int i = 0; i < 14; ++i) {
        const double x = double(d.xMinMs + i * 86'400'000LL);
        line.points.append({x, i == 13 ? 305.0 : 100.0});
        line.tips.append(QStringLiteral("tip %1").arg(i));
        baseline.points.append({x, 100.0 + i});
    }
    d.lines = {line};
    d.baselines = {baseline};
    d.markers = {{line.points[13], 1, true, 0, line.key, {}}, {line.points[3], 1, false, 0, line.key, {}},
        {line.points[5], -1, false, 0, line.key, {}}};
    d.bands = {{model::ChartBand::Kind::AlertWindow, d.xMaxMs - 86'400'000, d.xMaxMs + 86'400'000, QStringLiteral("w")},
        {model::ChartBand::Kind::EvaluatedBin, d.xMaxMs, d.xMaxMs + 86'400'000, QStringLiteral("e")}};
    d.yMax = 305;
    return d;
}

} // namespace

void TestTimeSeriesChart::drawsBaselinesMarkersBandsAndScores()
{
    ui::TimeSeriesChart chart;
    chart.resize(900, 500);
    model::ChartData d = ruleLikeData();
    chart.setChartData(d);
    QCOMPARE(chart.lineCount(), 1);
    QCOMPARE(chart.baselineCount(), 1);
    QCOMPARE(chart.markerCount(true), 1);
    QCOMPARE(chart.markerCount(false), 2);
    QCOMPARE(chart.bandCount(), 2);
    QVERIFY(!chart.showsScores());
    QCOMPARE(chart.xRangeMs().second, d.xMaxMs + 86'400'000); // the evaluated bin is shown whole

    d.scores = {d.lines[0]};
    d.threshold = 3;
    d.scoreMax = 5.4;
    chart.setChartData(d);
    QVERIFY(chart.showsScores());
    chart.setChartData(ruleLikeData()); // and the score axis goes again
    QVERIFY(!chart.showsScores());
    chart.show();
    QVERIFY(!chart.grab().toImage().isNull());
}

void TestTimeSeriesChart::clickActivatesTheNearestBin()
{
    ui::TimeSeriesChart chart;
    const model::ChartData d = ruleLikeData();
    chart.setChartData(d);
    QSignalSpy activated(&chart, &ui::TimeSeriesChart::pointActivated);
    // A click a little right of the last point (hover and clicks report points on the segment).
    chart.activatePoint(QStringLiteral("203.0.113.7"), QPointF(double(d.xMaxMs + 3'600'000), 300));
    QCOMPARE(activated.count(), 1);
    QCOMPARE(activated.first().at(0).toString(), QStringLiteral("203.0.113.7"));
    QCOMPARE(activated.first().at(1).toLongLong(), d.xMaxMs);
}

void TestTimeSeriesChart::followsADarkPalette()
{
    ui::TimeSeriesChart chart;
    chart.setChartData(ruleLikeData());
    QVERIFY(!chart.isDark());
    QPalette dark = chart.palette();
    dark.setColor(QPalette::Window, QColor(30, 30, 30));
    chart.setPalette(dark);
    QVERIFY(chart.isDark());
    QCOMPARE(chart.lineCount(), 1); // drawn again under the new theme
    QCOMPARE(chart.markerCount(true), 1);
    QCOMPARE(chart.markerCount(false), 2);
}

QTEST_MAIN(TestTimeSeriesChart)
#include "tst_time_series_chart.moc"
