// SPDX-License-Identifier: MIT
// The alerts table: its Sentinel rows are what `kvtriage-cli detect` writes, its ES|QL rows are the
// burst table's, and the analyst's triage stays with an alert (not a row) through every rescore.
#include <QAbstractItemModelTester>
#include <QProcess>
#include <QtTest>

#include <nlohmann/json.hpp>

#include <map>

#include "engine/core/ip_address.h"
#include "engine/ingest/loader.h"
#include "model/alerts_table_model.h"
#include "model/burst_table_model.h"

using namespace kvt;
using Column = model::AlertsTableModel::Column;
using model::AlertRule;
using model::AlertsTableModel;
using model::TriageState;

namespace {

const std::string kCase = KVT_TEST_DATA "/rules/first-hour-join/input.jsonl.gz";
const std::string kDemo = KVT_SOURCE_DIR "/resources/demo/keyvault-audit-demo.jsonl.gz";
const char *const kCaseNow = "2026-11-23T00:05Z";

nlohmann::json runCli(const std::string &input, const QStringList &options)
{
    QProcess cli;
    cli.start(
        QStringLiteral(KVT_CLI_PATH), QStringList {QStringLiteral("detect"), QString::fromStdString(input)} + options);
    if (!cli.waitForFinished(120000) || cli.exitCode() != 0)
        return {};
    return nlohmann::json::parse(cli.readAllStandardOutput().toStdString(), nullptr, false);
}

// A detect value as the table displays it: lists joined with ", ", counts as numbers.
QVariant asDisplayed(const nlohmann::json &value)
{
    if (value.is_array()) {
        QStringList parts;
        for (const auto &v : value)
            parts.append(QString::fromStdString(v.get<std::string>()));
        return parts.join(QStringLiteral(", "));
    }
    if (value.is_number_integer())
        return QVariant::fromValue(value.get<qulonglong>());
    return QString::fromStdString(value.get<std::string>());
}

QVariant cell(const AlertsTableModel &m, int row, Column c, int role = Qt::DisplayRole)
{
    return m.index(row, int(c)).data(role);
}

int rowsOf(const AlertsTableModel &m, AlertRule rule)
{
    int n = 0;
    for (int r = 0; r < m.rowCount(); ++r)
        n += m.rule(r) == rule ? 1 : 0;
    return n;
}

} // namespace

class TestAlertsTableModel : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void sentinelRowsEqualCliDetect_data();
    void sentinelRowsEqualCliDetect();
    void burstRowsAreTheBurstTableRows();
    void rolesNameTheAlert();
    void setDataStoresTriage_data();
    void setDataStoresTriage();
    void triageKeptAcrossThresholdChange();
    void triageFollowsTheAlertNotTheRow();
    void burstTriageKeptWhenItComesBack();
    void filtersByStateAndRule_data();
    void filtersByStateAndRule();
    void sortsOnRawValues();

private:
    std::shared_ptr<const model::RuleResults> score(const std::shared_ptr<const engine::Dataset> &data,
        const engine::SentinelParams &sentinel, const engine::ElasticBurstParams &burst = {});
    engine::SentinelParams caseParams(
        double threshold = 3, engine::Drilldown drilldown = engine::Drilldown::Faithful) const;

    std::shared_ptr<const engine::Dataset> m_case;
    std::shared_ptr<const engine::Dataset> m_demo;
    std::map<const engine::Dataset *, std::shared_ptr<engine::SentinelRule>> m_rules; ///< one cache per dataset
};

void TestAlertsTableModel::initTestCase()
{
    m_case = engine::loadInputs({kCase}, engine::LoadOptions {}).dataset;
    m_demo = engine::loadInputs({kDemo}, engine::LoadOptions {}).dataset;
    QVERIFY(m_case && !m_case->empty());
    QVERIFY(m_demo && !m_demo->empty());
}

std::shared_ptr<const model::RuleResults> TestAlertsTableModel::score(
    const std::shared_ptr<const engine::Dataset> &data, const engine::SentinelParams &sentinel,
    const engine::ElasticBurstParams &burst)
{
    auto &rule = m_rules[data.get()];
    if (!rule)
        rule = std::make_shared<engine::SentinelRule>(data);
    return model::runRules({data, rule, sentinel, burst, nullptr}, 1);
}

engine::SentinelParams TestAlertsTableModel::caseParams(double threshold, engine::Drilldown drilldown) const
{
    engine::SentinelParams p;
    p.now = engine::parseIsoDateTime(kCaseNow);
    p.scoreThreshold = threshold;
    p.drilldown = drilldown;
    return p;
}

void TestAlertsTableModel::sentinelRowsEqualCliDetect_data()
{
    QTest::addColumn<bool>("demo");
    QTest::addColumn<double>("threshold");
    QTest::addColumn<bool>("fullBin");
    QTest::newRow("first-hour-join, deployed") << false << 3.0 << false;
    QTest::newRow("first-hour-join, full-bin") << false << 3.0 << true;
    QTest::newRow("demo, deployed") << true << 3.0 << false;
    QTest::newRow("demo, threshold 2, full-bin") << true << 2.0 << true;
}

void TestAlertsTableModel::sentinelRowsEqualCliDetect()
{
    QFETCH(bool, demo);
    QFETCH(double, threshold);
    QFETCH(bool, fullBin);
    engine::SentinelParams params;
    QStringList options {QStringLiteral("--score-threshold"), QString::number(threshold)};
    if (!demo) {
        params.now = engine::parseIsoDateTime(kCaseNow);
        options << QStringLiteral("--now") << QString::fromLatin1(kCaseNow);
    }
    params.scoreThreshold = threshold;
    if (fullBin) {
        params.drilldown = engine::Drilldown::FullBin;
        options << QStringLiteral("--drilldown") << QStringLiteral("full-bin");
    }
    model::TriageStore store;
    AlertsTableModel m(&store);
    QAbstractItemModelTester tester(&m, QAbstractItemModelTester::FailureReportingMode::QtTest);
    m.setResults(score(demo ? m_demo : m_case, params));

    const nlohmann::json cli = runCli(demo ? kDemo : kCase, options);
    QVERIFY(cli.is_object());
    const auto &alerts = cli["alerts"];
    QVERIFY(!alerts.empty()); // a comparison of nothing proves nothing
    QCOMPARE(rowsOf(m, AlertRule::Sentinel), static_cast<int>(alerts.size()));
    for (int r = 0; r < static_cast<int>(alerts.size()); ++r) {
        QCOMPARE(m.rule(r), AlertRule::Sentinel);
        QCOMPARE(cell(m, r, Column::Rule).toString(), QStringLiteral("Sentinel"));
        // Every Sentinel column, under the header detect names it by, plus the records count.
        for (int c = int(Column::Resource); c <= int(Column::Records); ++c) {
            const auto column = static_cast<Column>(c);
            if (AlertsTableModel::columnRule(column) == AlertRule::Esql)
                continue;
            const std::string name = m.headerData(c, Qt::Horizontal).toString().toStdString();
            QVERIFY2(alerts[r].contains(name), name.c_str());
            QCOMPARE(cell(m, r, column), asDisplayed(alerts[r][name]));
        }
        for (int c = int(Column::TimeWindow); c <= int(Column::WindowEnd); ++c)
            QVERIFY(!m.index(r, c).data().isValid()); // the other rule's columns stay empty
    }
}

void TestAlertsTableModel::burstRowsAreTheBurstTableRows()
{
    const auto results = score(m_demo, {});
    model::TriageStore store;
    AlertsTableModel m(&store);
    QAbstractItemModelTester tester(&m, QAbstractItemModelTester::FailureReportingMode::QtTest);
    m.setResults(results);
    model::BurstTableModel bursts;
    bursts.setResults(results);
    QVERIFY(bursts.rowCount() > 0);
    const int first = rowsOf(m, AlertRule::Sentinel);
    QCOMPARE(m.rowCount(), first + bursts.rowCount());
    for (int b = 0; b < bursts.rowCount(); ++b) {
        const int r = first + b;
        QCOMPARE(m.rule(r), AlertRule::Esql);
        QCOMPARE(m.sourceIndex(r), b);
        QCOMPARE(cell(m, r, Column::Rule).toString(), QStringLiteral("ES|QL"));
        for (int c = 0; c <= int(model::BurstTableModel::Column::Records); ++c) {
            const int ours = c == int(model::BurstTableModel::Column::Records) ? int(Column::Records)
                                                                               : int(Column::TimeWindow) + c;
            QCOMPARE(m.index(r, ours).data(), bursts.index(b, c).data());
            QCOMPARE(m.index(r, ours).data(AlertsTableModel::RawValueRole),
                bursts.index(b, c).data(model::BurstTableModel::RawValueRole));
            QCOMPARE(m.headerData(ours, Qt::Horizontal).toString(), bursts.headerData(c, Qt::Horizontal).toString());
        }
        QVERIFY(!cell(m, r, Column::Resource).isValid());
    }
}

void TestAlertsTableModel::rolesNameTheAlert()
{
    const auto results = score(m_demo, {});
    model::TriageStore store;
    AlertsTableModel m(&store);
    m.setResults(results);
    QVERIFY(rowsOf(m, AlertRule::Sentinel) > 0 && rowsOf(m, AlertRule::Esql) > 0);
    for (int r = 0; r < m.rowCount(); ++r) {
        const QModelIndex i = m.index(r, int(Column::Note));
        const auto rule = static_cast<AlertRule>(i.data(AlertsTableModel::RuleRole).toInt());
        const int source = i.data(AlertsTableModel::SourceIndexRole).toInt();
        const auto identity = rule == AlertRule::Sentinel
            ? model::sentinelIdentity(results->sentinel.alerts.at(static_cast<std::size_t>(source)))
            : model::burstIdentity(results->burst->alerts.at(static_cast<std::size_t>(source)), results->burstParams);
        QCOMPARE(i.data(AlertsTableModel::IdentityRole).toString(), QString::fromStdString(identity.text()));
        QCOMPARE(m.rowOf(rule, source), r);
        QCOMPARE(m.rowOf(i.data(AlertsTableModel::IdentityRole).toString()), r);
    }
    QCOMPARE(m.rowOf(AlertRule::Sentinel, 100000), -1);
    m.setResults(nullptr);
    QCOMPARE(m.rowCount(), 0);
}

void TestAlertsTableModel::setDataStoresTriage_data()
{
    QTest::addColumn<int>("column");
    QTest::addColumn<QVariant>("value");
    QTest::addColumn<bool>("accepted");
    QTest::addColumn<int>("state"); ///< the row's state afterwards
    QTest::addColumn<QString>("note");
    QTest::newRow("state as a number") << int(Column::State) << QVariant(int(TriageState::BenignPositive)) << true
                                       << int(TriageState::BenignPositive) << QString();
    QTest::newRow("state by name") << int(Column::State) << QVariant(QStringLiteral("false_positive")) << true
                                   << int(TriageState::FalsePositive) << QString();
    QTest::newRow("state out of range") << int(Column::State) << QVariant(7) << false << int(TriageState::New)
                                        << QString();
    QTest::newRow("state unknown word") << int(Column::State) << QVariant(QStringLiteral("maybe")) << false
                                        << int(TriageState::New) << QString();
    QTest::newRow("note") << int(Column::Note) << QVariant(QStringLiteral("owner: payroll")) << true
                          << int(TriageState::New) << QStringLiteral("owner: payroll");
    QTest::newRow("a rule column is read-only")
        << int(Column::Resource) << QVariant(QStringLiteral("x")) << false << int(TriageState::New) << QString();
}

void TestAlertsTableModel::setDataStoresTriage()
{
    QFETCH(int, column);
    QFETCH(QVariant, value);
    QFETCH(bool, accepted);
    QFETCH(int, state);
    QFETCH(QString, note);
    model::TriageStore store;
    AlertsTableModel m(&store);
    QAbstractItemModelTester tester(&m, QAbstractItemModelTester::FailureReportingMode::QtTest);
    m.setResults(score(m_case, caseParams()));
    QCOMPARE(m.rowCount(), 1);
    const QModelIndex index = m.index(0, column);
    QCOMPARE(bool(m.flags(index) & Qt::ItemIsEditable), column == int(Column::State) || column == int(Column::Note));
    QSignalSpy changed(&m, &QAbstractItemModel::dataChanged);
    QCOMPARE(m.setData(index, value), accepted);
    QCOMPARE(changed.count(), accepted && (state != int(TriageState::New) || !note.isEmpty()) ? 1 : 0);
    QCOMPARE(cell(m, 0, Column::State, AlertsTableModel::StateRole).toInt(), state);
    QCOMPARE(cell(m, 0, Column::State).toString(), model::TriageStore::stateLabel(static_cast<TriageState>(state)));
    QCOMPARE(cell(m, 0, Column::Note).toString(), note);
    QCOMPARE(store.triage(m.identity(0)).note, note);
}

void TestAlertsTableModel::triageKeptAcrossThresholdChange()
{
    // The case's alert scores 5.430269 (tests/data/rules/first-hour-join/README.md).
    model::TriageStore store;
    AlertsTableModel m(&store);
    QAbstractItemModelTester tester(&m, QAbstractItemModelTester::FailureReportingMode::QtTest);
    m.setResults(score(m_case, caseParams(3)));
    QCOMPARE(m.rowCount(), 1);
    QVERIFY(m.setData(m.index(0, int(Column::State)), int(TriageState::TruePositive)));
    QVERIFY(m.setData(m.index(0, int(Column::Note)), QStringLiteral("confirmed with the vault owner")));

    m.setResults(score(m_case, caseParams(5))); // the alert stays
    QCOMPARE(m.rowCount(), 1);
    QCOMPARE(cell(m, 0, Column::State).toString(), QStringLiteral("True positive"));
    QCOMPARE(cell(m, 0, Column::Note).toString(), QStringLiteral("confirmed with the vault owner"));

    m.setResults(score(m_case, caseParams(6))); // the alert is gone, the decision is not
    QCOMPARE(m.rowCount(), 0);
    QCOMPARE(store.size(), 1);

    m.setResults(score(m_case, caseParams(3))); // and it comes back with it
    QCOMPARE(m.rowCount(), 1);
    QCOMPARE(cell(m, 0, Column::State, AlertsTableModel::StateRole).toInt(), int(TriageState::TruePositive));
    QCOMPARE(cell(m, 0, Column::Note).toString(), QStringLiteral("confirmed with the vault owner"));
}

void TestAlertsTableModel::triageFollowsTheAlertNotTheRow()
{
    // Faithful: one alert (203.0.113.7, latest 00:10:38). Full-bin adds rows around it: three for
    // 203.0.113.7 and one for 192.0.2.20, so the same alert sits at another row.
    model::TriageStore store;
    AlertsTableModel m(&store);
    m.setResults(score(m_case, caseParams(3, engine::Drilldown::Faithful)));
    QCOMPARE(m.rowCount(), 1);
    const QString identity = cell(m, 0, Column::Rule, AlertsTableModel::IdentityRole).toString();
    const QString latest = cell(m, 0, Column::LatestAnomalyTime).toString();
    QVERIFY(m.setData(m.index(0, int(Column::State)), int(TriageState::FalsePositive)));

    const auto fullBin = score(m_case, caseParams(3, engine::Drilldown::FullBin));
    m.setResults(fullBin);
    QCOMPARE(m.rowCount(), 4);
    const int row = m.rowOf(identity);
    QVERIFY(row >= 0);
    QCOMPARE(cell(m, row, Column::LatestAnomalyTime).toString(), latest);
    QCOMPARE(cell(m, row, Column::CallerIpAddress).toString(), QStringLiteral("203.0.113.7"));
    const auto &alert = fullBin->sentinel.alerts.at(static_cast<std::size_t>(m.sourceIndex(row)));
    QCOMPARE(QString::fromStdString(engine::formatIsoDateTime(alert.latestAnomalyTime)), latest);
    for (int r = 0; r < m.rowCount(); ++r)
        QCOMPARE(cell(m, r, Column::State, AlertsTableModel::StateRole).toInt(),
            int(r == row ? TriageState::FalsePositive : TriageState::New));
}

void TestAlertsTableModel::burstTriageKeptWhenItComesBack()
{
    model::TriageStore store;
    AlertsTableModel m(&store);
    QAbstractItemModelTester tester(&m, QAbstractItemModelTester::FailureReportingMode::QtTest);
    engine::ElasticBurstParams burst;
    m.setResults(score(m_demo, {}, burst));
    // The burst with the most actions: raising min-actions just past the others' keeps only it.
    int top = -1;
    for (int r = 0; r < m.rowCount(); ++r)
        if (m.rule(r) == AlertRule::Esql
            && (top < 0
                || cell(m, r, Column::ActionCount, AlertsTableModel::RawValueRole).toULongLong()
                    > cell(m, top, Column::ActionCount, AlertsTableModel::RawValueRole).toULongLong()))
            top = r;
    QVERIFY(top >= 0);
    const QString identity = cell(m, top, Column::Rule, AlertsTableModel::IdentityRole).toString();
    const auto actions = cell(m, top, Column::ActionCount, AlertsTableModel::RawValueRole).toULongLong();
    QVERIFY(m.setData(m.index(top, int(Column::State)), int(TriageState::BenignPositive)));

    burst.minActions = static_cast<int>(actions) + 1; // gone
    m.setResults(score(m_demo, {}, burst));
    QCOMPARE(m.rowOf(identity), -1);
    burst.minActions = static_cast<int>(actions); // back, at another row
    m.setResults(score(m_demo, {}, burst));
    const int row = m.rowOf(identity);
    QVERIFY(row >= 0);
    QCOMPARE(cell(m, row, Column::State, AlertsTableModel::StateRole).toInt(), int(TriageState::BenignPositive));
}

void TestAlertsTableModel::filtersByStateAndRule_data()
{
    QTest::addColumn<int>("rule"); ///< -1: any
    QTest::addColumn<int>("state"); ///< -1: any
    QTest::addColumn<QString>("expect"); ///< "all", "sentinel", "esql", "triaged sentinel", "triaged esql", "none"
    QTest::newRow("no filter") << -1 << -1 << QStringLiteral("all");
    QTest::newRow("Sentinel") << int(AlertRule::Sentinel) << -1 << QStringLiteral("sentinel");
    QTest::newRow("ES|QL") << int(AlertRule::Esql) << -1 << QStringLiteral("esql");
    QTest::newRow("true positives") << -1 << int(TriageState::TruePositive) << QStringLiteral("triaged");
    QTest::newRow("Sentinel true positives")
        << int(AlertRule::Sentinel) << int(TriageState::TruePositive) << QStringLiteral("triaged sentinel");
    QTest::newRow("ES|QL true positives")
        << int(AlertRule::Esql) << int(TriageState::TruePositive) << QStringLiteral("triaged esql");
    QTest::newRow("benign positives") << -1 << int(TriageState::BenignPositive) << QStringLiteral("none");
}

void TestAlertsTableModel::filtersByStateAndRule()
{
    QFETCH(int, rule);
    QFETCH(int, state);
    QFETCH(QString, expect);
    model::TriageStore store;
    AlertsTableModel m(&store);
    m.setResults(score(m_demo, {}));
    const int sentinel = rowsOf(m, AlertRule::Sentinel);
    const int esql = m.rowCount() - sentinel;
    QVERIFY(sentinel >= 2 && esql >= 3);
    model::AlertsFilterModel proxy;
    QAbstractItemModelTester tester(&proxy, QAbstractItemModelTester::FailureReportingMode::QtTest);
    proxy.setSourceModel(&m);
    proxy.setRuleFilter(rule < 0 ? std::nullopt : std::optional(static_cast<AlertRule>(rule)));
    proxy.setStateFilter(state < 0 ? std::nullopt : std::optional(static_cast<TriageState>(state)));
    // Triaged after the filter is set: the proxy follows state changes. One Sentinel alert and two bursts.
    for (const int r : {0, sentinel, sentinel + 2})
        QVERIFY(m.setData(m.index(r, int(Column::State)), int(TriageState::TruePositive)));
    const QMap<QString, int> expected {{QStringLiteral("all"), m.rowCount()}, {QStringLiteral("sentinel"), sentinel},
        {QStringLiteral("esql"), esql}, {QStringLiteral("triaged"), 3}, {QStringLiteral("triaged sentinel"), 1},
        {QStringLiteral("triaged esql"), 2}, {QStringLiteral("none"), 0}};
    QCOMPARE(proxy.rowCount(), expected.value(expect));
    for (int r = 0; r < proxy.rowCount(); ++r) {
        const QModelIndex i = proxy.index(r, 0);
        if (rule >= 0)
            QCOMPARE(i.data(AlertsTableModel::RuleRole).toInt(), rule);
        if (state >= 0)
            QCOMPARE(i.data(AlertsTableModel::StateRole).toInt(), state);
    }
    // Triaged away from the filtered state: the row leaves the view.
    if (state == int(TriageState::TruePositive)) {
        const int before = proxy.rowCount();
        QVERIFY(proxy.setData(proxy.index(0, int(Column::State)), int(TriageState::New)));
        QCOMPARE(proxy.rowCount(), before - 1);
    }
}

void TestAlertsTableModel::sortsOnRawValues()
{
    model::TriageStore store;
    AlertsTableModel m(&store);
    const auto results = score(m_demo, {});
    m.setResults(results);
    model::AlertsFilterModel proxy;
    proxy.setSourceModel(&m);
    proxy.setRuleFilter(AlertRule::Sentinel);
    QVERIFY(proxy.rowCount() >= 2);
    for (const Column c : {Column::LatestAnomalyTime, Column::EventCount, Column::CallerIpAddress}) {
        proxy.sort(int(c), Qt::AscendingOrder);
        for (int r = 1; r < proxy.rowCount(); ++r) {
            const auto source = [&](int row) -> const engine::AlertRow & {
                return results->sentinel.alerts.at(
                    static_cast<std::size_t>(proxy.index(row, 0).data(AlertsTableModel::SourceIndexRole).toInt()));
            };
            const auto &a = source(r - 1);
            const auto &b = source(r);
            switch (c) {
            case Column::LatestAnomalyTime: QVERIFY(a.latestAnomalyTime <= b.latestAnomalyTime); break;
            case Column::EventCount: QVERIFY(a.eventCount <= b.eventCount); break;
            default: QVERIFY(engine::addressSortKey(a.callerIp) <= engine::addressSortKey(b.callerIp)); break;
            }
        }
    }
}

QTEST_GUILESS_MAIN(TestAlertsTableModel)
#include "tst_alerts_table_model.moc"
