// SPDX-License-Identifier: MIT
#include <QAbstractItemModelTester>
#include <QSortFilterProxyModel>
#include <QtTest>

#include "engine/core/ip_address.h"
#include "engine/ingest/loader.h"
#include "model/key_list_model.h"

using namespace kvt;
using Column = model::KeyListModel::Column;

Q_DECLARE_METATYPE(kvt::engine::KeyStatus)
Q_DECLARE_METATYPE(kvt::engine::Drilldown)

namespace {

// Loads a golden rule case and runs the rule at its documented run time.
std::shared_ptr<const model::RuleResults> runCase(const QString &name, engine::Drilldown drilldown)
{
    const std::string path = QStringLiteral(KVT_TEST_DATA "/rules/%1/input.jsonl.gz").arg(name).toStdString();
    auto load = engine::loadInputs({path}, engine::LoadOptions {});
    auto results = std::make_shared<model::RuleResults>();
    results->dataset = load.dataset;
    engine::SentinelParams params;
    params.now = *engine::parseIsoDateTime("2026-11-23T00:05:00Z");
    params.drilldown = drilldown;
    engine::SentinelRule rule(load.dataset);
    results->sentinel = rule.run(params);
    return results;
}

int rowOf(const model::KeyListModel &m, const QString &key)
{
    for (int r = 0; r < m.rowCount(); ++r)
        if (m.index(r, 0).data(model::KeyListModel::KeyRole).toString() == key)
            return r;
    return -1;
}

} // namespace

class TestKeyListModel : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void statusOfEachKey_data();
    void statusOfEachKey();
    void figuresMatchTheSeries();
    void keysSortAsAddresses_data();
    void keysSortAsAddresses();
    void headersFollowTheSeriesShape();
};

void TestKeyListModel::statusOfEachKey_data()
{
    QTest::addColumn<QString>("rulesCase");
    QTest::addColumn<engine::Drilldown>("drilldown");
    QTest::addColumn<QString>("key");
    QTest::addColumn<engine::KeyStatus>("status");
    const auto faithful = engine::Drilldown::Faithful;
    const auto fullBin = engine::Drilldown::FullBin;
    // The expected statuses are the cases' hand derivations (tests/data/rules/*/README.md).
    QTest::newRow("worked example alerts")
        << "first-hour-join" << faithful << "203.0.113.7" << engine::KeyStatus::Alerting;
    QTest::newRow("small caller: baseline 13")
        << "first-hour-join" << faithful << "192.0.2.10" << engine::KeyStatus::DroppedByBaseline;
    QTest::newRow("records at 05:00: first-hour join")
        << "first-hour-join" << faithful << "192.0.2.20" << engine::KeyStatus::SilencedByJoin;
    QTest::newRow("records at 05:00, full-bin")
        << "first-hour-join" << fullBin << "192.0.2.20" << engine::KeyStatus::Alerting;
    QTest::newRow("a drop never alerts") << "drops-and-splits" << faithful << "198.51.100.2"
                                         << engine::KeyStatus::Quiet;
    QTest::newRow("flag on the first bin")
        << "drops-and-splits" << faithful << "198.51.100.4" << engine::KeyStatus::FlaggedOutsideWindow;
    QTest::newRow("split over two vaults")
        << "drops-and-splits" << faithful << "198.51.100.3" << engine::KeyStatus::Alerting;
}

void TestKeyListModel::statusOfEachKey()
{
    QFETCH(QString, rulesCase);
    QFETCH(engine::Drilldown, drilldown);
    QFETCH(QString, key);
    QFETCH(engine::KeyStatus, status);
    model::KeyListModel m;
    QAbstractItemModelTester tester(&m);
    m.setResults(runCase(rulesCase, drilldown));
    const int row = rowOf(m, key);
    QVERIFY(row >= 0);
    QCOMPARE(m.index(row, 0).data(model::KeyListModel::StatusRole).value<int>(), static_cast<int>(status));
    QCOMPARE(m.index(row, int(Column::Status)).data().toString(), model::keyStatusText(status));
    QCOMPARE(m.summary(row).alerts > 0, status == engine::KeyStatus::Alerting);
}

void TestKeyListModel::figuresMatchTheSeries()
{
    model::KeyListModel m;
    QAbstractItemModelTester tester(&m);
    const auto results = runCase(QStringLiteral("first-hour-join"), engine::Drilldown::Faithful);
    m.setResults(results);
    QCOMPARE(m.rowCount(), static_cast<int>(results->sentinel.series.size()));
    const int row = rowOf(m, QStringLiteral("203.0.113.7"));
    const auto &series = results->sentinel.series[m.index(row, 0).data(model::KeyListModel::SeriesIndexRole).toUInt()];
    QCOMPARE(m.index(row, int(Column::LatestCount)).data(model::KeyListModel::RawValueRole).toDouble(), 305.0);
    QCOMPARE(qRound(m.index(row, int(Column::LatestScore)).data(model::KeyListModel::RawValueRole).toDouble() * 1e6),
        5430269);
    QCOMPARE(m.index(row, int(Column::Baseline)).data(model::KeyListModel::RawValueRole).toDouble(),
        series.result.parts.baseline.back());
    double total = 0;
    for (const double c : series.counts)
        total += c;
    QCOMPARE(m.index(row, int(Column::Records)).data(model::KeyListModel::RawValueRole).toULongLong(),
        static_cast<qulonglong>(total));
    m.setResults(nullptr);
    QCOMPARE(m.rowCount(), 0);
}

void TestKeyListModel::keysSortAsAddresses_data()
{
    QTest::addColumn<QString>("lower");
    QTest::addColumn<QString>("higher");
    QTest::newRow("numeric, not text") << "10.0.0.9"
                                       << "10.0.0.10";
    QTest::newRow("octets") << "9.255.255.255"
                            << "10.0.0.0";
    QTest::newRow("IPv4 before IPv6") << "203.0.113.7"
                                      << "2001:db8::1";
    QTest::newRow("IPv6 groups") << "2001:db8::9"
                                 << "2001:db8::a";
    QTest::newRow("addresses before names") << "2001:db8::1"
                                            << "AzureResourceGraph";
    QTest::newRow("names as text") << "kv-a"
                                   << "kv-b";
}

void TestKeyListModel::keysSortAsAddresses()
{
    QFETCH(QString, lower);
    QFETCH(QString, higher);
    QVERIFY(engine::addressSortKey(lower.toStdString()) < engine::addressSortKey(higher.toStdString()));
}

void TestKeyListModel::headersFollowTheSeriesShape()
{
    model::KeyListModel m;
    QCOMPARE(m.headerData(int(Column::Key), Qt::Horizontal).toString(), QStringLiteral("Caller IP"));
    auto results = std::make_shared<model::RuleResults>(
        *runCase(QStringLiteral("drops-and-splits"), engine::Drilldown::Faithful));
    results->sentinel.shape.keyColumn = "Resource";
    results->sentinel.shape.step = engine::kTicksPerHour;
    m.setResults(results);
    QCOMPARE(m.headerData(int(Column::Key), Qt::Horizontal).toString(), QStringLiteral("Vault"));
    QCOMPARE(m.headerData(int(Column::LatestCount), Qt::Horizontal).toString(), QStringLiteral("Last hour"));

    // Sorting on the raw role puts urgent keys first.
    QSortFilterProxyModel proxy;
    proxy.setSourceModel(&m);
    proxy.setSortRole(model::KeyListModel::RawValueRole);
    proxy.sort(int(Column::Status));
    QCOMPARE(proxy.index(0, 0).data(model::KeyListModel::StatusRole).toInt(), int(engine::KeyStatus::Alerting));
}

QTEST_GUILESS_MAIN(TestKeyListModel)
#include "tst_key_list_model.moc"
