// SPDX-License-Identifier: MIT
// The threshold advice is the backtest at other thresholds: every curve point equals a full backtest
// run with that threshold, and the histograms count exactly the points each threshold decides on
// (counted here from independent single-day runs of the rule).
#include <QtTest>

#include "engine/bench/rule_bench.h"
#include "engine/rules/backtest.h"
#include "engine/rules/threshold_advice.h"

using namespace kvt::engine;

namespace {

std::shared_ptr<const Dataset> history()
{
    static const auto data = [] {
        GeneratorOptions o;
        o.days = 30;
        o.keys = 50;
        o.records = 80000;
        o.seed = 5;
        return generateDataset(o);
    }();
    return data;
}

struct Totals {
    std::size_t anomalies = 0, alerts = 0, alertingRuns = 0;
};

Totals backtestTotals(const SentinelParams &p, const BacktestDays &days, Ticks runAt)
{
    Totals t;
    for (const BacktestRun &run : runBacktest(*history(), p, days.first, days.last, runAt).runs) {
        t.anomalies += run.anomalies.size();
        t.alerts += run.alerts.size();
        t.alertingRuns += run.alerts.empty() ? 0 : 1;
    }
    return t;
}

SentinelParams paramsOf(qint64 bin, int key, double score, double baseline)
{
    SentinelParams p;
    p.bin = bin;
    p.seriesKey = static_cast<SeriesKey>(key);
    p.scoreThreshold = score;
    p.baselineThreshold = baseline;
    if (bin == kTicksPerHour)
        p.lookbackDays = 3;
    return p;
}

} // namespace

class TestThresholdAdvice : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void curvesEqualBacktestsAtEachThreshold_data();
    void curvesEqualBacktestsAtEachThreshold();
    void histogramsCountThePointsEachThresholdDecides();
    void binsThatDoNotTileADayGiveNoAdvice();
    void gridsHoldTheCurrentThreshold();
};

void TestThresholdAdvice::curvesEqualBacktestsAtEachThreshold_data()
{
    QTest::addColumn<qint64>("bin");
    QTest::addColumn<int>("key");
    QTest::addColumn<double>("score");
    QTest::addColumn<double>("baseline");
    QTest::newRow("deployed") << qint64(kTicksPerDay) << int(SeriesKey::CallerIPAddress) << 3.0 << 25.0;
    QTest::newRow("off-grid thresholds") << qint64(kTicksPerDay) << int(SeriesKey::CallerIPAddress) << 2.2 << 7.0;
    QTest::newRow("by vault") << qint64(kTicksPerDay) << int(SeriesKey::Resource) << 2.0 << 10.0;
    QTest::newRow("hourly") << qint64(kTicksPerHour) << int(SeriesKey::CallerIPAddress) << 2.5 << 2.0;
}

void TestThresholdAdvice::curvesEqualBacktestsAtEachThreshold()
{
    QFETCH(qint64, bin);
    QFETCH(int, key);
    QFETCH(double, score);
    QFETCH(double, baseline);
    const SentinelParams p = paramsOf(bin, key, score, baseline);
    const BacktestDays days = defaultBacktestDays(*history(), p);
    const Ticks runAt = 5 * kTicksPerMinute;
    const ThresholdAdvice advice = adviseThresholds(*history(), p, days.first, days.last, runAt);
    QVERIFY(advice.available);
    QCOMPARE(advice.runs, std::size_t((days.last - days.first) / kTicksPerDay + 1));
    QCOMPARE(advice.byScore.size(), scoreThresholdGrid(score).size());
    QCOMPARE(advice.byBaseline.size(), baselineThresholdGrid(baseline).size());
    std::size_t alerting = 0;
    for (const auto &[curve, isScore] : {std::pair(&advice.byScore, true), std::pair(&advice.byBaseline, false)}) {
        for (std::size_t i = 0; i < curve->size(); ++i) {
            const ThresholdCurvePoint &point = (*curve)[i];
            // Each point against a full backtest at its threshold (every third point and the current one).
            const bool current = point.threshold == (isScore ? score : baseline);
            if (i % 3 != 0 && !current)
                continue;
            SentinelParams q = p;
            (isScore ? q.scoreThreshold : q.baselineThreshold) = point.threshold;
            const Totals expected = backtestTotals(q, days, runAt);
            const QByteArray what = (isScore ? "score " : "baseline ") + QByteArray::number(point.threshold);
            QVERIFY2(point.anomalies == expected.anomalies, what);
            QVERIFY2(point.alerts == expected.alerts, what);
            QVERIFY2(point.alertingRuns == expected.alertingRuns, what);
            alerting += point.alerts;
        }
        for (std::size_t i = 1; i < curve->size(); ++i) // a higher bar never raises more anomalies
            QVERIFY((*curve)[i].anomalies <= (*curve)[i - 1].anomalies);
    }
    QVERIFY2(alerting > 0, "the history must make the rule fire for the comparison to mean anything");
}

void TestThresholdAdvice::histogramsCountThePointsEachThresholdDecides()
{
    const SentinelParams p = paramsOf(kTicksPerDay, int(SeriesKey::CallerIPAddress), 2.0, 10.0);
    const BacktestDays days = defaultBacktestDays(*history(), p);
    const Ticks runAt = 5 * kTicksPerMinute;
    const ThresholdAdvice advice = adviseThresholds(*history(), p, days.first, days.last, runAt);
    std::uint64_t baselinePasses = 0, scorePasses = 0, highScores = 0;
    for (Ticks d = days.first; d <= days.last; d += kTicksPerDay) {
        SentinelParams single = p;
        single.now = d + runAt;
        const SentinelResult r = SentinelRule(history()).run(single);
        for (const ScoredSeries &s : r.series)
            for (std::size_t b = 0; b < s.counts.size(); ++b) {
                if (r.axis.binStart(b) <= *single.now - p.alertWindow)
                    continue;
                const double score = s.result.scores[b];
                const auto base = static_cast<double>(truncateToLong(s.result.parts.baseline[b]));
                baselinePasses += base > p.baselineThreshold ? 1 : 0;
                scorePasses += score > p.scoreThreshold ? 1 : 0;
                highScores += base > p.baselineThreshold && score >= 5 ? 1 : 0;
            }
    }
    const auto total = [](const std::vector<HistogramBucket> &h) {
        std::uint64_t n = 0;
        for (const auto &b : h)
            n += b.count;
        return n;
    };
    QCOMPARE(total(advice.scores), baselinePasses);
    QCOMPARE(total(advice.baselines), scorePasses);
    std::uint64_t fromFive = 0;
    for (const auto &b : advice.scores)
        fromFive += b.from >= 5 ? b.count : 0;
    QCOMPARE(fromFive, highScores);
    QVERIFY(std::isinf(advice.scores.back().to));
}

void TestThresholdAdvice::binsThatDoNotTileADayGiveNoAdvice()
{
    SentinelParams p;
    p.bin = 7 * kTicksPerHour;
    const BacktestDays days = defaultBacktestDays(*history(), p);
    const ThresholdAdvice advice = adviseThresholds(*history(), p, days.first, days.last, 0);
    QVERIFY(!advice.available);
    QVERIFY(advice.byScore.empty());
}

void TestThresholdAdvice::gridsHoldTheCurrentThreshold()
{
    const auto score = scoreThresholdGrid(3.3);
    QVERIFY(std::is_sorted(score.begin(), score.end()));
    QVERIFY(std::find(score.begin(), score.end(), 3.3) != score.end());
    QCOMPARE(scoreThresholdGrid(3).size(), std::size_t {20}); // 3 is one of the steps: not repeated
    const auto base = baselineThresholdGrid(33);
    QVERIFY(std::is_sorted(base.begin(), base.end()));
    QVERIFY(std::find(base.begin(), base.end(), 33.0) != base.end());
}

QTEST_GUILESS_MAIN(TestThresholdAdvice)
#include "tst_threshold_advice.moc"
