// SPDX-License-Identifier: MIT
// The score explanation against the hand-derived rule cases (tests/data/rules/<case>/README.md): the
// figures it shows give back the score the rule holds, and its verdict is what the rule did.
#include <QtTest>

#include <cmath>
#include <limits>
#include <map>
#include <set>

#include "engine/ingest/loader.h"
#include "engine/report/score_explanation.h"
#include "engine/rules/key_summary.h"
#include "engine/rules/sentinel_rule.h"

using namespace kvt::engine;

Q_DECLARE_METATYPE(kvt::engine::Verdict)

namespace {

const QString kRules = QStringLiteral(KVT_TEST_DATA "/rules");
constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

std::shared_ptr<const Dataset> loadCase(const QString &name)
{
    const QString file = kRules + QLatin1Char('/') + name + QStringLiteral("/input.jsonl.gz");
    const LoadResult load = loadInputs({file.toStdString()}, {});
    if (load.rejected() != 0 || !load.dataset)
        qFatal("cannot load %s", qPrintable(file));
    return load.dataset;
}

SentinelParams caseParams()
{
    SentinelParams p;
    p.now = parseIsoDateTime("2026-11-23T00:05Z");
    return p;
}

bool relativelyEqual(double a, double b, double tolerance = 1e-9)
{
    if (std::isinf(a) || std::isinf(b))
        return a == b;
    return std::abs(a - b) <= tolerance * std::max({1.0, std::abs(a), std::abs(b)});
}

// The score from the explanation's own figures, as a reader of the panel would compute it.
double scoreFromFigures(const ScoreFigures &f)
{
    switch (f.branch) {
    case ScoreBranch::Above:
    case ScoreBranch::Below: return f.normalisation * f.excess / f.range;
    case ScoreBranch::AboveZeroRange: return std::numeric_limits<double>::infinity();
    case ScoreBranch::BelowZeroRange: return -std::numeric_limits<double>::infinity();
    case ScoreBranch::Inside:
    case ScoreBranch::Ignored: break;
    }
    return 0;
}

// The key status summarizeKeys() must report, derived from the verdicts of the key's points alone.
KeyStatus statusFromVerdicts(const std::vector<ScoreExplanation> &points)
{
    std::set<Verdict> v;
    bool flagged = false, flaggedInWindow = false;
    for (const ScoreExplanation &e : points) {
        v.insert(e.verdict);
        flagged = flagged || e.score.flag > 0;
        flaggedInWindow = flaggedInWindow || (e.score.flag > 0 && e.stages.inWindow);
    }
    if (v.count(Verdict::Alerted))
        return KeyStatus::Alerting;
    if (v.count(Verdict::SilencedByJoin) || v.count(Verdict::FoldedIntoOtherAnomaly))
        return KeyStatus::SilencedByJoin;
    return flaggedInWindow ? KeyStatus::DroppedByBaseline
        : flagged          ? KeyStatus::FlaggedOutsideWindow
                           : KeyStatus::Quiet;
}

// One scored series of 14 daily counts over the cases' axis, with no join outcome.
SentinelResult syntheticResult(const std::vector<double> &counts, double threshold)
{
    SentinelResult result;
    result.params = caseParams();
    result.params.scoreThreshold = threshold;
    result.axis = TimeAxis::fromRange(
        *parseIsoDateTime("2026-11-09T00:00Z"), *parseIsoDateTime("2026-11-23T00:00Z"), kTicksPerDay);
    DecomposeParams dp;
    dp.threshold = threshold;
    result.series.push_back({"203.0.113.99", counts, decomposeAnomalies(counts, dp)});
    return result;
}

// The (key, bin) of every row.
std::set<std::pair<std::string, Ticks>> pointsOf(const std::vector<AnomalyRow> &rows)
{
    std::set<std::pair<std::string, Ticks>> out;
    std::transform(rows.begin(), rows.end(), std::inserter(out, out.end()),
        [](const AnomalyRow &r) { return std::pair(r.key, r.bin); });
    return out;
}

// The numbers that decided @p e's verdict.
void checkDecidingNumbers(const ScoreExplanation &e)
{
    switch (e.verdict) {
    case Verdict::Alerted:
        QVERIFY(e.stages.outcome);
        QVERIFY(e.stages.outcome->alerts > 0);
        QCOMPARE(e.stages.outcome->joinedFrom, e.binStart);
        QCOMPARE(e.stages.outcome->joinedTo, e.binStart + kTicksPerHour); // faithful: the first hour only
        break;
    case Verdict::SilencedByJoin:
        QVERIFY(e.stages.outcome);
        QCOMPARE(e.stages.outcome->kind, OutcomeKind::SilencedByFirstHourJoin);
        QCOMPARE(e.stages.outcome->alerts, std::size_t(0));
        QCOMPARE(e.stages.outcome->recordsInBin, std::uint64_t(300));
        break;
    case Verdict::BaselineNotAbove:
        QVERIFY(!e.stages.baselinePasses);
        QCOMPARE(e.stages.baselineThreshold, 25.0);
        QVERIFY(!e.stages.outcome);
        break;
    case Verdict::DropIgnored: QVERIFY(e.score.score < -e.score.threshold); break;
    case Verdict::OutsideAlertWindow:
        QVERIFY(e.stages.baselinePasses);
        QVERIFY(e.binStart <= e.stages.windowStart);
        break;
    case Verdict::BelowThreshold:
    case Verdict::FoldedIntoOtherAnomaly: break;
    }
}

} // namespace

class TestScoreExplanation : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void verdicts_data();
    void verdicts();
    void figuresReproduceScores_data();
    void figuresReproduceScores();
    void verdictsAgreeWithTheRule_data();
    void verdictsAgreeWithTheRule();
    void zeroRangeScoresInfinity();
    void joinOutcomesGiveTheVerdict();
    void nearTiesAreMarked();

private:
    std::map<QString, std::shared_ptr<const Dataset>> m_cases;
};

void TestScoreExplanation::initTestCase()
{
    qRegisterMetaType<Verdict>();
    for (const char *name : {"first-hour-join", "drops-and-splits"})
        m_cases[QString::fromLatin1(name)] = loadCase(QString::fromLatin1(name));
}

void TestScoreExplanation::verdicts_data()
{
    QTest::addColumn<QString>("caseName");
    QTest::addColumn<QString>("key");
    QTest::addColumn<bool>("lastBin"); // false: the first bin
    QTest::addColumn<Verdict>("verdict");
    QTest::addColumn<double>("score"); // NaN: not stated by the case
    QTest::addColumn<qint64>("baselineLong");
    QTest::addColumn<double>("count"); // NaN: not stated by the case
    QTest::addColumn<int>("flag");

    const QString join = QStringLiteral("first-hour-join"), drops = QStringLiteral("drops-and-splits");
    QTest::newRow("A + 5 alerts") << join << "203.0.113.7" << true << Verdict::Alerted << 5.430269 << qint64(156)
                                  << 305.0 << 1;
    QTest::newRow("B: baseline 13") << join << "192.0.2.10" << true << Verdict::BaselineNotAbove << kNaN << qint64(13)
                                    << kNaN << 1;
    QTest::newRow("A after 05:00: silenced")
        << join << "192.0.2.20" << true << Verdict::SilencedByJoin << 5.430269 << qint64(151) << 300.0 << 1;
    QTest::newRow("400 - A: drop") << drops << "198.51.100.2" << true << Verdict::DropIgnored << -5.430269
                                   << qint64(248) << kNaN << -1;
    QTest::newRow("A reversed: first bin")
        << drops << "198.51.100.4" << false << Verdict::OutsideAlertWindow << 5.430269 << qint64(151) << kNaN << 1;
    QTest::newRow("A split over vaults") << drops << "198.51.100.3" << true << Verdict::Alerted << 5.430269
                                         << qint64(156) << 305.0 << 1;
}

void TestScoreExplanation::verdicts()
{
    QFETCH(QString, caseName);
    QFETCH(QString, key);
    QFETCH(bool, lastBin);
    QFETCH(Verdict, verdict);
    QFETCH(double, score);
    QFETCH(qint64, baselineLong);
    QFETCH(double, count);
    QFETCH(int, flag);

    SentinelRule rule(m_cases.at(caseName));
    const SentinelResult result = rule.run(caseParams());
    const auto series = findSeries(result, key.toStdString());
    QVERIFY(series);
    const std::size_t bin = lastBin ? result.series[*series].counts.size() - 1 : 0;
    const ScoreExplanation e = explainPoint(result, *series, bin);

    QCOMPARE(QString::fromStdString(e.key), key);
    QCOMPARE(e.verdict, verdict);
    QCOMPARE(e.score.flag, flag);
    QCOMPARE(e.stages.baselineLong, baselineLong);
    if (!std::isnan(score))
        QVERIFY2(std::abs(e.score.score - score) < 5e-7, qPrintable(QString::number(e.score.score, 'g', 17)));
    if (!std::isnan(count))
        QCOMPARE(e.count, count);
    QCOMPARE(e.bins, std::size_t(14));
    QCOMPARE(e.seasonal.source, PeriodSource::NotDetected); // 14 daily points: no period (spec 5.6)
    QCOMPARE(e.seasonal.value, 0.0);
    QCOMPARE(e.trend, e.baseline);
    QCOMPARE(e.stages.windowStart, *parseIsoDateTime("2026-11-21T00:05Z"));
    QCOMPARE(e.stages.inWindow, lastBin);

    checkDecidingNumbers(e);
}

void TestScoreExplanation::figuresReproduceScores_data()
{
    QTest::addColumn<QString>("caseName");
    QTest::newRow("first-hour-join") << QStringLiteral("first-hour-join");
    QTest::newRow("drops-and-splits") << QStringLiteral("drops-and-splits");
}

void TestScoreExplanation::figuresReproduceScores()
{
    QFETCH(QString, caseName);
    SentinelRule rule(m_cases.at(caseName));
    const SentinelResult result = rule.run(caseParams());
    QVERIFY(!result.series.empty());
    std::size_t outside = 0;
    for (std::size_t k = 0; k < result.series.size(); ++k) {
        const ScoredSeries &s = result.series[k];
        for (std::size_t b = 0; b < s.counts.size(); ++b) {
            const ScoreExplanation e = explainPoint(result, k, b);
            QCOMPARE(findSeries(result, s.key), std::optional<std::size_t>(k));
            QCOMPARE(binIndexOf(result, e.binStart + e.step - 1), std::optional<std::size_t>(b));
            const QByteArray where = QByteArray::fromStdString(s.key) + ' ' + QByteArray::number(qulonglong(b));
            QVERIFY2(relativelyEqual(scoreFromFigures(e.score), s.result.scores[b]), where.constData());
            QCOMPARE(e.score.score, s.result.scores[b]);
            QCOMPARE(e.score.flag, s.result.flags[b]);
            QVERIFY2(relativelyEqual(e.seasonal.value + e.trend, e.baseline), where.constData());
            QVERIFY2(relativelyEqual(e.count - e.baseline, e.score.residual), where.constData());
            QCOMPARE(e.stages.baselineLong, static_cast<std::int64_t>(std::trunc(e.baseline)));
            // The strict flag rule, on the figures shown.
            const int flag = e.score.score > e.score.threshold ? 1 : e.score.score < -e.score.threshold ? -1 : 0;
            QCOMPARE(e.score.flag, flag);
            outside += e.score.branch == ScoreBranch::Inside ? 0U : 1U;
        }
    }
    QVERIFY(outside > 0); // the cases exercise the formula, not only the zero inside the fences
    QVERIFY(!findSeries(result, "no such key"));
    QVERIFY(!binIndexOf(result, result.axis.end()) && !binIndexOf(result, result.axis.from - 1));
}

void TestScoreExplanation::verdictsAgreeWithTheRule_data()
{
    QTest::addColumn<QString>("caseName");
    QTest::addColumn<int>("drilldown");
    QTest::addColumn<int>("windowDays");
    QTest::addColumn<double>("threshold");
    QTest::addColumn<QString>("verdicts"); // every verdict the run gives, in enum order

    const QString join = QStringLiteral("first-hour-join"), drops = QStringLiteral("drops-and-splits");
    const int faithful = int(Drilldown::Faithful), fullBin = int(Drilldown::FullBin);
    QTest::newRow("join deployed") << join << faithful << 2 << 3.0
                                   << "alerted below-threshold baseline-not-above silenced-by-join";
    QTest::newRow("join full-bin") << join << fullBin << 2 << 3.0 << "alerted below-threshold baseline-not-above";
    QTest::newRow("join 15d 0.1") << join << faithful << 15 << 0.1
                                  << "alerted below-threshold drop-ignored baseline-not-above silenced-by-join";
    QTest::newRow("drops deployed") << drops << faithful << 2 << 3.0
                                    << "alerted below-threshold drop-ignored outside-alert-window";
    // A 15-day window takes in the first bin: 198.51.100.4's anomaly reaches the join.
    QTest::newRow("drops 15d") << drops << faithful << 15 << 3.0 << "alerted below-threshold drop-ignored";
    QTest::newRow("drops 15d 0.1") << drops << faithful << 15 << 0.1
                                   << "alerted below-threshold drop-ignored silenced-by-join";
    QTest::newRow("drops full-bin 15d 0.1") << drops << fullBin << 15 << 0.1 << "alerted below-threshold drop-ignored";
}

void TestScoreExplanation::verdictsAgreeWithTheRule()
{
    QFETCH(QString, caseName);
    QFETCH(int, drilldown);
    QFETCH(int, windowDays);
    QFETCH(double, threshold);
    QFETCH(QString, verdicts);
    SentinelParams p = caseParams();
    p.drilldown = static_cast<Drilldown>(drilldown);
    p.alertWindow = windowDays * kTicksPerDay;
    p.scoreThreshold = threshold;
    SentinelRule rule(m_cases.at(caseName));
    const SentinelResult result = rule.run(p);
    const auto anomalies = pointsOf(result.anomalies), modelAndBaseline = pointsOf(result.timeSeriesAlerts);
    const std::vector<KeySummary> keys = summarizeKeys(result);
    std::set<Verdict> seen;
    for (std::size_t k = 0; k < result.series.size(); ++k) {
        std::vector<ScoreExplanation> points;
        for (std::size_t b = 0; b < result.series[k].counts.size(); ++b)
            points.push_back(explainPoint(result, k, b));
        for (const ScoreExplanation &e : points) {
            const std::pair<std::string, Ticks> id {e.key, e.binStart};
            const bool reachedJoin = e.verdict == Verdict::Alerted || e.verdict == Verdict::SilencedByJoin
                || e.verdict == Verdict::FoldedIntoOtherAnomaly;
            QCOMPARE(reachedJoin, anomalies.count(id) == 1);
            QCOMPARE(reachedJoin, e.stages.outcome.has_value());
            QCOMPARE(e.score.flag > 0 && e.stages.baselinePasses, modelAndBaseline.count(id) == 1);
            if (e.stages.outcome)
                QCOMPARE(e.verdict == Verdict::Alerted, e.stages.outcome->alerts > 0);
            seen.insert(e.verdict);
        }
        QCOMPARE(keyStatusName(statusFromVerdicts(points)), keyStatusName(keys[k].status));
    }
    QStringList names;
    for (Verdict v : seen)
        names << QString::fromLatin1(verdictName(v));
    QCOMPARE(names.join(QLatin1Char(' ')), verdicts);
}

void TestScoreExplanation::zeroRangeScoresInfinity()
{
    // kql-semantics.md 1.2: flat traffic with one dip and a small last-day rise makes P10 == P90.
    std::vector<double> counts(14, 106.0);
    counts[7] = 15;
    counts[13] = 113;
    const SentinelResult result = syntheticResult(counts, 3);
    const ScoreExplanation last = explainPoint(result, 0, 13);
    QCOMPARE(last.score.range, 0.0);
    QCOMPARE(last.score.branch, ScoreBranch::AboveZeroRange);
    QCOMPARE(last.score.score, std::numeric_limits<double>::infinity());
    QCOMPARE(last.score.flag, 1);
    QCOMPARE(last.stages.baselineLong, std::int64_t(100));
    QCOMPARE(explainPoint(result, 0, 7).score.branch, ScoreBranch::BelowZeroRange);
    QCOMPARE(explainPoint(result, 0, 7).verdict, Verdict::DropIgnored);
    QCOMPARE(explainPoint(result, 0, 0).score.branch, ScoreBranch::Inside);
    QCOMPARE(explainPoint(result, 0, 0).verdict, Verdict::BelowThreshold);
}

void TestScoreExplanation::joinOutcomesGiveTheVerdict()
{
    // A key with two in-window anomalies keeps one (innerunique); the cases have none, so build one.
    std::vector<double> counts(14, 100.0);
    counts[12] = 400;
    counts[13] = 420;
    SentinelResult result = syntheticResult(counts, 0.3); // the two rises score 0.37 and 0.41
    result.params.alertWindow = 3 * kTicksPerDay;
    QCOMPARE(result.series[0].result.flags[12], 1);
    QCOMPARE(result.series[0].result.flags[13], 1);
    QCOMPARE(explainPoint(result, 0, 13).verdict, Verdict::SilencedByJoin); // no outcome: no alert row

    AnomalyOutcome kept;
    kept.key = result.series[0].key;
    kept.bin = result.axis.binStart(12);
    kept.kind = OutcomeKind::AlertedPartly;
    kept.alerts = 2;
    AnomalyOutcome folded = kept;
    folded.bin = result.axis.binStart(13);
    folded.kind = OutcomeKind::FoldedIntoOtherAnomaly;
    folded.alerts = 0;
    result.outcomes = {kept, folded};
    QCOMPARE(explainPoint(result, 0, 12).verdict, Verdict::Alerted);
    QCOMPARE(explainPoint(result, 0, 12).stages.outcome->alerts, std::size_t(2));
    QCOMPARE(explainPoint(result, 0, 13).verdict, Verdict::FoldedIntoOtherAnomaly);
    result.outcomes[1].kind = OutcomeKind::NoRecordInWindow;
    QCOMPARE(explainPoint(result, 0, 13).verdict, Verdict::SilencedByJoin);
}

void TestScoreExplanation::nearTiesAreMarked()
{
    SentinelRule rule(m_cases.at(QStringLiteral("first-hour-join")));
    SentinelParams p = caseParams();
    const SentinelResult deployed = rule.run(p);
    const std::size_t k = *findSeries(deployed, "203.0.113.7");
    const ScoreExplanation plain = explainPoint(deployed, k, 13);
    QVERIFY(!plain.score.nearThreshold);
    QVERIFY(!plain.stages.nearBaselineThreshold);

    // A threshold a hair under the score: flagged, but only just.
    p.scoreThreshold = plain.score.score - 1e-12;
    const ScoreExplanation tight = explainPoint(rule.run(p), k, 13);
    QCOMPARE(tight.score.flag, 1);
    QVERIFY(tight.score.nearThreshold);

    // A true 26 computed one ulp low truncates to 25 (kql-semantics.md 1.6).
    SentinelResult edited = deployed;
    edited.series[k].result.parts.baseline[13] = std::nextafter(26.0, 0.0);
    const ScoreExplanation low = explainPoint(edited, k, 13);
    QCOMPARE(low.stages.baselineLong, std::int64_t(25));
    QVERIFY(!low.stages.baselinePasses);
    QVERIFY(low.stages.nearBaselineThreshold);
    QCOMPARE(low.verdict, Verdict::BaselineNotAbove);
}

QTEST_APPLESS_MAIN(TestScoreExplanation)
#include "tst_score_explanation.moc"
