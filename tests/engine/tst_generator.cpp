// SPDX-License-Identifier: MIT
#include <QtTest>

#include <map>
#include <set>

#include "engine/generate/diagnostic_json_writer.h"
#include "engine/generate/generator.h"
#include "engine/generate/output_file.h"
#include "engine/generate/traffic_profile.h"
#include "engine/ingest/loader.h"

using namespace kvt::engine;

namespace {

std::vector<OwnedEvent> generateAll(const GeneratorOptions &o, GenerationSummary *summary = nullptr)
{
    std::vector<OwnedEvent> all;
    const auto s = generateAuditEvents(o, [&](std::vector<OwnedEvent> &day) {
        all.insert(all.end(), day.begin(), day.end());
        return true;
    });
    if (summary)
        *summary = s;
    return all;
}

GeneratorOptions smallOptions()
{
    GeneratorOptions o;
    o.days = 16;
    o.keys = 60;
    o.seed = 7;
    return o;
}

} // namespace

class TestGenerator : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void deterministic();
    void seedChangesOutput();
    void realisticTraffic();
    void injectedAnomaliesAreLabelled();
    void quietScenarioHasNoAnomalies();
    void recordsOptionScalesVolume();
    void roundTripThroughLoader();
};

void TestGenerator::deterministic()
{
    const auto a = generateAll(smallOptions());
    const auto b = generateAll(smallOptions());
    QCOMPARE(a.size(), b.size());
    std::string ja, jb;
    for (std::size_t i = 0; i < a.size(); ++i) {
        appendDiagnosticJsonLine(a[i], ja);
        appendDiagnosticJsonLine(b[i], jb);
    }
    QCOMPARE(ja, jb);
}

void TestGenerator::seedChangesOutput()
{
    auto o = smallOptions();
    const auto a = generateAll(o);
    o.seed = 8;
    const auto b = generateAll(o);
    QVERIFY(a.size() != b.size() || a.front().time != b.front().time);
}

void TestGenerator::realisticTraffic()
{
    GenerationSummary s;
    const auto events = generateAll(smallOptions(), &s);
    QCOMPARE(s.records, std::uint64_t(events.size()));
    QCOMPARE(s.end, defaultGeneratorEnd());
    std::set<std::string> ips, vaults, ops;
    std::map<std::string, std::map<Ticks, int>> perIpDay;
    int graphVaultGets = 0, failures = 0, shortClaims = 0, longClaims = 0;
    Ticks previous = 0;
    for (const auto &e : events) {
        QVERIFY(e.time >= s.first && e.time < s.end);
        QVERIFY(e.time >= previous); // time order
        previous = e.time;
        ips.insert(e[TextField::CallerIPAddress]);
        vaults.insert(e[TextField::Resource]);
        ops.insert(e[TextField::OperationName]);
        ++perIpDay[e[TextField::CallerIPAddress]][startOfDay(e.time)];
        if (e[TextField::ClaimAppId] == kResourceGraphAppId) {
            QCOMPARE(e[TextField::OperationName], std::string("VaultGet"));
            ++graphVaultGets;
        }
        failures += e[TextField::ResultType] != "Success" ? 1 : 0;
        shortClaims += e[TextField::ClaimOid].empty() ? 0 : 1;
        longClaims += e[TextField::ClaimObjectIdentifier].empty() ? 0 : 1;
        // Exactly one identity shape per record.
        QVERIFY(e[TextField::ClaimOid].empty() != e[TextField::ClaimObjectIdentifier].empty());
    }
    QVERIFY2(ips.size() >= 60, "every caller and the Resource Graph callers appear");
    QVERIFY(vaults.size() >= 5);
    QVERIFY(ops.count("SecretList") && ops.count("SecretGet") && ops.count("KeyGet") && ops.count("VaultGet"));
    QVERIFY(graphVaultGets > 16 * 100); // Resource Graph does VaultGet all day
    QVERIFY(failures > 0 && shortClaims > 0 && longClaims > 0);
    int smallest = 1 << 30, largest = 0;
    for (const auto &[ip, days] : perIpDay)
        for (const auto &[day, n] : days)
            smallest = std::min(smallest, n), largest = std::max(largest, n);
    QVERIFY2(smallest <= 5 && largest >= 1000, "daily volumes range from a handful to thousands");
}

void TestGenerator::injectedAnomaliesAreLabelled()
{
    GenerationSummary s;
    const auto events = generateAll(smallOptions(), &s);
    QVERIFY(s.anomalies.size() >= 4);
    bool lateStart = false, lastDay = false, newCaller = false, allowListed = false;
    for (const auto &a : s.anomalies) {
        lateStart |= a.startHour >= 1;
        lastDay |= a.day == s.end - kTicksPerDay;
        newCaller |= a.kind == "new-caller";
        allowListed |= a.kind == "allow-listed-burst";
        // The burst is really in the data: the caller's records in its window exceed the extra count.
        const Ticks from = a.day + a.startHour * kTicksPerHour, to = from + a.hours * kTicksPerHour;
        std::uint64_t inWindow = 0;
        for (const auto &e : events)
            inWindow += e[TextField::CallerIPAddress] == a.callerIp && e.time >= from && e.time < to ? 1U : 0U;
        QVERIFY2(inWindow >= a.extraRecords, a.callerIp.c_str());
    }
    QVERIFY(lateStart && lastDay && newCaller && allowListed);
}

void TestGenerator::quietScenarioHasNoAnomalies()
{
    auto o = smallOptions();
    o.scenario = "quiet";
    GenerationSummary s;
    generateAll(o, &s);
    QVERIFY(s.anomalies.empty());
}

void TestGenerator::recordsOptionScalesVolume()
{
    auto o = smallOptions();
    o.records = 20000;
    o.scenario = "quiet";
    const auto events = generateAll(o);
    QVERIFY2(events.size() > 18000 && events.size() < 22000, std::to_string(events.size()).c_str());
}

// Generate, write raw JSON Lines (gzip), load, and compare every canonical field.
void TestGenerator::roundTripThroughLoader()
{
    const auto events = generateAll(smallOptions());
    QTemporaryDir dir;
    const std::string path = dir.filePath(QStringLiteral("gen.jsonl.gz")).toStdString();
    std::string error, text;
    auto out = OutputFile::open(path, error);
    for (const auto &e : events)
        appendDiagnosticJsonLine(e, text);
    QVERIFY(out && out->write(text) && out->close(error));
    const LoadResult load = loadInputs({path}, {});
    QCOMPARE(load.rejected(), std::uint64_t {0});
    QCOMPARE(load.records(), std::uint64_t(events.size()));
    const Dataset &d = *load.dataset;
    for (std::size_t r = 0; r < events.size(); ++r) {
        QCOMPARE(d.time(r), events[r].time);
        QCOMPARE(d.durationMs(r), events[r].durationMs);
        QCOMPARE(d.httpStatusCode(r), events[r].httpStatusCode);
        for (std::size_t f = 0; f < kTextFieldCount; ++f)
            if (d.text(TextField(f), r) != events[r].text[f])
                QFAIL(qPrintable(
                    QStringLiteral("record %1 field %2").arg(r).arg(QString::fromUtf8(kTextFieldNames[f].data()))));
    }
}

QTEST_APPLESS_MAIN(TestGenerator)
#include "tst_generator.moc"
