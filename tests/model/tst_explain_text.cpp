// SPDX-License-Identifier: MIT
// The words of the score explanation: the deciding numbers appear, at the precision that decides,
// and text from the logs cannot inject HTML.
#include <QtTest>

#include <cmath>
#include <set>

#include "engine/ingest/loader.h"
#include "engine/report/score_explanation.h"
#include "engine/rules/sentinel_rule.h"
#include "model/explain_text.h"

using namespace kvt;
using engine::Verdict;

namespace {

engine::SentinelResult runCase(const char *name)
{
    const QString file
        = QStringLiteral(KVT_TEST_DATA "/rules/") + QLatin1String(name) + QStringLiteral("/input.jsonl.gz");
    const engine::LoadResult load = engine::loadInputs({file.toStdString()}, {});
    if (load.rejected() != 0 || !load.dataset)
        qFatal("cannot load %s", qPrintable(file));
    engine::SentinelParams p;
    p.now = engine::parseIsoDateTime("2026-11-23T00:05Z");
    engine::SentinelRule rule(load.dataset);
    return rule.run(p);
}

engine::ScoreExplanation lastBinOf(const engine::SentinelResult &result, const char *key)
{
    const auto series = engine::findSeries(result, key);
    if (!series)
        qFatal("no series %s", key);
    return engine::explainPoint(result, *series, result.series[*series].counts.size() - 1);
}

} // namespace

class TestExplainText : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void numbersAppear_data();
    void numbersAppear();
    void keysAreEscaped();
    void decidingNumbersKeepTheirComparison();
    void everyVerdictHasItsOwnTitle();

private:
    engine::SentinelResult m_join;
    engine::SentinelResult m_drops;
};

void TestExplainText::initTestCase()
{
    m_join = runCase("first-hour-join");
    m_drops = runCase("drops-and-splits");
}

void TestExplainText::numbersAppear_data()
{
    QTest::addColumn<bool>("join"); // first-hour-join, else drops-and-splits
    QTest::addColumn<QString>("key");
    QTest::addColumn<QStringList>("expected");

    QTest::newRow("alerted") << true << "203.0.113.7"
                             << QStringList {QStringLiteral("Alerted"), QStringLiteral("<b>305</b>"),
                                    QStringLiteral("156.1143"), QStringLiteral("5.430269 &gt; 3"),
                                    QStringLiteral("truncates to 156"), QStringLiteral("156 &gt; 25"),
                                    QStringLiteral("2.772605605507915"), QStringLiteral("P90"), QStringLiteral("P10"),
                                    QStringLiteral("2026-11-21 00:05"), QStringLiteral("Caller IP"),
                                    QStringLiteral("point 14 of 14"), QStringLiteral("too few for autodetect")};
    QTest::newRow("baseline") << true << "192.0.2.10"
                              << QStringList {QStringLiteral("Dropped by the baseline threshold"),
                                     QStringLiteral("truncates to 13"), QStringLiteral("not above 25"),
                                     QStringLiteral("stopped here"), QStringLiteral("not reached")};
    QTest::newRow("silenced") << true << "192.0.2.20"
                              << QStringList {QStringLiteral("Silenced by the join"), QStringLiteral("<b>300</b>"),
                                     QStringLiteral("00:00–01:00"), QStringLiteral("0 final alert rows")};
    QTest::newRow("drop") << false << "198.51.100.2"
                          << QStringList {QStringLiteral("Drop ignored"), QStringLiteral("-5.430269 &lt; −3"),
                                 QStringLiteral("is below P10"), QStringLiteral("248.8857")};
}

void TestExplainText::numbersAppear()
{
    QFETCH(bool, join);
    QFETCH(QString, key);
    QFETCH(QStringList, expected);
    const engine::ScoreExplanation e = lastBinOf(join ? m_join : m_drops, key.toUtf8().constData());
    const QString html = model::explanationHtml(e);
    for (const QString &text : expected)
        QVERIFY2(html.contains(text), qPrintable(text + QStringLiteral(" not in ") + html));
    QVERIFY(html.contains(model::verdictTitle(e.verdict)));
    QVERIFY(html.contains(key));
}

void TestExplainText::keysAreEscaped()
{
    engine::ScoreExplanation e = lastBinOf(m_join, "203.0.113.7");
    e.key = "<img src=x onerror=alert(1)>%1&";
    const QString html = model::explanationHtml(e);
    QVERIFY(!html.contains(QStringLiteral("<img")));
    QVERIFY(html.contains(QStringLiteral("&lt;img src=x onerror=alert(1)&gt;%1&amp;")));
}

void TestExplainText::decidingNumbersKeepTheirComparison()
{
    auto above = [](double against) { return [against](double d) { return d > against; }; };
    QCOMPARE(model::decidingNumber(3.0000001, above(3)), QStringLiteral("3.0000001"));
    QCOMPARE(model::decidingNumber(5.4302690123, above(3)), QStringLiteral("5.430269"));
    const double almost26 = std::nextafter(26.0, 0.0);
    const QString printed = model::decidingNumber(almost26, [](double d) { return std::trunc(d) == 25; });
    QCOMPARE(printed.toDouble(), almost26);
    QVERIFY(printed.startsWith(QStringLiteral("25.99999999999999")));
    QCOMPARE(model::decidingNumber(std::numeric_limits<double>::infinity(), above(3)), QStringLiteral("+∞"));

    // A baseline a hair under 26 must not read as 26 where it truncates to 25.
    engine::ScoreExplanation e = lastBinOf(m_join, "203.0.113.7");
    e.baseline = almost26;
    e.stages.baselineLong = 25;
    e.stages.baselinePasses = false;
    e.verdict = Verdict::BaselineNotAbove;
    const QString html = model::explanationHtml(e);
    QVERIFY2(html.contains(QStringLiteral("baseline 25.99999999999999")), qPrintable(html));
    QVERIFY(html.contains(QStringLiteral("truncates to 25")));
    QVERIFY(!html.contains(QStringLiteral("rounding")));

    e.stages.nearBaselineThreshold = true;
    e.score.nearThreshold = true;
    const QString tie = model::explanationHtml(e);
    QVERIFY(tie.contains(QStringLiteral("The score is within 1e-9 of ±3")));
    QVERIFY(tie.contains(QStringLiteral("where its truncation crosses 25")));
}

void TestExplainText::everyVerdictHasItsOwnTitle()
{
    std::set<QString> titles;
    for (Verdict v : {Verdict::Alerted, Verdict::BelowThreshold, Verdict::DropIgnored, Verdict::BaselineNotAbove,
             Verdict::OutsideAlertWindow, Verdict::SilencedByJoin, Verdict::FoldedIntoOtherAnomaly})
        titles.insert(model::verdictTitle(v));
    QCOMPARE(titles.size(), std::size_t(7));
    QVERIFY(!titles.count(QString()));
}

QTEST_GUILESS_MAIN(TestExplainText)
#include "tst_explain_text.moc"
