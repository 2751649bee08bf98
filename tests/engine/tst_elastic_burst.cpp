// SPDX-License-Identifier: MIT
// The ES|QL rule's semantics, cases derived by hand from the seed query (shared/seeds/004).
#include <QtTest>

#include <deque>

#include "engine/rules/elastic_burst.h"

using namespace kvt::engine;

namespace {

struct Rec {
    const char *time;
    const char *op;
    const char *upn; // "" = no upn claim (service principal, managed identity)
    const char *appid;
    const char *ip;
    const char *vault;
};

Dataset build(const std::vector<Rec> &recs)
{
    Dataset d;
    for (const Rec &r : recs) {
        EventDraft e;
        e.time = *parseIsoDateTime(r.time);
        e[TextField::OperationName] = r.op;
        e[TextField::ClaimUpn] = r.upn;
        e[TextField::ClaimAppId] = r.appid;
        e[TextField::CallerIPAddress] = r.ip;
        e[TextField::Resource] = r.vault;
        e[TextField::ResultType] = "Success";
        d.append(e, {});
    }
    return d;
}

// n records by @p upn starting at @p hhmmss (one second apart), alternating two operations.
std::vector<Rec> burst(const char *upn, int firstSecond, int n, bool twoKinds = true, const char *appid = "app-1",
    const char *minute = "10:00")
{
    static std::deque<std::string> times; // keeps the strings alive (and in place) for the Rec pointers
    std::vector<Rec> out;
    for (int k = 0; k < n; ++k) {
        const int s = firstSecond + k;
        times.push_back("2026-11-22T" + std::string(minute) + ":00Z");
        const auto base = *parseIsoDateTime(times.back());
        times.back() = formatIsoDateTime(base + s * kTicksPerSecond);
        out.push_back(
            {times.back().c_str(), twoKinds && k % 2 ? "SecretList" : "SecretGet", upn, appid, "192.0.2.9", "KV1"});
    }
    return out;
}

std::vector<Rec> concat(std::vector<Rec> a, const std::vector<Rec> &b)
{
    a.insert(a.end(), b.begin(), b.end());
    return a;
}

} // namespace

class TestElasticBurst : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void fixedWindows_data();
    void fixedWindows();
    void columnsOfARow();
    void blindSpotAndOtherIdentities();
    void slidingFindsStraddlingBursts();
    void sortedNewestFirst();
    void sourceIp_data();
    void sourceIp();
    void portsOfOneAddressGroupTogether();
};

void TestElasticBurst::fixedWindows_data()
{
    QTest::addColumn<int>("caseIndex");
    QTest::addColumn<int>("minActions");
    QTest::addColumn<int>("alerts");
    QTest::newRow("5 actions, 2 kinds: fires") << 0 << 5 << 1;
    QTest::newRow("4 actions: below the count") << 1 << 5 << 0;
    QTest::newRow("5 actions of one kind") << 2 << 5 << 0;
    QTest::newRow("two UPNs, 3 each, one window") << 3 << 5 << 0;
    QTest::newRow("two UPNs, 5 each, one window") << 4 << 5 << 2;
    QTest::newRow("no UPN at all (service principal)") << 5 << 5 << 0;
    QTest::newRow("straddles a minute boundary") << 6 << 5 << 0;
    QTest::newRow("operations outside the list") << 7 << 5 << 0;
    QTest::newRow("Elastic's shipped threshold 10") << 0 << 10 << 0;
}

void TestElasticBurst::fixedWindows()
{
    QFETCH(int, caseIndex);
    QFETCH(int, minActions);
    QFETCH(int, alerts);
    std::vector<Rec> recs;
    switch (caseIndex) {
    case 0: recs = burst("alice@contoso.example", 10, 5); break;
    case 1: recs = burst("alice@contoso.example", 10, 4); break;
    case 2: recs = burst("alice@contoso.example", 10, 5, false); break;
    case 3: recs = concat(burst("alice@contoso.example", 10, 3), burst("bob@contoso.example", 20, 3)); break;
    case 4: recs = concat(burst("alice@contoso.example", 10, 5), burst("bob@contoso.example", 20, 5)); break;
    case 5: recs = burst("", 10, 10); break;
    case 6: recs = burst("alice@contoso.example", 57, 6); break; // 10:00:57 .. 10:01:02
    case 7:
        for (Rec r : burst("alice@contoso.example", 10, 10)) {
            r.op = r.op[6] == 'L' ? "SecretSet" : "KeySign";
            recs.push_back(r);
        }
        break;
    }
    const Dataset d = build(recs);
    ElasticBurstParams p;
    p.minActions = minActions;
    const auto result = runElasticBurst(d, p);
    QCOMPARE(int(result.alerts.size()), alerts);
    for (const auto &a : result.alerts) {
        QCOMPARE(a.actorUniqueCount, std::uint64_t {1});
        QVERIFY(a.actionCount >= std::uint64_t(minActions));
        QVERIFY(a.distinctActions >= 2);
    }
}

void TestElasticBurst::columnsOfARow()
{
    auto recs = burst("alice@contoso.example", 10, 6);
    recs[5].vault = "KV2";
    recs[5].ip = "198.51.100.3";
    const Dataset d = build(recs);
    const auto result = runElasticBurst(d, {});
    QCOMPARE(result.alerts.size(), std::size_t {1});
    const BurstRow &a = result.alerts[0];
    QCOMPARE(formatIsoDateTime(a.timeWindow), std::string("2026-11-22T10:00:00.0000000Z"));
    QCOMPARE(a.identity, std::string("alice@contoso.example"));
    QCOMPARE(a.actorName, std::vector<std::string> {"alice@contoso.example"});
    QCOMPARE(a.objectId, a.actorName); // the seed's object_id = VALUES(...claim.upn), kept as written
    QCOMPARE(a.appId, std::vector<std::string> {"app-1"});
    QCOMPARE(a.actions, (std::vector<std::string> {"SecretGet", "SecretList"}));
    QCOMPARE(a.actionCount, std::uint64_t {6});
    QCOMPARE(a.distinctActions, std::uint64_t {2});
    QCOMPARE(a.vaultsAccessed, std::uint64_t {2});
    QCOMPARE(a.vaultNames, (std::vector<std::string> {"KV1", "KV2"}));
    QCOMPARE(a.sourceIp, (std::vector<std::string> {"192.0.2.9", "198.51.100.3"}));
    QCOMPARE(a.resultType, std::vector<std::string> {"Success"});
    QVERIFY(a.cityName.empty() && a.agentName.empty() && a.cloudRegion.empty()); // not in Key Vault records
    QCOMPARE(a.recordIds.size(), std::size_t {6});

    // Elastic exports carry the integration's GeoIP and shipper fields: VALUES lists them.
    Dataset geo;
    for (std::size_t r = 0; r < d.size(); ++r) {
        EventDraft e;
        e.time = d.time(r);
        for (std::size_t f = 0; f < kTextFieldCount; ++f)
            e.text[f] = d.text(TextField(f), r);
        e[TextField::EcsGeoCityName] = r < 3 ? "Oslo" : "Bergen";
        e[TextField::EcsGeoCountryName] = "Norway";
        e[TextField::EcsAsOrganizationName] = "Example AS";
        e[TextField::EcsAgentName] = r == 5 ? "fb-2" : "";
        geo.append(e, {});
    }
    const BurstRow g = runElasticBurst(geo, {}).alerts.at(0);
    QCOMPARE(g.cityName, (std::vector<std::string> {"Bergen", "Oslo"}));
    QCOMPARE(g.countryName, std::vector<std::string> {"Norway"});
    QCOMPARE(g.asOrg, std::vector<std::string> {"Example AS"});
    QCOMPARE(g.agentName, std::vector<std::string> {"fb-2"});
    QVERIFY(g.regionName.empty() && g.cloudRegion.empty());
}

void TestElasticBurst::blindSpotAndOtherIdentities()
{
    const Dataset d = build(concat(burst("", 10, 10, true, "sp-app"), burst("alice@contoso.example", 30, 2)));
    const auto byUpn = runElasticBurst(d, {});
    QVERIFY(byUpn.alerts.empty());
    QCOMPARE(byUpn.blindSpot.recordsInScope, std::uint64_t {12});
    QCOMPARE(byUpn.blindSpot.recordsWithoutIdentity, std::uint64_t {10});
    QCOMPARE(byUpn.blindSpot.topCallers.front().second, std::uint64_t {10});
    QVERIFY(QString::fromStdString(byUpn.blindSpot.topCallers.front().first).contains(QStringLiteral("sp-app")));

    ElasticBurstParams p;
    p.groupBy = BurstIdentity::AppId;
    const auto byApp = runElasticBurst(d, p);
    QCOMPARE(byApp.alerts.size(), std::size_t {1});
    QCOMPARE(byApp.alerts[0].identity, std::string("sp-app"));
    QVERIFY(byApp.alerts[0].actorName.empty());
    p.groupBy = BurstIdentity::SourceIp; // both callers share the address: one group of 12
    const auto byIp = runElasticBurst(d, p);
    QCOMPARE(byIp.alerts.size(), std::size_t {1});
    QCOMPARE(byIp.alerts[0].actionCount, std::uint64_t {12});
}

void TestElasticBurst::slidingFindsStraddlingBursts()
{
    const Dataset d = build(
        concat(burst("alice@contoso.example", 57, 6), burst("bob@contoso.example", 0, 4, true, "app-1", "10:05")));
    ElasticBurstParams p;
    p.sliding = true;
    const auto result = runElasticBurst(d, p);
    QCOMPARE(result.alerts.size(), std::size_t {1});
    const BurstRow &a = result.alerts[0];
    QCOMPARE(formatIsoDateTime(a.timeWindow), std::string("2026-11-22T10:00:57.0000000Z"));
    QCOMPARE(a.actionCount, std::uint64_t {6});
    QCOMPARE(formatIsoDateTime(a.windowEnd), std::string("2026-11-22T10:02:02.0000000Z"));
}

void TestElasticBurst::sortedNewestFirst()
{
    const Dataset d = build(
        concat(burst("alice@contoso.example", 0, 5), burst("alice@contoso.example", 0, 5, true, "app-1", "10:05")));
    const auto result = runElasticBurst(d, {});
    QCOMPARE(result.alerts.size(), std::size_t {2});
    QVERIFY(result.alerts[0].timeWindow > result.alerts[1].timeWindow);
}

// Key Vault keeps the caller address as written; the Elastic pipeline's source.ip drops a port.
void TestElasticBurst::sourceIp_data()
{
    QTest::addColumn<QString>("caller");
    QTest::addColumn<QString>("sourceIp");
    QTest::newRow("IPv4") << "192.0.2.9"
                          << "192.0.2.9";
    QTest::newRow("IPv4 with port") << "192.0.2.9:51234"
                                    << "192.0.2.9";
    QTest::newRow("IPv6") << "2001:db8::1"
                          << "2001:db8::1";
    QTest::newRow("IPv6 ending in digits") << "2001:db8:0:0:0:0:0:443"
                                           << "2001:db8:0:0:0:0:0:443";
    QTest::newRow("bracketed IPv6 with port") << "[2001:db8::1]:443"
                                              << "2001:db8::1";
    QTest::newRow("bracketed IPv6") << "[2001:db8::1]"
                                    << "2001:db8::1";
    QTest::newRow("redacted") << "<Redacted>"
                              << "<Redacted>";
    QTest::newRow("not a port") << "192.0.2.9:http"
                                << "192.0.2.9:http";
    QTest::newRow("empty") << ""
                           << "";
}

void TestElasticBurst::sourceIp()
{
    QFETCH(QString, caller);
    QFETCH(QString, sourceIp);
    const std::string c = caller.toStdString();
    QCOMPARE(QString::fromStdString(std::string(ecsSourceIp(c))), sourceIp);
}

void TestElasticBurst::portsOfOneAddressGroupTogether()
{
    auto recs = burst("alice@contoso.example", 10, 6);
    for (std::size_t k = 0; k < recs.size(); ++k)
        recs[k].ip = k % 2 ? "192.0.2.9:5001" : "192.0.2.9:5000";
    const Dataset d = build(recs);
    for (const bool sliding : {false, true}) {
        ElasticBurstParams p;
        p.groupBy = BurstIdentity::SourceIp;
        p.sliding = sliding;
        const auto result = runElasticBurst(d, p);
        QCOMPARE(result.alerts.size(), std::size_t {1});
        QCOMPARE(result.alerts[0].identity, std::string("192.0.2.9"));
        QCOMPARE(result.alerts[0].sourceIp, std::vector<std::string> {"192.0.2.9"});
        QCOMPARE(result.alerts[0].actionCount, std::uint64_t {6});
    }
}

QTEST_APPLESS_MAIN(TestElasticBurst)
#include "tst_elastic_burst.moc"
