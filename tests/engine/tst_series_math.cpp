// SPDX-License-Identifier: MIT
// series_decompose_anomalies and friends against the real Kusto engine's output (tests/data/golden).
#include <QtTest>

#include <cmath>
#include <fstream>
#include <sstream>

#include <nlohmann/json.hpp>

#include "engine/series/decompose.h"
#include "engine/series/fit_line.h"
#include "engine/series/statistics.h"

using namespace kvt::engine;

namespace {

nlohmann::json loadGolden(const char *name)
{
    std::ifstream in(std::string(KVT_TEST_DATA "/golden/") + name);
    return nlohmann::json::parse(in);
}

struct MsticpyRow {
    double bytes;
    std::int64_t baseline;
    double score;
    int flag;
};

std::vector<MsticpyRow> loadMsticpy()
{
    std::ifstream in(KVT_TEST_DATA "/golden/msticpy_TimeSeriesDemo.csv");
    std::string line;
    std::getline(in, line); // header (with a BOM)
    std::vector<MsticpyRow> rows;
    while (std::getline(in, line)) {
        if (!line.empty() && line.back() == '\r')
            line.pop_back();
        std::vector<std::string> cells;
        std::stringstream ss(line);
        std::string cell;
        while (std::getline(ss, cell, ','))
            cells.push_back(cell.size() >= 2 && cell.front() == '"' ? cell.substr(1, cell.size() - 2) : cell);
        rows.push_back({std::stod(cells[1]), std::stoll(cells[2]), std::stod(cells[3]), std::stoi(cells[4])});
    }
    return rows;
}

std::vector<double> toVector(const nlohmann::json &a)
{
    return a.get<std::vector<double>>();
}

} // namespace

class TestSeriesMath : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void msticpyGolden_data();
    void msticpyGolden();
    void stackOverflowOutliers();
    void percentiles_data();
    void percentiles();
    void seasonalExamples();
    void fitLineExample();
    void periodsExample();
    void workedExamples_data();
    void workedExamples();
    void exactZeroOnLinesAndConstants_data();
    void exactZeroOnLinesAndConstants();
    void shiftAndScaleInvariance_data();
    void shiftAndScaleInvariance();
    void degenerateInputs_data();
    void degenerateInputs();
    void zeroRangeFlags();
    void trendKinds();
    void testPointsLearnFromThePrefix();
    void strictThresholdAndTruncation();
};

void TestSeriesMath::msticpyGolden_data()
{
    QTest::addColumn<int>("seasonality");
    QTest::newRow("period forced to 168") << 168;
    QTest::newRow("period auto-detected") << -1;
}

// G1: 840 hourly points exported from Kusto; baseline truncated, scores within 1e-9, flags equal.
void TestSeriesMath::msticpyGolden()
{
    QFETCH(int, seasonality);
    const auto rows = loadMsticpy();
    QCOMPARE(rows.size(), std::size_t {840});
    std::vector<double> x;
    for (const auto &r : rows)
        x.push_back(r.bytes);
    DecomposeParams p;
    p.threshold = 3;
    p.seasonality = seasonality;
    const AnomalyResult result = decomposeAnomalies(x, p);
    QCOMPARE(result.parts.period, 168);
    QCOMPARE(result.parts.periodSource, seasonality < 0 ? PeriodSource::Detected : PeriodSource::Forced);
    double worst = 0;
    for (std::size_t i = 0; i < rows.size(); ++i) {
        QCOMPARE(truncateToLong(result.parts.baseline[i]), rows[i].baseline);
        QCOMPARE(result.flags[i], rows[i].flag);
        worst = std::max(worst, std::abs(result.scores[i] - rows[i].score));
    }
    QVERIFY2(worst < 1e-9, qPrintable(QString::number(worst)));
}

// G2: Stack Overflow 75264555, answered by the Kusto team: series_outliers default (ctukey).
void TestSeriesMath::stackOverflowOutliers()
{
    const auto golden = loadGolden("series_outliers_examples.json");
    const auto &c = golden["cases"][0];
    QCOMPARE(c["id"].get<std::string>(), std::string("so-75264555"));
    const auto scores = seriesOutliers(toVector(c["input"]));
    const auto expected = toVector(c["output"]);
    for (std::size_t i = 0; i < expected.size(); ++i)
        QVERIFY2(std::abs(scores[i] - expected[i]) < 1e-12, qPrintable(QString::number(i)));
}

void TestSeriesMath::percentiles_data()
{
    QTest::addColumn<QVector<double>>("sorted");
    QTest::addColumn<double>("percent");
    QTest::addColumn<double>("expected");
    QTest::newRow("n=14 P10 (h=1.3)") << QVector<double> {0, 10, 20, 30, 40, 50, 60, 70, 80, 90, 100, 110, 120, 130}
                                      << 10.0 << 13.0;
    QTest::newRow("n=14 P90 (h=11.7)") << QVector<double> {0, 10, 20, 30, 40, 50, 60, 70, 80, 90, 100, 110, 120, 130}
                                       << 90.0 << 117.0;
    QTest::newRow("single") << QVector<double> {5} << 90.0 << 5.0;
    QTest::newRow("P100") << QVector<double> {1, 2, 3} << 100.0 << 3.0;
    QTest::newRow("P0") << QVector<double> {1, 2, 3} << 0.0 << 1.0;
}

void TestSeriesMath::percentiles()
{
    QFETCH(QVector<double>, sorted);
    QFETCH(double, percent);
    QFETCH(double, expected);
    QCOMPARE(percentileType7(std::vector<double>(sorted.begin(), sorted.end()), percent), expected);
}

// G3: series_seasonal examples: autodetect finds 6 and 5, not the two-cycle 6; per-phase median.
void TestSeriesMath::seasonalExamples()
{
    const auto golden = loadGolden("series_seasonal_examples.json");
    for (const auto &c : golden["cases"]) {
        const auto x = toVector(c["input"]);
        const bool forced = c["call"].get<std::string>() == "series_seasonal(s, 3)";
        DecomposeParams p;
        p.trend = TrendKind::None;
        p.seasonality = forced ? 3 : -1;
        p.seasonalityThreshold = kSeasonalAutodetectThreshold;
        const Decomposition d = decompose(x, p);
        if (!forced) {
            const int expectedPeriod = c["detected_period"].is_null() ? 0 : c["detected_period"].get<int>();
            QCOMPARE(d.period, expectedPeriod);
        }
        QCOMPARE(d.seasonal, toVector(c["output"]));
    }
}

// G4: series_fit_line example (values printed rounded or truncated to 3 decimals in the docs).
void TestSeriesMath::fitLineExample()
{
    const auto golden = loadGolden("series_fit_line_example.json");
    const LineFit fit = fitLine(toVector(golden["input"]));
    const auto &o = golden["output"];
    QVERIFY(std::abs(fit.rsquare - o["rsquare"].get<double>()) < 1e-3);
    QVERIFY(std::abs(fit.slope - o["slope"].get<double>()) < 1e-3);
    QVERIFY(std::abs(fit.variance - o["variance"].get<double>()) < 1e-3);
    QVERIFY(std::abs(fit.rvariance - o["rvariance"].get<double>()) < 1e-3);
    QVERIFY(std::abs(fit.interception - o["interception"].get<double>()) < 1e-3);
    const auto line = toVector(o["line_fit"]);
    for (std::size_t i = 0; i < line.size(); ++i)
        QVERIFY(std::abs(fit.lineFit[i] - line[i]) < 1e-3);
}

// G5: series_periods_detect(y, 0, 50, 2) finds [14, 0] on the documented 60-point series.
void TestSeriesMath::periodsExample()
{
    const auto golden = loadGolden("series_periods_examples.json");
    const auto y = toVector(golden["input"]);
    const auto found = detectPeriods(y, 0.0, 50.0, 2);
    QCOMPARE(found.size(), std::size_t {2});
    QCOMPARE(found[0].period, 14);
    QVERIFY(found[0].score > 0.7 && found[0].score <= 1.0);
    QCOMPARE(found[1].period, 0);
    QCOMPARE(found[1].score, 0.0);
    QCOMPARE(periodScore(y, 10) < kMinReportedScore, true);
    // Only periods from 4 to n/4 are candidates.
    QCOMPARE(maxDetectablePeriod(14), 3);
    QCOMPARE(detectPeriods(std::vector<double>(14, 1.0), 0, 14, 1)[0].period, 0);
}

void TestSeriesMath::workedExamples_data()
{
    // kql-semantics.md 1.7: the spec's own model, not engine output: unit tests of this implementation.
    QTest::addColumn<QVector<double>>("x");
    QTest::addColumn<int>("lastFlag");
    QTest::addColumn<double>("lastScore");
    QTest::addColumn<double>("lastBaseline");
    QTest::addColumn<qint64>("truncated");
    QTest::newRow("spike on the last day")
        << QVector<double> {100, 110, 95, 105, 98, 102, 97, 101, 99, 103, 100, 96, 104, 300} << 1 << 5.430269
        << 151.114286 << qint64(151);
    QTest::newRow("small caller") << QVector<double> {3, 5, 4, 6, 2, 5, 4, 3, 5, 4, 6, 5, 4, 40} << 1 << 6.149176
                                  << 13.828571 << qint64(13);
    QTest::newRow("flat") << QVector<double>(14, 30) << 0 << 0.0 << 30.0 << qint64(30);
}

void TestSeriesMath::workedExamples()
{
    QFETCH(QVector<double>, x);
    QFETCH(int, lastFlag);
    QFETCH(double, lastScore);
    QFETCH(double, lastBaseline);
    QFETCH(qint64, truncated);
    DecomposeParams p;
    p.threshold = 3;
    const AnomalyResult r = decomposeAnomalies(std::vector<double>(x.begin(), x.end()), p);
    QCOMPARE(r.parts.periodSource, PeriodSource::NotDetected); // 14 points: never seasonal
    QCOMPARE(r.flags.back(), lastFlag);
    QVERIFY(std::abs(r.scores.back() - lastScore) < 1e-6);
    QVERIFY(std::abs(r.parts.baseline.back() - lastBaseline) < 1e-6);
    QCOMPARE(truncateToLong(r.parts.baseline.back()), truncated);
}

void TestSeriesMath::exactZeroOnLinesAndConstants_data()
{
    QTest::addColumn<QVector<double>>("x");
    QVector<double> up, even, big, zeros(14, 0.0);
    for (int i = 0; i < 14; ++i) {
        up << 30 + i;
        even << 26 + 2 * i;
        big << 1e9 - 12345.0 * i;
    }
    QTest::newRow("30..43") << up;
    QTest::newRow("26,28,...") << even;
    QTest::newRow("large descending") << big;
    QTest::newRow("constant") << QVector<double>(14, 30);
    QTest::newRow("all zeros") << zeros;
    QTest::newRow("168-point constant") << QVector<double>(168, 7);
}

// A perfect line or constant must give residuals and scores of exactly 0 (no ulp noise turned into
// O(1) scores by the P10/P90 normalisation).
void TestSeriesMath::exactZeroOnLinesAndConstants()
{
    QFETCH(QVector<double>, x);
    DecomposeParams p;
    p.threshold = 3;
    const AnomalyResult r = decomposeAnomalies(std::vector<double>(x.begin(), x.end()), p);
    for (std::size_t i = 0; i < r.scores.size(); ++i) {
        QCOMPARE(r.parts.residual[i], 0.0);
        QCOMPARE(r.scores[i], 0.0);
        QCOMPARE(r.flags[i], 0);
    }
}

void TestSeriesMath::shiftAndScaleInvariance_data()
{
    QTest::addColumn<double>("shift");
    QTest::addColumn<double>("scale");
    QTest::newRow("shift +1000") << 1000.0 << 1.0;
    QTest::newRow("shift -50") << -50.0 << 1.0;
    QTest::newRow("scale x4") << 0.0 << 4.0;
    QTest::newRow("scale x0.5 and shift") << 7.0 << 0.5;
}

// Scores are invariant under x -> a*x + b (a > 0); baselines follow the transformation.
void TestSeriesMath::shiftAndScaleInvariance()
{
    QFETCH(double, shift);
    QFETCH(double, scale);
    const std::vector<double> x {12, 15, 11, 14, 13, 40, 12, 16, 11, 13, 14, 12, 15, 60, 13, 12, 14, 11, 13, 12, 15};
    std::vector<double> y;
    for (const double v : x)
        y.push_back(scale * v + shift);
    DecomposeParams p;
    p.threshold = 3;
    const AnomalyResult a = decomposeAnomalies(x, p), b = decomposeAnomalies(y, p);
    QCOMPARE(b.parts.period, a.parts.period);
    for (std::size_t i = 0; i < x.size(); ++i) {
        QVERIFY(std::abs(b.scores[i] - a.scores[i]) < 1e-9);
        QCOMPARE(b.flags[i], a.flags[i]);
        QVERIFY(std::abs(b.parts.baseline[i] - (scale * a.parts.baseline[i] + shift)) < 1e-9 * (1 + std::abs(shift)));
    }
}

void TestSeriesMath::degenerateInputs_data()
{
    QTest::addColumn<QVector<double>>("x");
    QTest::addColumn<int>("ignored");
    QTest::newRow("empty") << QVector<double> {} << 0;
    QTest::newRow("one point") << QVector<double> {5} << 0;
    QTest::newRow("two points") << QVector<double> {5, 9} << 0;
    QTest::newRow("NaN inside") << QVector<double> {1, 2, std::nan(""), 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14} << 1;
    QTest::newRow("infinity inside") << QVector<double> {1, 2, 3, 4, 5, 6, INFINITY, 8, 9, 10, 11, 12, 13, 14} << 1;
    QTest::newRow("all NaN") << QVector<double>(5, std::nan("")) << 5;
}

// Short or broken input yields defined output: no crash, no NaN score, no flag on a missing point.
void TestSeriesMath::degenerateInputs()
{
    QFETCH(QVector<double>, x);
    QFETCH(int, ignored);
    DecomposeParams p;
    p.threshold = 3;
    const AnomalyResult r = decomposeAnomalies(std::vector<double>(x.begin(), x.end()), p);
    QCOMPARE(int(r.scores.size()), int(x.size()));
    QCOMPARE(int(r.parts.ignoredPoints), ignored);
    for (int i = 0; i < x.size(); ++i) {
        QVERIFY(!std::isnan(r.scores[std::size_t(i)]));
        QVERIFY(!std::isnan(r.parts.baseline[std::size_t(i)]));
        if (!std::isfinite(x[i])) {
            QCOMPARE(r.scores[std::size_t(i)], 0.0);
            QCOMPARE(r.flags[std::size_t(i)], 0);
        }
    }
    // NaN in a line leaves the other points exactly on the line.
    if (QString::fromLatin1(QTest::currentDataTag()) == QStringLiteral("NaN inside"))
        QCOMPARE(r.parts.baseline[13], 14.0);
}

// kql-semantics.md 1.2: P10 == P90 with points strictly outside: ±infinity, flagged and reported.
void TestSeriesMath::zeroRangeFlags()
{
    std::vector<double> x(7, 106.0);
    x.push_back(15);
    x.insert(x.end(), 5, 106.0);
    x.push_back(113);
    DecomposeParams p;
    p.threshold = 3;
    const AnomalyResult r = decomposeAnomalies(x, p);
    QCOMPARE(r.parts.baseline.back(), 100.0);
    QCOMPARE(r.outliers.range, 0.0);
    QCOMPARE(r.outliers.zeroRangePoints, (std::vector<std::size_t> {7, 13}));
    QVERIFY(std::isinf(r.scores.back()) && r.scores.back() > 0);
    QCOMPARE(r.flags.back(), 1);
    QCOMPARE(r.flags[7], -1);
}

void TestSeriesMath::trendKinds()
{
    const std::vector<double> x {1, 2, 3, 4, 5, 6, 7, 8};
    DecomposeParams p;
    p.seasonality = 0;
    p.trend = TrendKind::Average;
    QCOMPARE(decompose(x, p).baseline, std::vector<double>(8, 4.5));
    p.trend = TrendKind::None;
    QCOMPARE(decompose(x, p).baseline, std::vector<double>(8, 0.0));
    p.trend = TrendKind::LineFit;
    QCOMPARE(decompose(x, p).residual, std::vector<double>(8, 0.0));
}

// Test points are left out of the fit and the percentiles, and scored against what was learned.
void TestSeriesMath::testPointsLearnFromThePrefix()
{
    std::vector<double> x {10, 11, 10, 12, 11, 10, 11, 12, 10, 11, 50, 52};
    DecomposeParams p;
    p.threshold = 3;
    p.seasonality = 0;
    p.testPoints = 2;
    const AnomalyResult r = decomposeAnomalies(x, p);
    // The line is fitted to the first 10 points only, so the test points sit far above it.
    QVERIFY(r.parts.baseline[11] < 12.5);
    QCOMPARE(r.flags[10], 1);
    QCOMPARE(r.flags[11], 1);
    p.testPoints = 0;
    QVERIFY(decomposeAnomalies(x, p).parts.baseline[11] > 20);
}

void TestSeriesMath::strictThresholdAndTruncation()
{
    const std::vector<double> scores {3.0, 3.0000001, -3.0, -3.5, 0.0};
    std::vector<int> flags(scores.size());
    flagScores(scores, 3.0, flags);
    QCOMPARE(flags, (std::vector<int> {0, 1, 0, -1, 0}));
    QCOMPARE(truncateToLong(25.999999999999996), std::int64_t {25});
    QCOMPARE(truncateToLong(26.0), std::int64_t {26});
    QCOMPARE(truncateToLong(-2.7), std::int64_t {-2});
    QCOMPARE(truncateToLong(std::nan("")), std::int64_t {0});
}

QTEST_APPLESS_MAIN(TestSeriesMath)
#include "tst_series_math.moc"
