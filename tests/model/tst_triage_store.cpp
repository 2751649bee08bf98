// SPDX-License-Identifier: MIT
// Triage decisions are keyed by what an alert is (its rule's group key), hold only decisions, say
// when they change, and come back unchanged from their JSON; a malformed document changes nothing.
#include <QSignalSpy>
#include <QtTest>

#include <nlohmann/json.hpp>

#include "engine/core/ticks.h"
#include "model/triage_store.h"

using namespace kvt;
using model::AlertIdentity;
using model::AlertRule;
using model::Triage;
using model::TriageState;
using model::TriageStore;

Q_DECLARE_METATYPE(kvt::model::AlertIdentity)

namespace {

engine::AlertRow sentinelRow(
    const std::string &resource, const std::string &time, const std::string &ip = "203.0.113.7")
{
    engine::AlertRow row;
    row.resource = resource;
    row.idS = "/subscriptions/s/resourceGroups/g/providers/Microsoft.KeyVault/vaults/" + resource;
    row.clientInfoS = "azure-sdk/1.0";
    row.latestAnomalyTime = *engine::parseIsoDateTime(time);
    row.callerIp = ip;
    row.eventCount = 2;
    return row;
}

engine::BurstRow burstRow(const std::string &identity, const std::string &window)
{
    engine::BurstRow row;
    row.identity = identity;
    row.timeWindow = *engine::parseIsoDateTime(window);
    row.actionCount = 7;
    return row;
}

engine::ElasticBurstParams groupedBy(engine::BurstIdentity g)
{
    engine::ElasticBurstParams p;
    p.groupBy = g;
    return p;
}

} // namespace

class TestTriageStore : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void identityIsTheGroupKey_data();
    void identityIsTheGroupKey();
    void holdsOnlyDecisions();
    void signalsOnlyChanges();
    void jsonRoundTrip();
    void malformedJsonChangesNothing_data();
    void malformedJsonChangesNothing();
};

void TestTriageStore::identityIsTheGroupKey_data()
{
    QTest::addColumn<AlertIdentity>("a");
    QTest::addColumn<AlertIdentity>("b");
    QTest::addColumn<bool>("same");
    const auto sentinel = [](const engine::AlertRow &r) { return model::sentinelIdentity(r); };
    const auto upn = groupedBy(engine::BurstIdentity::Upn);
    const auto app = groupedBy(engine::BurstIdentity::AppId);
    auto recounted = sentinelRow("kv1", "2026-11-22T00:10:38Z");
    recounted.eventCount = 5; // a rescore may change the counts: the alert stays the same one
    recounted.accountMax = "2222";
    QTest::newRow("sentinel, counts differ")
        << sentinel(sentinelRow("kv1", "2026-11-22T00:10:38Z")) << sentinel(recounted) << true;
    QTest::newRow("sentinel, caller differs (not in the by)")
        << sentinel(sentinelRow("kv1", "2026-11-22T00:10:38Z"))
        << sentinel(sentinelRow("kv1", "2026-11-22T00:10:38Z", "192.0.2.20")) << true;
    QTest::newRow("sentinel, other vault") << sentinel(sentinelRow("kv1", "2026-11-22T00:10:38Z"))
                                           << sentinel(sentinelRow("kv2", "2026-11-22T00:10:38Z")) << false;
    QTest::newRow("sentinel, 100 ns later") << sentinel(sentinelRow("kv1", "2026-11-22T00:10:38Z"))
                                            << sentinel(sentinelRow("kv1", "2026-11-22T00:10:38.0000001Z")) << false;
    QTest::newRow("burst, same window and upn")
        << model::burstIdentity(burstRow("a@x", "2026-11-22T00:10Z"), upn)
        << model::burstIdentity(burstRow("a@x", "2026-11-22T00:10Z"), upn) << true;
    QTest::newRow("burst, next window") << model::burstIdentity(burstRow("a@x", "2026-11-22T00:10Z"), upn)
                                        << model::burstIdentity(burstRow("a@x", "2026-11-22T00:11Z"), upn) << false;
    QTest::newRow("burst, same value grouped by another field")
        << model::burstIdentity(burstRow("a@x", "2026-11-22T00:10Z"), upn)
        << model::burstIdentity(burstRow("a@x", "2026-11-22T00:10Z"), app) << false;
    // A key whose values would run together under a naive separator.
    AlertIdentity glued {AlertRule::Sentinel, {{"Resource", "a|b"}, {"id_s", "c"}}};
    AlertIdentity split {AlertRule::Sentinel, {{"Resource", "a"}, {"id_s", "b|c"}}};
    QTest::newRow("separator inside a value") << glued << split << false;
    AlertIdentity esql = glued;
    esql.rule = AlertRule::Esql;
    QTest::newRow("same key, other rule") << glued << esql << false;
}

void TestTriageStore::identityIsTheGroupKey()
{
    QFETCH(AlertIdentity, a);
    QFETCH(AlertIdentity, b);
    QFETCH(bool, same);
    QCOMPARE(a.text() == b.text(), same);
    TriageStore store;
    store.setState(a, TriageState::TruePositive);
    QCOMPARE(store.triage(b).state, same ? TriageState::TruePositive : TriageState::New);
}

void TestTriageStore::holdsOnlyDecisions()
{
    TriageStore store;
    const auto a = model::sentinelIdentity(sentinelRow("kv1", "2026-11-22T00:10:38Z"));
    QCOMPARE(store.triage(a), Triage {});
    QCOMPARE(store.size(), 0);
    store.setState(a, TriageState::BenignPositive);
    store.setNote(a, QStringLiteral("backup job"));
    QCOMPARE(store.size(), 1);
    QCOMPARE(store.triage(a), (Triage {TriageState::BenignPositive, QStringLiteral("backup job")}));
    store.setState(a, TriageState::New);
    QCOMPARE(store.size(), 1); // the note is still a decision
    store.setNote(a, QString());
    QCOMPARE(store.size(), 0);
    QVERIFY(store.toJson()["alerts"].empty());
}

void TestTriageStore::signalsOnlyChanges()
{
    TriageStore store;
    QSignalSpy changed(&store, &TriageStore::changed);
    const auto a = model::sentinelIdentity(sentinelRow("kv1", "2026-11-22T00:10:38Z"));
    const auto b = model::burstIdentity(burstRow("a@x", "2026-11-22T00:10Z"), groupedBy(engine::BurstIdentity::Upn));
    store.setState(a, TriageState::New); // already New
    QCOMPARE(changed.count(), 0);
    store.setState({a, b}, TriageState::FalsePositive);
    QCOMPARE(changed.count(), 1); // one signal for the batch
    QCOMPARE(store.triage(b).state, TriageState::FalsePositive);
    store.setState({a, b}, TriageState::FalsePositive);
    store.setNote(a, QString());
    QCOMPARE(changed.count(), 1);
    store.clear();
    QCOMPARE(changed.count(), 2);
    store.clear();
    QCOMPARE(changed.count(), 2);
}

void TestTriageStore::jsonRoundTrip()
{
    TriageStore store;
    const auto a = model::sentinelIdentity(sentinelRow("kv \"prod\"", "2026-11-22T00:10:38.1234567Z"));
    const auto b
        = model::burstIdentity(burstRow("ana@contoso.com", "2026-11-22T00:10Z"), groupedBy(engine::BurstIdentity::Upn));
    const auto c
        = model::burstIdentity(burstRow("10.0.0.1", "2026-11-21T08:00Z"), groupedBy(engine::BurstIdentity::SourceIp));
    store.setState(a, TriageState::TruePositive);
    store.setNote(a, QStringLiteral("escalated, ticket #42 — “dump” via sdk\nsecond line"));
    store.setState(b, TriageState::FalsePositive);
    store.setNote(c, QStringLiteral("ask the owner"));

    // Through text, as a case file would hold it.
    QCOMPARE(store.size(), 3);
    const std::string text = store.toJson().dump(2);
    TriageStore restored;
    QSignalSpy changed(&restored, &TriageStore::changed);
    std::string error;
    QVERIFY2(restored.fromJson(nlohmann::json::parse(text), &error), error.c_str());
    QCOMPARE(changed.count(), 1);
    QCOMPARE(restored.size(), 3);
    for (const auto &id : {a, b, c})
        QCOMPARE(restored.triage(id), store.triage(id));
    QCOMPARE(restored.toJson().dump(), store.toJson().dump());
    QCOMPARE(restored.toJson()["alerts"][0]["rule"].get<std::string>(), std::string("elastic-burst"));

    // The same document again is no change.
    QVERIFY(restored.fromJson(nlohmann::json::parse(text)));
    QCOMPARE(changed.count(), 1);
}

void TestTriageStore::malformedJsonChangesNothing_data()
{
    QTest::addColumn<QString>("document");
    QTest::newRow("not an object") << QStringLiteral(R"([1, 2])");
    QTest::newRow("no version") << QStringLiteral(R"({"alerts": []})");
    QTest::newRow("version as text") << QStringLiteral(R"({"version": "1", "alerts": []})");
    QTest::newRow("future version") << QStringLiteral(R"({"version": 2, "alerts": []})");
    QTest::newRow("alerts not an array") << QStringLiteral(R"({"version": 1, "alerts": {}})");
    QTest::newRow("unknown state") << QStringLiteral(
        R"({"version": 1, "alerts": [{"rule": "elastic-burst", "key": {}, "state": "maybe"}]})");
    QTest::newRow("unknown rule") << QStringLiteral(
        R"({"version": 1, "alerts": [{"rule": "other", "key": {}, "state": "new"}]})");
    QTest::newRow("key value not text") << QStringLiteral(
        R"({"version": 1, "alerts": [{"rule": "elastic-burst", "key": {"time_window": 5}, "state": "new"}]})");
    QTest::newRow("note not text") << QStringLiteral(
        R"({"version": 1, "alerts": [{"rule": "elastic-burst", "key": {}, "state": "new", "note": 3}]})");
    QTest::newRow("second entry bad") << QStringLiteral(
        R"({"version": 1, "alerts": [{"rule": "elastic-burst", "key": {}, "state": "false_positive"}, {"rule": 1}]})");
}

void TestTriageStore::malformedJsonChangesNothing()
{
    QFETCH(QString, document);
    TriageStore store;
    const auto a = model::sentinelIdentity(sentinelRow("kv1", "2026-11-22T00:10:38Z"));
    store.setState(a, TriageState::TruePositive);
    QSignalSpy changed(&store, &TriageStore::changed);
    std::string error;
    QVERIFY(!store.fromJson(nlohmann::json::parse(document.toStdString()), &error));
    QVERIFY(!error.empty());
    QCOMPARE(changed.count(), 0);
    QCOMPARE(store.size(), 1);
    QCOMPARE(store.triage(a).state, TriageState::TruePositive);
}

QTEST_GUILESS_MAIN(TestTriageStore)
#include "tst_triage_store.moc"
