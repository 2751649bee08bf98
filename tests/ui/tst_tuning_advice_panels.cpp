// SPDX-License-Identifier: MIT
// The threshold and exclusion panels driven offscreen: the curves drawn are the advisor's, a click on
// a curve point tries that threshold, a picked value is previewed run by run and "Add to Sentinel
// rule" puts it into the rule's parameters.
#include <QComboBox>
#include <QLabel>
#include <QPushButton>
#include <QSignalSpy>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QtTest>

#include "model/analysis_session.h"
#include "model/tuning_advisor.h"
#include "tests/model/generated_input.h"
#include "ui/chart/threshold_advice_panel.h"
#include "ui/exclusion_panel.h"

using namespace kvt;
using model::AnalysisSession;
using model::TuningAdvisor;

class TestTuningAdvicePanels : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void thresholdCurvesAndClicks_data();
    void thresholdCurvesAndClicks();
    void exclusionPreviewAndAdd();

private:
    QTemporaryDir m_dir;
    QString m_history;
};

void TestTuningAdvicePanels::initTestCase()
{
    QVERIFY(m_dir.isValid());
    m_history = test::writeGenerated(m_dir, 24, 30, 40000);
}

void TestTuningAdvicePanels::thresholdCurvesAndClicks_data()
{
    QTest::addColumn<bool>("score");
    QTest::addColumn<int>("point");
    QTest::newRow("score 2") << true << 3;
    QTest::newRow("score 5") << true << 9;
    QTest::newRow("baseline 10") << false << 2;
}

void TestTuningAdvicePanels::thresholdCurvesAndClicks()
{
    QFETCH(bool, score);
    QFETCH(int, point);
    AnalysisSession session;
    TuningAdvisor advisor(&session);
    ui::ThresholdAdvicePanel panel(&session, &advisor);
    panel.resize(1200, 360);
    panel.show(); // a shown panel activates the advice
    QVERIFY(advisor.isActive());
    session.openPaths({m_history});
    QTRY_VERIFY_WITH_TIMEOUT(advisor.advice() != nullptr && !panel.scoreAlertPoints().isEmpty(), 60000);
    const auto &t = advisor.advice()->thresholds;
    const auto &curve = score ? t.byScore : t.byBaseline;
    const QList<QPointF> drawn = score ? panel.scoreAlertPoints() : panel.baselineAlertPoints();
    QCOMPARE(drawn.size(), qsizetype(curve.size()));
    for (std::size_t i = 0; i < curve.size(); ++i)
        QCOMPARE(drawn.at(qsizetype(i)).y(), double(curve[i].alerts));
    QVERIFY2(panel.summaryLabel()->text().contains(QStringLiteral("Sentinel alert")),
        qPrintable(panel.summaryLabel()->text()));

    const double chosen = curve[std::size_t(point)].threshold;
    const std::size_t alertsThere = curve[std::size_t(point)].alerts; // the advice is replaced below
    if (score)
        panel.tryScorePoint(point);
    else
        panel.tryBaselinePoint(point);
    QCOMPARE(score ? session.sentinelParams().scoreThreshold : session.sentinelParams().baselineThreshold, chosen);
    // The advice comes back for the new threshold, with the curve unchanged (the same replay).
    QTRY_VERIFY_WITH_TIMEOUT(advisor.advice() != nullptr
            && (score ? advisor.advice()->sentinel.scoreThreshold : advisor.advice()->sentinel.baselineThreshold)
                == chosen,
        60000);
    const auto &again = score ? advisor.advice()->thresholds.byScore : advisor.advice()->thresholds.byBaseline;
    const auto same = std::find_if(again.begin(), again.end(), [&](const auto &p) { return p.threshold == chosen; });
    QVERIFY(same != again.end());
    QCOMPARE(same->alerts, alertsThere);

    panel.hide();
    QVERIFY(!advisor.isActive());
}

void TestTuningAdvicePanels::exclusionPreviewAndAdd()
{
    AnalysisSession session;
    TuningAdvisor advisor(&session);
    ui::ExclusionPanel panel(&session, &advisor);
    panel.resize(1200, 360);
    panel.show();
    session.openPaths({m_history});
    QTRY_VERIFY_WITH_TIMEOUT(panel.valueBox()->count() > 0, 60000);
    QCOMPARE(panel.kindBox()->currentText(), QStringLiteral("Caller IP"));
    QVERIFY(!panel.addToSentinelButton()->isEnabled());
    const QString busiest = panel.valueBox()->itemText(0);
    panel.valueBox()->setCurrentText(busiest);
    panel.previewValue();
    QTRY_VERIFY_WITH_TIMEOUT(advisor.preview() != nullptr, 60000);
    QVERIFY2(panel.summaryLabel()->text().startsWith(QStringLiteral("Excluding caller ") + busiest),
        qPrintable(panel.summaryLabel()->text()));
    QVERIFY(panel.runsTable()->rowCount() > 0); // the busiest caller's records are on some run's day
    QVERIFY(panel.addToSentinelButton()->isEnabled());

    QTest::mouseClick(panel.addToSentinelButton(), Qt::LeftButton);
    QCOMPARE(session.sentinelParams().excludeCallers, std::vector<std::string> {busiest.toStdString()});
    QTRY_VERIFY_WITH_TIMEOUT(advisor.preview() != nullptr && !advisor.preview()->impact.sentinel.excludeCallers.empty()
            && session.backtest()->current.params.sentinel.excludeCallers.size() == 1,
        60000);
    QCOMPARE(panel.addToSentinelButton()->text(), QStringLiteral("In the Sentinel rule"));
    QVERIFY(!panel.addToSentinelButton()->isEnabled());
    // Already excluded from the Sentinel rule: the preview takes nothing more from it.
    QCOMPARE(advisor.preview()->impact.alertsAfter, advisor.preview()->impact.alertsBefore);
    QCOMPARE(advisor.preview()->impact.recordsRemoved, std::uint64_t {0});
}

QTEST_MAIN(TestTuningAdvicePanels)
#include "tst_tuning_advice_panels.moc"
