// SPDX-License-Identifier: MIT
// An exclusion means "as if those records were not there": every rule run with an exclusion equals
// the run on a copy of the data without the records it names (built here, independently of the
// rules' filters), and the exclusion impact's per-run figures equal backtests of that copy.
#include <QtTest>

#include <functional>

#include "engine/bench/rule_bench.h"
#include "engine/rules/exclusion_impact.h"
#include "engine/rules/rule_parameters.h"

using namespace kvt::engine;

namespace {

std::shared_ptr<const Dataset> history()
{
    static const auto data = [] {
        GeneratorOptions o;
        o.days = 30;
        o.keys = 40;
        o.records = 60000;
        o.seed = 11;
        return generateDataset(o);
    }();
    return data;
}

// A copy of @p data without the rows @p drop names.
std::shared_ptr<const Dataset> copyWithout(const Dataset &data, const std::function<bool(std::size_t)> &drop)
{
    auto out = std::make_shared<Dataset>();
    for (std::size_t r = 0; r < data.size(); ++r) {
        if (drop(r))
            continue;
        EventDraft d;
        d.time = data.time(r);
        for (std::size_t f = 0; f < kTextFieldCount; ++f)
            d.text[f] = data.text(static_cast<TextField>(f), r);
        d.durationMs = data.durationMs(r);
        d.httpStatusCode = data.httpStatusCode(r);
        out->append(d, data.locator(r));
    }
    return out;
}

bool lowerEquals(std::string_view a, std::string_view b)
{
    return QString::fromUtf8(a.data(), qsizetype(a.size()))
               .compare(QString::fromUtf8(b.data(), qsizetype(b.size())), Qt::CaseInsensitive)
        == 0;
}

// What each exclusion removes, written from its definition rather than from the rules' filters.
std::function<bool(std::size_t)> sentinelDrops(const Dataset &d, const Exclusion &e)
{
    switch (e.kind) {
    case ExclusionKind::AppId:
        return [&d, e](std::size_t r) {
            return d.text(TextField::ClaimAppId, r) == e.value && d.text(TextField::OperationName, r) == "VaultGet";
        };
    case ExclusionKind::CallerIp:
        return [&d, e](std::size_t r) { return d.text(TextField::CallerIPAddress, r) == e.value; };
    case ExclusionKind::Account: break;
    }
    return [&d, e](std::size_t r) {
        const std::string_view upn = d.text(TextField::ClaimUpn, r);
        return lowerEquals(upn.empty() ? d.text(TextField::ClaimUpnLong, r) : upn, e.value);
    };
}

std::function<bool(std::size_t)> burstDrops(const Dataset &d, const Exclusion &e)
{
    switch (e.kind) {
    case ExclusionKind::AppId: return [&d, e](std::size_t r) { return d.text(TextField::ClaimAppId, r) == e.value; };
    case ExclusionKind::CallerIp:
        return [&d, e](std::size_t r) { return ecsSourceIp(d.text(TextField::CallerIPAddress, r)) == e.value; };
    case ExclusionKind::Account: break;
    }
    return [&d, e](std::size_t r) {
        const std::string_view upn = d.text(TextField::ClaimUpn, r);
        return !upn.empty() && lowerEquals(upn, e.value);
    };
}

// The busiest value of @p kind, written in another case for accounts (matching ignores case).
Exclusion busiest(ExclusionKind kind, int rank)
{
    SentinelParams s;
    s.allowAppIds.clear();
    const auto candidates = exclusionCandidates(*history(), s, ElasticBurstParams {}, kind, 10);
    Exclusion e {kind, candidates.at(std::size_t(rank)).value};
    if (kind == ExclusionKind::Account)
        e.value = QString::fromStdString(e.value).toUpper().toStdString();
    return e;
}

std::vector<std::string> keysOf(const std::vector<AnomalyRow> &rows)
{
    std::vector<std::string> out;
    for (const auto &a : rows)
        out.push_back(a.key + "@" + formatIsoDateTime(a.bin));
    return out;
}

} // namespace

class TestExclusions : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void ruleWithExclusionEqualsDataWithout_data();
    void ruleWithExclusionEqualsDataWithout();
    void impactPerRunEqualsBacktestsOfDataWithout_data();
    void impactPerRunEqualsBacktestsOfDataWithout();
    void candidatesAreCountedOnWhatTheRulesRead();
    void parametersReadAndEchoExclusions();
};

void TestExclusions::ruleWithExclusionEqualsDataWithout_data()
{
    QTest::addColumn<int>("kind");
    QTest::addColumn<int>("rank");
    QTest::newRow("app id") << int(ExclusionKind::AppId) << 0;
    QTest::newRow("busiest caller") << int(ExclusionKind::CallerIp) << 0;
    QTest::newRow("third caller") << int(ExclusionKind::CallerIp) << 2;
    QTest::newRow("account, other case") << int(ExclusionKind::Account) << 0;
}

void TestExclusions::ruleWithExclusionEqualsDataWithout()
{
    QFETCH(int, kind);
    QFETCH(int, rank);
    const Exclusion e = busiest(ExclusionKind(kind), rank);
    const auto data = history();
    SentinelParams p;
    p.allowAppIds.clear();
    p.scoreThreshold = 1.5;
    p.baselineThreshold = 5;
    const auto without = copyWithout(*data, sentinelDrops(*data, e));
    QVERIFY2(without->size() < data->size(), "the exclusion must name records for the test to mean anything");
    SentinelParams withEx = withExclusion(p, e);
    withEx.now = p.now = defaultNow(*data);
    const SentinelResult a = SentinelRule(data).run(withEx);
    const SentinelResult b = SentinelRule(without).run(p);
    QCOMPARE(keysOf(a.anomalies), keysOf(b.anomalies));
    QCOMPARE(a.alerts.size(), b.alerts.size());
    for (std::size_t i = 0; i < a.alerts.size(); ++i) {
        QCOMPARE(a.alerts[i].eventCount, b.alerts[i].eventCount);
        QCOMPARE(a.alerts[i].callerIp, b.alerts[i].callerIp);
    }
    QCOMPARE(a.series.size(), b.series.size());

    ElasticBurstParams bp;
    bp.minActions = 3;
    const auto burstWithout = copyWithout(*data, burstDrops(*data, e));
    const auto ba = runElasticBurst(*data, withExclusion(bp, e));
    const auto bb = runElasticBurst(*burstWithout, bp);
    QCOMPARE(ba.alerts.size(), bb.alerts.size());
    for (std::size_t i = 0; i < ba.alerts.size(); ++i) {
        QCOMPARE(ba.alerts[i].identity, bb.alerts[i].identity);
        QCOMPARE(ba.alerts[i].actionCount, bb.alerts[i].actionCount);
    }
    QCOMPARE(ba.blindSpot.recordsInScope, bb.blindSpot.recordsInScope);
}

void TestExclusions::impactPerRunEqualsBacktestsOfDataWithout_data()
{
    ruleWithExclusionEqualsDataWithout_data();
}

void TestExclusions::impactPerRunEqualsBacktestsOfDataWithout()
{
    QFETCH(int, kind);
    QFETCH(int, rank);
    const Exclusion e = busiest(ExclusionKind(kind), rank);
    const auto data = history();
    SentinelParams p;
    p.allowAppIds.clear();
    p.scoreThreshold = 2;
    p.baselineThreshold = 5;
    ElasticBurstParams bp;
    bp.minActions = 3;
    const Ticks runAt = 5 * kTicksPerMinute;
    const BacktestDays days = defaultBacktestDays(*data, p);
    const BacktestResult before = runBacktest(*data, p, days.first, days.last, runAt);
    const auto burstsBefore = burstBacktest(runElasticBurst(*data, bp), days.first, days.last, runAt);
    const ExclusionImpact impact = exclusionImpact(*data, p, bp, before, burstsBefore, e);
    QCOMPARE(impact.runs.size(), before.runs.size());

    const auto without = copyWithout(*data, sentinelDrops(*data, e));
    const BacktestResult after = runBacktest(*without, p, days.first, days.last, runAt);
    const auto burstWithout = copyWithout(*data, burstDrops(*data, e));
    const auto burstsAfter = burstBacktest(runElasticBurst(*burstWithout, bp), days.first, days.last, runAt);
    std::size_t alertsBefore = 0, alertsAfter = 0;
    std::uint64_t removed = 0;
    for (std::size_t i = 0; i < impact.runs.size(); ++i) {
        const ExclusionRunImpact &run = impact.runs[i];
        const QByteArray day = QByteArray::fromStdString(formatIsoDateTime(run.now));
        QVERIFY2(run.alertsBefore == before.runs[i].alerts.size(), day);
        QVERIFY2(run.alertsAfter == after.runs[i].alerts.size(), day);
        QVERIFY2(run.anomaliesAfter == after.runs[i].anomalies.size(), day);
        QVERIFY2(run.burstsBefore == burstsBefore[i].bursts.size(), day);
        QVERIFY2(run.burstsAfter == burstsAfter[i].bursts.size(), day);
        // The records of the evaluated day the exclusion takes away from the rule.
        const Ticks dayStart = startOfDay(run.now) - kTicksPerDay;
        std::uint64_t expected = 0;
        const auto drops = sentinelDrops(*data, e);
        for (std::size_t r = 0; r < data->size(); ++r) {
            const Ticks t = data->time(r);
            const auto op = data->text(TextField::OperationName, r);
            if (t >= dayStart && t < dayStart + kTicksPerDay && drops(r)
                && std::find(p.operations.begin(), p.operations.end(), op) != p.operations.end()
                && lowerEquals(data->text(TextField::ResultType, r), "Success")
                && lowerEquals(data->text(TextField::ResourceType, r), "VAULTS"))
                ++expected;
        }
        QVERIFY2(run.recordsRemoved == expected, day);
        alertsBefore += run.alertsBefore;
        alertsAfter += run.alertsAfter;
        removed += run.recordsRemoved;
    }
    QCOMPARE(impact.alertsBefore, alertsBefore);
    QCOMPARE(impact.alertsAfter, alertsAfter);
    QCOMPARE(impact.recordsRemoved, removed);
    QVERIFY(removed > 0);
}

void TestExclusions::candidatesAreCountedOnWhatTheRulesRead()
{
    const auto data = history();
    SentinelParams p;
    const auto c = exclusionCandidates(*data, p, ElasticBurstParams {}, ExclusionKind::CallerIp, 5);
    QCOMPARE(c.size(), std::size_t {5});
    for (std::size_t i = 1; i < c.size(); ++i)
        QVERIFY(c[i - 1].sentinelRecords + c[i - 1].burstRecords >= c[i].sentinelRecords + c[i].burstRecords);
    // The busiest caller's Sentinel count, counted here from the rule's definition.
    std::uint64_t expected = 0;
    for (std::size_t r = 0; r < data->size(); ++r) {
        const auto op = data->text(TextField::OperationName, r);
        const bool allowed = data->text(TextField::ClaimAppId, r) == kResourceGraphAppIdDefault && op == "VaultGet";
        if (data->text(TextField::CallerIPAddress, r) == c[0].value && !allowed
            && std::find(p.operations.begin(), p.operations.end(), op) != p.operations.end()
            && lowerEquals(data->text(TextField::ResultType, r), "Success")
            && lowerEquals(data->text(TextField::ResourceType, r), "VAULTS"))
            ++expected;
    }
    QCOMPARE(c[0].sentinelRecords, expected);
}

void TestExclusions::parametersReadAndEchoExclusions()
{
    SentinelParams p;
    const std::vector<std::string> ips {"10.0.0.1", "10.0.0.2,10.0.0.3"};
    QCOMPARE(applyParam(p, "exclude-ip", ips), std::string());
    QCOMPARE(p.excludeCallers, (std::vector<std::string> {"10.0.0.1", "10.0.0.2", "10.0.0.3"}));
    QCOMPARE(applyParam(p, "exclude-account", std::vector<std::string> {"a@contoso.com"}), std::string());
    QCOMPARE(p.excludeAccounts, (std::vector<std::string> {"a@contoso.com"}));
    QCOMPARE(changeLevel(p, SentinelParams {}), std::optional<Invalidation>(Invalidation::Rescore));
    QCOMPARE(applyParam(p, "exclude-ip", std::vector<std::string> {"none"}), std::string());
    QVERIFY(p.excludeCallers.empty());
    ElasticBurstParams b;
    QCOMPARE(applyParam(b, "exclude-appid", std::vector<std::string> {"app-1"}), std::string());
    QCOMPARE(b.excludeAppIds, (std::vector<std::string> {"app-1"}));
    for (const auto &row : sentinelParameters())
        if (row.option.rfind("exclude-", 0) == 0)
            QVERIFY2(!row.echoWhenDefault, row.option.c_str()); // the deployed rule's echo keeps its shape
}

QTEST_GUILESS_MAIN(TestExclusions)
#include "tst_exclusions.moc"
