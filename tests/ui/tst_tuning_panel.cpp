// SPDX-License-Identifier: MIT
#include <QSignalSpy>
#include <QtTest>
#include <QtWidgets>

#include "engine/rules/rule_parameters.h"
#include "model/analysis_session.h"
#include "model/tuning_summary.h"
#include "ui/param_editors.h"
#include "ui/tuning_panel.h"

using namespace kvt;
using model::AnalysisSession;
using ui::TuningPanel;

namespace kvt::model {
char *toString(const ResultsFigures &f)
{
    const QString keys = QString::fromStdString(engine::formatParamValue(f.anomalousKeys, false));
    return QTest::toString(QStringLiteral("alerts %1, bursts %2, anomalous [%3]")
                               .arg(f.alerts)
                               .arg(f.bursts ? qlonglong(*f.bursts) : -1)
                               .arg(keys));
}
} // namespace kvt::model

namespace {

const QString kCase = QStringLiteral(KVT_TEST_DATA "/rules/first-hour-join/input.jsonl.gz");
constexpr int kWaitMs = 60000;

QStringList listOf(const std::vector<std::string> &keys)
{
    return QString::fromStdString(engine::formatParamValue(keys, false)).split(QLatin1Char(','), Qt::SkipEmptyParts);
}

// What the engine alone says for the session's current parameters (one engine, one answer).
model::ResultsFigures engineFigures(const AnalysisSession &session)
{
    engine::SentinelRule rule(session.dataset());
    const engine::SentinelResult sentinel = rule.run(session.sentinelParams());
    const engine::ElasticBurstResult burst = engine::runElasticBurst(*session.dataset(), session.burstParams());
    return model::figuresOf(sentinel, &burst);
}

// The session's value of a Sentinel row, as the row prints it.
QString shownValue(const AnalysisSession &session, const QString &option)
{
    for (const auto &row : engine::sentinelParameters())
        if (row.option == option.toStdString())
            return QString::fromStdString(engine::formatParam(row, session.sentinelParams()));
    return {};
}

// Drives @p editor the way the analyst would, whatever control the row's type gave it.
void drive(ui::ParamEditor *editor, const QString &value)
{
    if (auto *spin = editor->findChild<QDoubleSpinBox *>()) {
        spin->setValue(value.toDouble());
    } else if (auto *ints = editor->findChild<QSpinBox *>()) {
        ints->setValue(value.toInt());
    } else if (auto *combo = editor->findChild<QComboBox *>()) {
        combo->setCurrentText(value);
    } else if (auto *check = editor->findChild<QCheckBox *>()) {
        check->setChecked(value == QStringLiteral("true"));
    } else if (auto *list = editor->findChild<QListWidget *>()) {
        list->selectAll(); // value "none": remove every item
        for (auto *button : editor->findChildren<QPushButton *>())
            if (button->text() == QStringLiteral("Remove"))
                QTest::mouseClick(button, Qt::LeftButton);
    } else if (auto *edit = editor->findChild<QLineEdit *>()) {
        edit->selectAll();
        QTest::keyClicks(edit, value);
        QTest::keyClick(edit, Qt::Key_Return);
    }
}

} // namespace

/// One session over the first-hour-join rule case and a panel on it, scored once.
class Fixture {
public:
    Fixture() : panel(&session), results(&session, &AnalysisSession::resultsChanged) { session.openPaths({kCase}); }
    bool scored() { return results.wait(kWaitMs); }
    /// The @p W of @p option's control.
    template <typename W> W *control(const char *option, TuningPanel::Rule rule = TuningPanel::Rule::Sentinel)
    {
        return panel.editor(QString::fromLatin1(option), rule)->findChild<W *>();
    }
    AnalysisSession session;
    TuningPanel panel;
    QSignalSpy results;
};

class TestTuningPanel : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void controlsFollowTheTables();
    void controlsDriveTheSession_data();
    void controlsDriveTheSession();
    void sliderDragRescoresOnce();
    void parametersFromElsewhereMoveTheControls();
    void freeTextIsRefused_data();
    void freeTextIsRefused();
    void dayScrubberSetsNow();
    void elasticRuleHasItsOwnControls();
    void resetReturnsToTheDeployedRule();
};

void TestTuningPanel::controlsFollowTheTables()
{
    AnalysisSession session;
    TuningPanel panel(&session);
    QCOMPARE(panel.tabs()->count(), 2);
    using T = engine::ParamType;
    const std::map<T, const char *> controlOf {{T::Number, "QDoubleSpinBox"}, {T::Integer, "QSpinBox"},
        {T::Choice, "QComboBox"}, {T::Flag, "QCheckBox"}, {T::DateTime, "QDateTimeEdit"}, {T::Duration, "QLineEdit"},
        {T::TextList, "QLineEdit"}};
    auto checkRow = [&](const ui::ParamRow &row, TuningPanel::Rule rule) {
        ui::ParamEditor *editor = panel.editor(row.option, rule);
        QVERIFY2(editor, qPrintable(row.option));
        const bool list = row.type == engine::ParamType::TextList && row.repeatable;
        const char *expected = list ? "QListWidget" : controlOf.at(row.type);
        const auto children = editor->findChildren<QWidget *>();
        QVERIFY2(std::any_of(children.begin(), children.end(),
                     [&](QWidget *w) { return qstrcmp(w->metaObject()->className(), expected) == 0; }),
            expected);
        if (row.type == engine::ParamType::Number || row.type == engine::ParamType::DateTime)
            QVERIFY(editor->findChild<QSlider *>());
        if (row.type == engine::ParamType::Choice)
            QCOMPARE(editor->findChild<QComboBox *>()->count(), row.choices.size());
        QCOMPARE(editor->isEnabled(), row.type != engine::ParamType::DateTime); // no data, no days to scrub
        const QString tip = panel.rowLabel(row.option, rule)->toolTip();
        QVERIFY2(tip.contains(row.help.toHtmlEscaped()) && tip.contains(row.ruleName.toHtmlEscaped()), qPrintable(tip));
        if (!row.unit.isEmpty())
            QVERIFY(panel.rowLabel(row.option, rule)->text().contains(row.unit));
        QVERIFY(!panel.differsFromDeployed(row.option, rule));
    };
    for (const auto &spec : engine::sentinelParameters())
        checkRow(ui::paramRow(spec), TuningPanel::Rule::Sentinel);
    for (const auto &spec : engine::elasticBurstParameters())
        checkRow(ui::paramRow(spec), TuningPanel::Rule::Elastic);
    QVERIFY(!panel.isTuned() && !panel.resetButton()->isEnabled());

    // The deployed allow-list shows its application's name.
    auto *list = panel.editor(QStringLiteral("allow-appid"))->findChild<QListWidget *>();
    QCOMPARE(list->count(), 1);
    QVERIFY(list->item(0)->text().contains(QStringLiteral("Azure Resource Graph")));
}

void TestTuningPanel::controlsDriveTheSession_data()
{
    QTest::addColumn<QString>("option");
    QTest::addColumn<QString>("value"); ///< also the session's value as the row prints it
    QTest::addColumn<QStringList>("gained"); ///< keys the change makes anomalous (from the case's README)
    QTest::addColumn<QStringList>("lost");
    const auto add = [](const char *name, const char *option, const char *value, const QStringList &gained = {},
                         const QStringList &lost = {}) {
        QTest::newRow(name) << QString::fromLatin1(option) << QString::fromLatin1(value) << gained << lost;
    };
    const QStringList a7 {QStringLiteral("203.0.113.7")};
    add("score threshold above 5.43", "score-threshold", "6", {}, a7);
    add("drill-down full-bin un-silences 192.0.2.20", "drilldown", "full-bin", {QStringLiteral("192.0.2.20")});
    add("baseline threshold above 156", "baseline-threshold", "160", {}, a7);
    add("claim back-fill", "claim-backfill", "true");
    add("lookback", "lookback-days", "10");
    add("bin", "bin", "12h");
    add("alert window", "alert-window", "36h");
    add("operations", "operations", "SecretGet,KeyGet");
    add("allow-list emptied", "allow-appid", "none");
    add("trend", "trend", "avg");
    add("seasonality", "seasonality", "0");
}

// Each control changes the session's parameters through its row, marks the row, and the panel's
// figures are the engine's for the new parameters; the row's reset brings everything back.
void TestTuningPanel::controlsDriveTheSession()
{
    QFETCH(QString, option);
    QFETCH(QString, value);
    QFETCH(QStringList, gained);
    QFETCH(QStringList, lost);
    Fixture f;
    QVERIFY(f.scored());
    const model::ResultsFigures deployed = engineFigures(f.session);
    QCOMPARE(f.panel.lastDelta()->after, deployed);
    QSignalSpy effect(&f.panel, &TuningPanel::effectChanged);

    drive(f.panel.editor(option), value);
    QCOMPARE(shownValue(f.session, option), value);
    QVERIFY(f.panel.differsFromDeployed(option));
    QVERIFY(f.panel.rowLabel(option)->font().bold());
    QVERIFY(f.panel.rowResetButton(option)->isEnabled());
    QVERIFY(f.panel.isTuned());
    QTRY_COMPARE_WITH_TIMEOUT(f.results.count(), 2, kWaitMs);
    const model::TuningDelta &d = *f.panel.lastDelta();
    QCOMPARE(d.before, std::optional(deployed));
    QCOMPARE(d.after, engineFigures(f.session));
    const model::TuningDelta expected = model::compareFigures(deployed, d.after);
    QCOMPARE(listOf(d.gained), listOf(expected.gained));
    QCOMPARE(listOf(d.lost), listOf(expected.lost));
    if (!gained.isEmpty() || !lost.isEmpty()) {
        QCOMPARE(listOf(d.gained), gained);
        QCOMPARE(listOf(d.lost), lost);
    }
    QCOMPARE(f.panel.effectLabel()->text(), model::describeDelta(d));
    QCOMPARE(effect.count(), 1);

    QTest::mouseClick(f.panel.rowResetButton(option), Qt::LeftButton);
    QVERIFY(!f.panel.differsFromDeployed(option));
    QVERIFY(!f.panel.rowLabel(option)->font().bold());
    QVERIFY(!f.panel.isTuned());
    QTRY_COMPARE_WITH_TIMEOUT(f.results.count(), 3, kWaitMs);
    QCOMPARE(f.panel.lastDelta()->after, deployed);
}

void TestTuningPanel::sliderDragRescoresOnce()
{
    Fixture f;
    QVERIFY(f.scored());
    auto *slider = f.control<QSlider>("score-threshold");
    QCOMPARE(slider->value(), 30); // 3 in steps of 0.1
    QSignalSpy started(&f.session, &AnalysisSession::rescoreStarted);
    slider->setSliderDown(true);
    for (int i = 0; i < 35; ++i)
        slider->triggerAction(QAbstractSlider::SliderSingleStepAdd);
    slider->setSliderDown(false);
    QCOMPARE(f.session.sentinelParams().scoreThreshold, 6.5);
    QCOMPARE(started.count(), 0); // debounced: nothing runs while the drag goes on
    QTRY_COMPARE_WITH_TIMEOUT(f.results.count(), 2, kWaitMs);
    QCOMPARE(started.count(), 1);
    QVERIFY(!f.session.isRescoring());
    QCOMPARE(f.session.results()->sentinel.params.scoreThreshold, 6.5);
    QCOMPARE(f.panel.lastDelta()->after, engineFigures(f.session));
}

// A change made elsewhere (a --params file, another panel) moves the controls and runs once; the
// controls never round it or send it back.
void TestTuningPanel::parametersFromElsewhereMoveTheControls()
{
    Fixture f;
    QVERIFY(f.scored());
    QSignalSpy changed(&f.session, &AnalysisSession::parametersChanged);
    QSignalSpy started(&f.session, &AnalysisSession::rescoreStarted);
    engine::SentinelParams p = f.session.sentinelParams();
    p.scoreThreshold = 4.567;
    p.drilldown = engine::Drilldown::FullBin;
    p.allowAppIds = {"04b07795-8ddb-461a-bbee-02f9e1bf7b46", "not-a-known-app"};
    p.alertWindow = 3 * engine::kTicksPerDay;
    p.now = engine::parseIsoDateTime("2026-12-25T12:00:00Z"); // past the data: the field still shows it
    f.session.setSentinelParams(p, AnalysisSession::Apply::Now);
    QCOMPARE(changed.count(), 1);
    QCOMPARE(f.control<QDoubleSpinBox>("score-threshold")->value(), 4.57);
    QCOMPARE(f.control<QComboBox>("drilldown")->currentText(), QStringLiteral("full-bin"));
    QCOMPARE(f.control<QLineEdit>("alert-window")->text(), QStringLiteral("3d"));
    auto *list = f.control<QListWidget>("allow-appid");
    QCOMPARE(list->count(), 2);
    QVERIFY(list->item(0)->text().contains(QStringLiteral("Microsoft Azure CLI")));
    QCOMPARE(list->item(1)->text(), QStringLiteral("not-a-known-app"));
    QCOMPARE(f.control<QDateTimeEdit>("now")->dateTime(), QDateTime(QDate(2026, 12, 25), QTime(12, 0), Qt::UTC));
    for (const char *option : {"score-threshold", "drilldown", "allow-appid", "alert-window", "now"})
        QVERIFY2(f.panel.differsFromDeployed(QString::fromLatin1(option)), option);
    QVERIFY(!f.panel.differsFromDeployed(QStringLiteral("baseline-threshold")));
    QTRY_COMPARE_WITH_TIMEOUT(f.results.count(), 2, kWaitMs);
    QCOMPARE(started.count(), 1);
    QCOMPARE(changed.count(), 1);
    QCOMPARE(f.session.sentinelParams().scoreThreshold, 4.567);
    QCOMPARE(f.panel.lastDelta()->after, engineFigures(f.session));
}

// What the row's parse refuses is shown under the field and never reaches the session.
void TestTuningPanel::freeTextIsRefused_data()
{
    QTest::addColumn<QString>("option");
    QTest::addColumn<QString>("text");
    QTest::newRow("bin: not a duration") << QStringLiteral("bin") << QStringLiteral("daily");
    QTest::newRow("alert window: zero") << QStringLiteral("alert-window") << QStringLiteral("0d");
    QTest::newRow("operations: none") << QStringLiteral("operations") << QStringLiteral(",");
}

void TestTuningPanel::freeTextIsRefused()
{
    QFETCH(QString, option);
    QFETCH(QString, text);
    Fixture f;
    QVERIFY(f.scored());
    const QString before = shownValue(f.session, option);
    drive(f.panel.editor(option), text);
    const QLabel *error = f.panel.editor(option)->findChild<QLabel *>();
    QVERIFY(!error->isHidden());
    QVERIFY2(error->text().startsWith(QStringLiteral("--%1: ").arg(option)), qPrintable(error->text()));
    QCOMPARE(shownValue(f.session, option), before);
    drive(f.panel.editor(option), f.panel.editor(option)->row().defaultText);
    QVERIFY(error->isHidden());
}

void TestTuningPanel::dayScrubberSetsNow()
{
    Fixture f;
    QVERIFY(f.scored());
    ui::ParamEditor *editor = f.panel.editor(QStringLiteral("now"));
    QVERIFY(editor->isEnabled());
    auto *scrubber = editor->findChild<QSlider *>();
    auto *edit = editor->findChild<QDateTimeEdit *>();
    // The case's records run from 2026-11-08 23:59:59 to 2026-11-23 00:00: days 11-08 .. 11-23;
    // unset, `now` is the scheduled run evaluating 11-22.
    QCOMPARE(scrubber->maximum(), 15);
    QCOMPARE(scrubber->value(), 14);
    QCOMPARE(edit->dateTime(), QDateTime(QDate(2026, 11, 23), QTime(0, 5), Qt::UTC));
    QVERIFY(!f.panel.differsFromDeployed(QStringLiteral("now")));

    scrubber->setValue(12); // evaluate 2026-11-20
    QCOMPARE(f.session.sentinelParams().now, engine::parseIsoDateTime("2026-11-21T00:05:00Z"));
    QCOMPARE(edit->dateTime(), QDateTime(QDate(2026, 11, 21), QTime(0, 5), Qt::UTC));
    QVERIFY(f.panel.differsFromDeployed(QStringLiteral("now")));
    QTRY_COMPARE_WITH_TIMEOUT(f.results.count(), 2, kWaitMs);
    QCOMPARE(f.session.results()->sentinel.params.now, f.session.sentinelParams().now);
    QCOMPARE(f.panel.lastDelta()->after, engineFigures(f.session));

    // Back on the last day by hand is the scheduled run again: no mark, though `now` is now explicit.
    scrubber->setValue(14);
    QVERIFY(f.session.sentinelParams().now.has_value());
    QVERIFY(!f.panel.differsFromDeployed(QStringLiteral("now")));
    scrubber->setValue(3);
    QTest::mouseClick(f.panel.rowResetButton(QStringLiteral("now")), Qt::LeftButton);
    QVERIFY(!f.session.sentinelParams().now.has_value());
    QCOMPARE(scrubber->value(), 14);
    QTRY_COMPARE_WITH_TIMEOUT(f.results.count(), 3, kWaitMs);
    QCOMPARE(f.panel.lastDelta()->after, engineFigures(f.session));
}

void TestTuningPanel::elasticRuleHasItsOwnControls()
{
    Fixture f;
    QVERIFY(f.scored());
    const auto elastic = TuningPanel::Rule::Elastic;
    const QString minActions = QStringLiteral("min-actions"), preset = QStringLiteral("preset");
    auto *spin = f.control<QSpinBox>("min-actions", elastic);
    spin->setValue(3);
    QCOMPARE(f.session.burstParams().minActions, 3);
    QVERIFY(f.panel.differsFromDeployed(minActions, elastic));
    QVERIFY(!f.panel.differsFromDeployed(QStringLiteral("operations"))); // the Sentinel row of that name
    QVERIFY(f.panel.tabs()->tabText(1).contains(QStringLiteral("•")));
    QVERIFY(!f.panel.tabs()->tabText(0).contains(QStringLiteral("•")));
    QTRY_COMPARE_WITH_TIMEOUT(f.results.count(), 2, kWaitMs);
    QCOMPARE(f.panel.lastDelta()->after, engineFigures(f.session));

    // The published form brings its own min-actions: only the preset is marked.
    f.control<QComboBox>("preset", elastic)->setCurrentText(QStringLiteral("published"));
    QCOMPARE(f.session.burstParams().minActions, 10);
    QCOMPARE(spin->value(), 10);
    QVERIFY(f.panel.differsFromDeployed(preset, elastic));
    QVERIFY(!f.panel.differsFromDeployed(minActions, elastic));
    QTRY_COMPARE_WITH_TIMEOUT(f.results.count(), 3, kWaitMs);
    QCOMPARE(f.panel.lastDelta()->after, engineFigures(f.session));
    QCOMPARE(f.panel.lastDelta()->after.bursts, std::optional(f.session.results()->burst->alerts.size()));
}

void TestTuningPanel::resetReturnsToTheDeployedRule()
{
    Fixture f;
    QVERIFY(f.scored());
    const model::ResultsFigures deployed = engineFigures(f.session);
    QSignalSpy tuned(&f.panel, &TuningPanel::tunedChanged);
    f.control<QSlider>("now")->setValue(13);
    f.control<QDoubleSpinBox>("score-threshold")->setValue(2.5);
    f.control<QCheckBox>("claim-backfill")->setChecked(true);
    f.control<QComboBox>("drilldown")->setCurrentText(QStringLiteral("full-bin"));
    f.control<QCheckBox>("sliding", TuningPanel::Rule::Elastic)->setChecked(true);
    QCOMPARE(tuned.count(), 1);
    QCOMPARE(tuned.last().at(0).toBool(), true);
    QVERIFY(f.panel.resetButton()->isEnabled());
    QTRY_VERIFY_WITH_TIMEOUT(f.results.count() >= 2 && !f.session.isRescoring(), kWaitMs);
    const std::optional<engine::Ticks> day = f.session.sentinelParams().now;

    QSignalSpy started(&f.session, &AnalysisSession::rescoreStarted);
    const int before = f.results.count();
    QTest::mouseClick(f.panel.resetButton(), Qt::LeftButton);
    QCOMPARE(f.session.sentinelParams().now, day); // the evaluated day stays
    QVERIFY(model::changedFromDeployed(f.session.burstParams()).empty());
    QCOMPARE(model::changedFromDeployed(f.session.sentinelParams(), f.session.dataset().get()),
        std::vector<std::string> {"now"});
    for (const char *option : {"score-threshold", "claim-backfill", "drilldown"})
        QVERIFY2(!f.panel.rowLabel(QString::fromLatin1(option))->font().bold(), option);
    QVERIFY(f.panel.differsFromDeployed(QStringLiteral("now")));
    QTRY_COMPARE_WITH_TIMEOUT(f.results.count(), before + 1, kWaitMs);
    QCOMPARE(started.count(), 1); // both rules in one rescore
    QCOMPARE(f.panel.lastDelta()->after, engineFigures(f.session));

    QTest::mouseClick(f.panel.rowResetButton(QStringLiteral("now")), Qt::LeftButton);
    QVERIFY(!f.panel.isTuned());
    QCOMPARE(tuned.last().at(0).toBool(), false);
    QVERIFY(!f.panel.resetButton()->isEnabled());
    QTRY_COMPARE_WITH_TIMEOUT(f.results.count(), before + 2, kWaitMs);
    QCOMPARE(f.panel.lastDelta()->after, deployed);
}

QTEST_MAIN(TestTuningPanel)
#include "tst_tuning_panel.moc"
