// SPDX-License-Identifier: MIT
// The burst table shows exactly what the ES|QL rule returns (the rows `kvtriage-cli detect --rule
// elastic-burst` writes, cell by cell), names its columns as the preset does, and sorts on raw values.
#include <QAbstractItemModelTester>
#include <QSortFilterProxyModel>
#include <QtTest>

#include <nlohmann/json.hpp>

#include "engine/core/ip_address.h"
#include "engine/core/json_writer.h"
#include "engine/ingest/loader.h"
#include "engine/report/burst_output.h"
#include "model/burst_table_model.h"

using namespace kvt;
using Column = model::BurstTableModel::Column;

Q_DECLARE_METATYPE(kvt::engine::ElasticBurstParams)

namespace {

const std::string kDemo = KVT_SOURCE_DIR "/resources/demo/keyvault-audit-demo.jsonl.gz";

engine::ElasticBurstParams paramsOf(engine::BurstPreset preset, engine::BurstIdentity groupBy, bool sliding = false)
{
    engine::ElasticBurstParams p = engine::burstPresetParams(preset);
    p.groupBy = groupBy;
    p.sliding = sliding;
    return p;
}

// The row as the CLI writes it (engine/report/burst_output.cpp): the reference for every cell.
nlohmann::json cliRow(const engine::BurstRow &row, const engine::ElasticBurstParams &params)
{
    engine::JsonWriter w;
    engine::writeBurstRow(w, row, params);
    return nlohmann::json::parse(w.take());
}

// A CLI value as the table displays it: lists joined with ", ", numbers as numbers.
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

// The roles beside the display: raw values for sorting, the records for drill-down, the identity.
void compareRoles(const model::BurstTableModel &m, int r, const engine::BurstRow &row)
{
    QCOMPARE(
        m.index(r, int(Column::TimeWindow)).data(model::BurstTableModel::RawValueRole).toLongLong(), row.timeWindow);
    QCOMPARE(m.index(r, int(Column::WindowEnd)).data(model::BurstTableModel::RawValueRole).toLongLong(), row.windowEnd);
    QCOMPARE(
        m.index(r, int(Column::ActionCount)).data(model::BurstTableModel::RawValueRole).toULongLong(), row.actionCount);
    QCOMPARE(m.index(r, int(Column::DistinctActions)).data(model::BurstTableModel::RawValueRole).toULongLong(),
        row.distinctActions);
    QCOMPARE(m.index(r, int(Column::VaultsAccessed)).data(model::BurstTableModel::RawValueRole).toULongLong(),
        row.vaultsAccessed);
    const auto records = m.index(r, 0).data(model::BurstTableModel::RecordsRole).value<QList<qulonglong>>();
    QCOMPARE(records.size(), static_cast<qsizetype>(row.recordIds.size()));
    QVERIFY(std::equal(records.begin(), records.end(), row.recordIds.begin()));
    QCOMPARE(m.index(r, 0).data(model::BurstTableModel::IdentityRole).toString(), QString::fromStdString(row.identity));
}

} // namespace

class TestBurstTableModel : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void rowsMatchTheEngine_data();
    void rowsMatchTheEngine();
    void headersFollowThePreset_data();
    void headersFollowThePreset();
    void sortsOnRawValues_data();
    void sortsOnRawValues();
    void addressesSortAsAddresses();
    void emptyWithoutResults();

private:
    std::shared_ptr<const model::RuleResults> run(const engine::ElasticBurstParams &params) const;
    std::shared_ptr<const engine::Dataset> m_data;
};

void TestBurstTableModel::initTestCase()
{
    const auto load = engine::loadInputs({kDemo}, engine::LoadOptions {});
    QVERIFY(load.dataset && !load.dataset->empty());
    m_data = load.dataset;
}

std::shared_ptr<const model::RuleResults> TestBurstTableModel::run(const engine::ElasticBurstParams &params) const
{
    auto results = std::make_shared<model::RuleResults>();
    results->dataset = m_data;
    results->burstParams = params;
    results->burst = std::make_shared<const engine::ElasticBurstResult>(engine::runElasticBurst(*m_data, params));
    return results;
}

void TestBurstTableModel::rowsMatchTheEngine_data()
{
    QTest::addColumn<engine::ElasticBurstParams>("params");
    QTest::addColumn<bool>("expectBursts");
    using engine::BurstIdentity;
    using engine::BurstPreset;
    QTest::newRow("default parameters") << engine::ElasticBurstParams {} << true;
    // The published rule (>= 10 actions) by UPN: the demo's service principals carry none.
    QTest::newRow("published preset") << engine::burstPresetParams(BurstPreset::Published) << false;
    QTest::newRow("published, by app id") << paramsOf(BurstPreset::Published, BurstIdentity::AppId) << true;
    QTest::newRow("proposed, by ip, sliding") << paramsOf(BurstPreset::Proposed, BurstIdentity::SourceIp, true) << true;
    QTest::newRow("proposed, by oid") << paramsOf(BurstPreset::Proposed, BurstIdentity::ObjectId) << true;
}

void TestBurstTableModel::rowsMatchTheEngine()
{
    QFETCH(engine::ElasticBurstParams, params);
    QFETCH(bool, expectBursts);
    model::BurstTableModel m;
    QAbstractItemModelTester tester(&m);
    const auto results = run(params);
    m.setResults(results);
    const auto &alerts = results->burst->alerts;
    QCOMPARE(m.rowCount(), static_cast<int>(alerts.size()));
    QCOMPARE(alerts.empty(), !expectBursts);
    const bool identityInOutput = params.preset == engine::BurstPreset::Proposed
        || params.groupBy != engine::BurstIdentity::Upn; // the published rule keeps no BY column
    for (int r = 0; r < m.rowCount(); ++r) {
        const engine::BurstRow &row = alerts[static_cast<std::size_t>(r)];
        const nlohmann::json cli = cliRow(row, params);
        for (int c = 0; c < m.columnCount(); ++c) {
            const auto column = static_cast<Column>(c);
            const std::string name = model::BurstTableModel::columnName(column, params).toStdString();
            const QVariant shown = m.index(r, c).data();
            if (column == Column::Identity && !identityInOutput) {
                QCOMPARE(shown.toString(), QString::fromStdString(row.identity));
                continue;
            }
            QVERIFY2(cli.contains(name), name.c_str());
            QCOMPARE(shown, asDisplayed(cli.at(name)));
        }
        compareRoles(m, r, row);
        if (QTest::currentTestFailed())
            return;
    }
}

void TestBurstTableModel::headersFollowThePreset_data()
{
    QTest::addColumn<engine::ElasticBurstParams>("params");
    QTest::addColumn<QStringList>("headers");
    using engine::BurstIdentity;
    using engine::BurstPreset;
    const QString upn = QStringLiteral("azure.platformlogs.identity.claim.upn");
    const QString ip = QStringLiteral("source.ip");
    QTest::newRow("proposed") << engine::ElasticBurstParams {}
                              << QStringList {QStringLiteral("time_window"), upn, QStringLiteral("actor_name"),
                                     QStringLiteral("action_count"), QStringLiteral("distinct_actions"),
                                     QStringLiteral("vaults_accessed"), QStringLiteral("actions"),
                                     QStringLiteral("vault_names"), QStringLiteral("source_ip"),
                                     QStringLiteral("app_id"), QStringLiteral("window_end"), QStringLiteral("records")};
    const QStringList published {QStringLiteral("Esql.time_window_date_trunc"), upn,
        QStringLiteral("Esql_priv.azure_platformlogs_identity_claim_upn_values"), QStringLiteral("Esql.event_count"),
        QStringLiteral("Esql.event_action_count_distinct"), QStringLiteral("Esql.azure_resource_name_count_distinct"),
        QStringLiteral("Esql.event_action_values"), QStringLiteral("Esql.azure_resource_name_values"),
        QStringLiteral("Esql.source_ip_values"), QStringLiteral("Esql.azure_platformlogs_identity_claim_appid_values"),
        QStringLiteral("window_end"), QStringLiteral("records")};
    QTest::newRow("published") << engine::burstPresetParams(BurstPreset::Published) << published;
    QStringList publishedByIp = published;
    publishedByIp[1] = ip;
    QTest::newRow("published, by ip") << paramsOf(BurstPreset::Published, BurstIdentity::SourceIp) << publishedByIp;
}

void TestBurstTableModel::headersFollowThePreset()
{
    QFETCH(engine::ElasticBurstParams, params);
    QFETCH(QStringList, headers);
    model::BurstTableModel m;
    QAbstractItemModelTester tester(&m);
    m.setResults(run(params));
    QCOMPARE(m.columnCount(), static_cast<int>(headers.size()));
    for (int c = 0; c < m.columnCount(); ++c) {
        QCOMPARE(m.headerData(c, Qt::Horizontal).toString(), headers[c]);
        QVERIFY(!m.headerData(c, Qt::Horizontal, Qt::ToolTipRole).toString().isEmpty());
    }
}

void TestBurstTableModel::sortsOnRawValues_data()
{
    QTest::addColumn<int>("column");
    QTest::newRow("time window") << int(Column::TimeWindow);
    QTest::newRow("action count") << int(Column::ActionCount);
    QTest::newRow("records") << int(Column::Records);
    QTest::newRow("identity (an address)") << int(Column::Identity);
}

void TestBurstTableModel::sortsOnRawValues()
{
    QFETCH(int, column);
    model::BurstTableModel m;
    QSortFilterProxyModel proxy;
    proxy.setSourceModel(&m);
    proxy.setSortRole(model::BurstTableModel::RawValueRole);
    QAbstractItemModelTester tester(&m);
    QAbstractItemModelTester proxyTester(&proxy);
    m.setResults(run(paramsOf(engine::BurstPreset::Proposed, engine::BurstIdentity::SourceIp)));
    QVERIFY(proxy.rowCount() > 1);
    proxy.sort(column, Qt::AscendingOrder);
    const auto raw = [&](int r) { return proxy.index(r, column).data(model::BurstTableModel::RawValueRole); };
    for (int r = 1; r < proxy.rowCount(); ++r)
        QVERIFY2(QVariant::compare(raw(r - 1), raw(r)) <= 0, qPrintable(proxy.index(r, column).data().toString()));
}

void TestBurstTableModel::addressesSortAsAddresses()
{
    model::BurstTableModel m;
    QAbstractItemModelTester tester(&m);
    m.setResults(run(paramsOf(engine::BurstPreset::Proposed, engine::BurstIdentity::SourceIp)));
    for (int r = 0; r < m.rowCount(); ++r) {
        const engine::BurstRow &row = m.burst(r);
        QCOMPARE(m.index(r, int(Column::Identity)).data(model::BurstTableModel::RawValueRole).toString(),
            QString::fromStdString(engine::addressSortKey(row.identity)));
        QStringList keys;
        for (const auto &ip : row.sourceIp)
            keys.append(QString::fromStdString(engine::addressSortKey(ip)));
        QCOMPARE(m.index(r, int(Column::SourceIp)).data(model::BurstTableModel::RawValueRole).toString(),
            keys.join(QLatin1Char(' ')));
    }
}

void TestBurstTableModel::emptyWithoutResults()
{
    model::BurstTableModel m;
    QAbstractItemModelTester tester(&m);
    QCOMPARE(m.rowCount(), 0);
    QCOMPARE(m.headerData(0, Qt::Horizontal).toString(), QStringLiteral("time_window"));
    m.setResults(run({}));
    QVERIFY(m.rowCount() > 0);
    auto noBurst = std::make_shared<model::RuleResults>();
    noBurst->dataset = m_data;
    m.setResults(noBurst); // a result set the ES|QL rule has not answered
    QCOMPARE(m.rowCount(), 0);
    m.setResults(nullptr);
    QCOMPARE(m.rowCount(), 0);
}

QTEST_GUILESS_MAIN(TestBurstTableModel)
#include "tst_burst_table_model.moc"
