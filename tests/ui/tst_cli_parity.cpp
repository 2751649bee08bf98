// SPDX-License-Identifier: MIT
// One engine, one answer: what the window shows after the tuning controls are driven equals what
// `kvtriage-cli detect` prints for the same parameters.
#include <QComboBox>
#include <QDoubleSpinBox>
#include <QProcess>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QtTest>

#include <nlohmann/json.hpp>

#include <set>

#include "engine/core/ticks.h"
#include "engine/rules/sentinel_params.h"
#include "model/analysis_session.h"
#include "model/key_list_model.h"
#include "ui/keys_panel.h"
#include "ui/main_window.h"
#include "ui/param_editors.h"
#include "ui/session_status_label.h"
#include "ui/tuning_panel.h"

using namespace kvt;

namespace {

const QString kDemo = QStringLiteral(KVT_SOURCE_DIR "/resources/demo/keyvault-audit-demo.jsonl.gz");

nlohmann::json runCli(const QStringList &options)
{
    QProcess cli;
    cli.start(QStringLiteral(KVT_CLI_PATH), QStringList {QStringLiteral("detect"), kDemo} + options);
    if (!cli.waitForFinished(120000) || cli.exitCode() != 0)
        return {};
    return nlohmann::json::parse(cli.readAllStandardOutput().toStdString(), nullptr, false);
}

} // namespace

class TestCliParity : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void windowEqualsCli_data();
    void windowEqualsCli();
};

void TestCliParity::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
}

void TestCliParity::windowEqualsCli_data()
{
    QTest::addColumn<double>("threshold"); ///< < 0: leave the control alone
    QTest::addColumn<QString>("drilldown"); ///< empty: leave it alone
    QTest::addColumn<QStringList>("cliOptions");
    QTest::newRow("deployed") << -1.0 << QString() << QStringList {};
    QTest::newRow("threshold 2.5") << 2.5 << QString()
                                   << QStringList {QStringLiteral("--score-threshold"), QStringLiteral("2.5")};
    QTest::newRow("threshold 2, full-bin") << 2.0 << QStringLiteral("full-bin")
                                           << QStringList {QStringLiteral("--score-threshold"), QStringLiteral("2"),
                                                  QStringLiteral("--drilldown"), QStringLiteral("full-bin")};
}

void TestCliParity::windowEqualsCli()
{
    QFETCH(double, threshold);
    QFETCH(QString, drilldown);
    QFETCH(QStringList, cliOptions);
    model::AnalysisSession session;
    ui::MainWindow w(&session);
    w.resize(1400, 850);
    w.show();
    QSignalSpy results(&session, &model::AnalysisSession::resultsChanged);
    session.openPaths({kDemo});
    QVERIFY(results.wait(60000));

    // Drive the controls as an analyst would.
    if (threshold >= 0) {
        auto *spin = w.tuningPanel()->editor(QStringLiteral("score-threshold"))->findChild<QDoubleSpinBox *>();
        QVERIFY(spin);
        spin->setValue(threshold);
    }
    if (!drilldown.isEmpty()) {
        auto *combo = w.tuningPanel()->editor(QStringLiteral("drilldown"))->findChild<QComboBox *>();
        QVERIFY(combo);
        combo->setCurrentIndex(combo->findText(drilldown));
    }
    const auto applied = [&] {
        const auto now = session.results();
        if (session.isRescoring() || !now)
            return false;
        const auto &p = now->sentinel.params;
        return (threshold < 0 || p.scoreThreshold == threshold)
            && (drilldown.isEmpty() || drilldown == QLatin1String(engine::drilldownName(p.drilldown)));
    };
    QTRY_VERIFY_WITH_TIMEOUT(applied(), 30000);
    const auto &shown = session.results()->sentinel;

    const nlohmann::json cli = runCli(cliOptions);
    QVERIFY(cli.is_object());
    QCOMPARE(QString::fromStdString(cli["now"].get<std::string>()),
        QString::fromStdString(engine::formatIsoDateTime(*shown.params.now)));
    QCOMPARE(cli["anomalies"].size(), shown.anomalies.size());
    for (std::size_t i = 0; i < shown.anomalies.size(); ++i) {
        const auto &a = cli["anomalies"][i];
        QCOMPARE(a["CallerIPAddress"].get<std::string>(), shown.anomalies[i].key);
        QCOMPARE(a["AnomalyHour"].get<std::string>(), engine::formatIsoDateTime(shown.anomalies[i].bin));
        QCOMPARE(a["score"].get<double>(), shown.anomalies[i].score);
    }
    QCOMPARE(cli["alerts"].size(), shown.alerts.size());
    std::set<std::string> alertingKeys;
    for (std::size_t i = 0; i < shown.alerts.size(); ++i) {
        const auto &a = cli["alerts"][i];
        QCOMPARE(a["Resource"].get<std::string>(), shown.alerts[i].resource);
        QCOMPARE(a["id_s"].get<std::string>(), shown.alerts[i].idS);
        QCOMPARE(a["EventCount"].get<std::uint64_t>(), shown.alerts[i].eventCount);
        QCOMPARE(a["AccountMax"].get<std::string>(), shown.alerts[i].accountMax);
        alertingKeys.insert(a["CallerIPAddress"].get<std::string>());
    }

    // What is on screen: the status line's count and the keys list's alerting rows.
    QTRY_VERIFY(w.statusText().contains(QStringLiteral(", %1 alert").arg(cli["alerts"].size())));
    const auto *keys = session.keyListModel();
    int alerting = 0;
    for (int r = 0; r < keys->rowCount(); ++r)
        alerting += keys->summary(r).status == engine::KeyStatus::Alerting ? 1 : 0;
    QCOMPARE(alerting, static_cast<int>(alertingKeys.size()));
}

QTEST_MAIN(TestCliParity)
#include "tst_cli_parity.moc"
