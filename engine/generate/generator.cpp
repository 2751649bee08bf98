// SPDX-License-Identifier: MIT
#include "engine/generate/generator.h"

#include <algorithm>
#include <cmath>

#include "engine/generate/traffic_profile.h"

namespace kvt::engine {
namespace {

constexpr const char *kDataPlaneVersion = "7.4";
constexpr const char *kArmVersion = "2023-07-01";

struct WeightedOp {
    const char *name;
    double weight;
};

constexpr WeightedOp kWorkloadOps[] = {{"SecretGet", .72}, {"KeyGet", .08}, {"KeyUnwrap", .06}, {"SecretList", .04},
    {"VaultGet", .04}, {"KeySign", .03}, {"CertificateGet", .03}};
constexpr WeightedOp kUserOps[] = {{"SecretGet", .35}, {"SecretList", .20}, {"VaultGet", .12}, {"KeyGet", .08},
    {"SecretSet", .05}, {"KeyList", .05}, {"CertificateGet", .05}, {"CertificateList", .04},
    {"SecretListVersions", .03}, {"Authentication", .03}};
constexpr WeightedOp kPortalOps[] = {{"VaultGet", .75}, {"VaultList", .15}, {"VaultPut", .05}, {"VaultPatch", .05}};
constexpr WeightedOp kGraphOps[] = {{"VaultGet", 1.0}};
constexpr WeightedOp kDumpOps[] = {{"SecretGet", .8}, {"SecretList", .1}, {"SecretListVersions", .1}};

template <std::size_t N> const char *pickOp(Random &rng, const WeightedOp (&ops)[N])
{
    double r = rng.uniform();
    for (const auto &op : ops) {
        if (r < op.weight)
            return op.name;
        r -= op.weight;
    }
    return ops[0].name;
}

const char *pickOpFor(Random &rng, CallerKind kind)
{
    switch (kind) {
    case CallerKind::User: return pickOp(rng, kUserOps);
    case CallerKind::PortalUser: return pickOp(rng, kPortalOps);
    case CallerKind::ResourceGraph: return pickOp(rng, kGraphOps);
    default: return pickOp(rng, kWorkloadOps);
    }
}

std::string lower(std::string s)
{
    std::transform(s.begin(), s.end(), s.begin(),
        [](char c) { return static_cast<char>(std::tolower(static_cast<unsigned char>(c))); });
    return s;
}

// A stable 32-hex-digit "version" for an object name (FNV-1a), as Key Vault object ids carry.
std::string versionOf(const std::string &name)
{
    static constexpr char kHex[] = "0123456789abcdef";
    std::uint64_t h1 = 1469598103934665603ULL, h2 = 1099511628211ULL;
    for (char c : name) {
        h1 = (h1 ^ static_cast<unsigned char>(c)) * 1099511628211ULL;
        h2 = (h2 ^ static_cast<unsigned char>(c)) * 1469598103934665603ULL;
    }
    std::string out(32, '0');
    for (int i = 0; i < 16; ++i) {
        out[static_cast<std::size_t>(i)] = kHex[(h1 >> (i * 4)) & 0xF];
        out[static_cast<std::size_t>(16 + i)] = kHex[(h2 >> (i * 4)) & 0xF];
    }
    return out;
}

bool isArmPath(const std::string &op)
{
    return op.rfind("Vault", 0) == 0;
}

// Fills the object and request URIs of a data-plane or ARM call.
void fillUris(OwnedEvent &e, const std::string &op, const Vault &vault, Random &rng)
{
    const std::string host = "https://" + lower(vault.name) + ".vault.azure.net";
    if (isArmPath(op)) {
        e[TextField::IdS] = host + "/";
        e[TextField::RequestUriS] = "https://management.azure.com/subscriptions/" + lower(vault.subscription)
            + "/resourceGroups/" + vault.resourceGroup + "/providers/Microsoft.KeyVault/vaults/" + lower(vault.name)
            + "?api-version=" + kArmVersion;
        return;
    }
    if (op == "Authentication") {
        e[TextField::RequestUriS] = host + "/secrets?api-version=" + kDataPlaneVersion;
        return;
    }
    const bool keyOp = op.rfind("Key", 0) == 0;
    const bool certOp = op.rfind("Certificate", 0) == 0;
    const std::string collection = keyOp ? "keys" : certOp ? "certificates" : "secrets";
    const auto &names = keyOp ? vault.keys : vault.secrets;
    const bool listing = op.find("List") != std::string::npos;
    if (listing) {
        e[TextField::IdS] = host + "/" + collection;
        e[TextField::RequestUriS] = host + "/" + collection + "?api-version=" + kDataPlaneVersion;
        return;
    }
    const std::string &name
        = names[static_cast<std::size_t>(rng.between(0, static_cast<std::int64_t>(names.size()) - 1))];
    const std::string objectName = certOp ? "tls-" + name : name;
    e[TextField::IdS] = host + "/" + collection + "/" + objectName + "/" + versionOf(vault.name + objectName);
    std::string request = host + "/" + collection + "/" + objectName;
    if (op == "KeyUnwrap")
        request += "/" + versionOf(vault.name + objectName) + "/unwrapkey";
    else if (op == "KeySign")
        request += "/" + versionOf(vault.name + objectName) + "/sign";
    e[TextField::RequestUriS] = request + "?api-version=" + kDataPlaneVersion;
}

// Identity claims in the shape the call path produces (data-formats.md 3.3).
void fillIdentity(OwnedEvent &e, const Caller &c, bool armPath)
{
    e[TextField::ClaimAppId] = c.appId;
    if (armPath) {
        e[TextField::ClaimObjectIdentifier] = c.objectId;
        e[TextField::ClaimUpnLong] = c.upn;
    } else {
        e[TextField::ClaimOid] = c.objectId;
        e[TextField::ClaimUpn] = c.upn;
    }
}

OwnedEvent makeEvent(Random &rng, const Caller &c, const Vault &vault, const std::string &op, Ticks time)
{
    OwnedEvent e;
    e.time = time;
    e[TextField::OperationName] = op;
    const bool arm = isArmPath(op);
    e[TextField::OperationVersion] = arm ? kArmVersion : kDataPlaneVersion;
    e[TextField::Category] = "AuditEvent";
    const double r = rng.uniform();
    if (r < 0.015) {
        e[TextField::ResultType] = "Failure";
        e[TextField::ResultSignature] = "Unauthorized";
        e.httpStatusCode = 401;
    } else if (r < 0.035) {
        e[TextField::ResultType] = "Success"; // Key Vault logs 403s as Success (data-formats.md 3.2)
        e[TextField::ResultSignature] = "Forbidden";
        e.httpStatusCode = 403;
    } else if (r < 0.045 && !arm) {
        e[TextField::ResultType] = "Success";
        e[TextField::ResultSignature] = "Not Found";
        e.httpStatusCode = 404;
    } else {
        e[TextField::ResultType] = "Success";
        e[TextField::ResultSignature] = "OK";
        e.httpStatusCode = 200;
    }
    e[TextField::CallerIPAddress] = c.ip;
    if (arm)
        e[TextField::CorrelationId] = rng.guid();
    e[TextField::ResourceId] = vault.resourceId;
    e[TextField::SubscriptionId] = vault.subscription;
    e[TextField::ResourceGroup] = vault.resourceGroup;
    e[TextField::ResourceProvider] = "MICROSOFT.KEYVAULT";
    e[TextField::ResourceType] = "VAULTS";
    e[TextField::Resource] = vault.name;
    e[TextField::ClientInfoS] = c.clientInfo;
    fillUris(e, op, vault, rng);
    if (e.httpStatusCode == 404)
        e[TextField::ResultDescription] = "The requested object was not found in this key vault.";
    fillIdentity(e, c, arm);
    e.durationMs = rng.chance(0.95) ? rng.between(2, 60) : rng.between(100, 900);
    return e;
}

Ticks timeInDay(Random &rng, const Caller &c, Ticks day)
{
    int hour;
    if (c.busyToHour - c.busyFromHour < 24 && rng.chance(0.92))
        hour = static_cast<int>(rng.between(c.busyFromHour, c.busyToHour - 1)) % 24;
    else
        hour = static_cast<int>(rng.between(0, 23));
    return day + hour * kTicksPerHour + rng.between(0, kTicksPerHour - 1);
}

double expectedDaily(const Caller &c, Ticks day, int dayIndex)
{
    const std::int64_t dow = (day / kTicksPerDay + 4) % 7; // 1970-01-01 was a Thursday; 0 = Sunday
    const double weekly = (dow == 0 || dow == 6) ? c.weekendFactor : 1.0;
    return c.dailyVolume * weekly * std::pow(1.0 + c.dailyGrowth, dayIndex);
}

struct PlannedBurst {
    InjectedAnomaly label;
    Caller caller;
    std::size_t vault = 0;
    const WeightedOp *ops = kDumpOps;
    std::size_t opCount = std::size(kDumpOps);
};

std::vector<PlannedBurst> planAnomalies(const GeneratorOptions &o, const std::vector<Vault> &vaults,
    const std::vector<Caller> &callers, const std::vector<Caller> &graph, double scale, Ticks first)
{
    std::vector<PlannedBurst> plan;
    if (o.scenario == "quiet" || o.days < 2)
        return plan;
    Random rng(o.seed ^ 0xA11CE5EEDULL);
    const int lastDay = o.days - 1;
    const int earliest = std::min(lastDay, std::max(14, o.days - 10));
    std::vector<std::size_t> busy, small;
    for (std::size_t i = 0; i < callers.size(); ++i) {
        const double v = callers[i].dailyVolume * scale;
        if (callers[i].kind != CallerKind::PortalUser && v >= 30)
            busy.push_back(i);
        else if (v >= 3 && v < 12)
            small.push_back(i);
    }
    auto addBurst = [&](const Caller &c, std::size_t vault, int dayIndex, int startHour, int hours, double extra,
                        const char *kind, std::string note) {
        PlannedBurst b;
        b.caller = c;
        b.vault = vault;
        b.label.kind = kind;
        b.label.callerIp = c.ip;
        b.label.vault = vaults[vault].name;
        b.label.day = first + dayIndex * kTicksPerDay;
        b.label.startHour = startHour;
        b.label.hours = std::min(hours, 24 - startHour);
        b.label.extraRecords = static_cast<std::uint64_t>(std::llround(extra));
        b.label.typicalDaily = c.dailyVolume > 0 ? expectedDaily(c, b.label.day, dayIndex) * scale : 0;
        b.label.expectation = std::move(note);
        plan.push_back(std::move(b));
    };

    const int spikes = std::max(3, o.keys / 25);
    for (int i = 0; i < spikes && !busy.empty(); ++i) {
        const auto pickAt = static_cast<std::size_t>(rng.between(0, static_cast<std::int64_t>(busy.size()) - 1));
        const Caller &c = callers[busy[pickAt]];
        busy.erase(busy.begin() + static_cast<std::ptrdiff_t>(pickAt));
        const int day = i % 2 == 0 ? lastDay : static_cast<int>(rng.between(earliest, lastDay));
        const int startHour = i % 3 == 0 ? 0 : static_cast<int>(rng.between(2, 20));
        const double extra = std::max(60.0, rng.uniform(4, 12) * c.dailyVolume * scale);
        addBurst(c, c.vaults.front(), day, startHour, static_cast<int>(rng.between(1, 4)), extra, "spike",
            startHour == 0 ? "spike starting at 00:00 UTC: inside the hour the deployed rule joins"
                           : "spike starting after 01:00 UTC: the deployed rule's join only sees 00:00-01:00");
    }
    if (!small.empty()) {
        const Caller &c
            = callers[small[static_cast<std::size_t>(rng.between(0, static_cast<std::int64_t>(small.size()) - 1))]];
        addBurst(c, c.vaults.front(), lastDay, 0, 2, 10 * c.dailyVolume * scale, "spike",
            "low-volume caller: its baseline stays under the rule's baseline threshold");
    }
    {
        Caller intruder;
        intruder.kind = CallerKind::User;
        intruder.ip = "198.51.100.250";
        intruder.appId = "04b07795-8ddb-461a-bbee-02f9e1bf7b46";
        intruder.objectId = rng.guid();
        intruder.upn = "svc-backup@contoso.example";
        intruder.clientInfo = "python-requests/2.31.0";
        intruder.dailyVolume = 0;
        addBurst(intruder, static_cast<std::size_t>(rng.between(0, static_cast<std::int64_t>(vaults.size()) - 1)),
            lastDay, static_cast<int>(rng.between(1, 22)), 2, rng.uniform(300, 600), "new-caller",
            "an address never seen before reads secrets in bulk");
    }
    if (!graph.empty()) {
        const Caller &g = graph.front();
        addBurst(g, 0, lastDay, 3, 3, 8 * g.dailyVolume * scale / 6, "allow-listed-burst",
            "Azure Resource Graph re-indexing: VaultGet by the allow-listed app");
        PlannedBurst &b = plan.back();
        b.label.vault = "(all vaults)";
        b.ops = kGraphOps;
        b.opCount = std::size(kGraphOps);
    }
    return plan;
}

} // namespace

Ticks defaultGeneratorEnd()
{
    return daysFromCivil(2026, 11, 23) * kTicksPerDay;
}

GenerationSummary generateAuditEvents(
    const GeneratorOptions &o, const std::function<bool(std::vector<OwnedEvent> &)> &sink)
{
    GenerationSummary summary;
    Random rng(o.seed);
    const std::vector<Vault> vaults = makeVaults(rng);
    const std::vector<Caller> callers = makeCallers(rng, std::max(o.keys, 0), vaults.size());
    const std::vector<Caller> graph = makeResourceGraphCallers(rng, vaults.size());
    summary.end = o.end ? startOfDay(o.end) : defaultGeneratorEnd();
    summary.first = summary.end - static_cast<Ticks>(o.days) * kTicksPerDay;

    double scale = 1.0;
    if (o.records > 0) {
        double natural = 0;
        for (int d = 0; d < o.days; ++d) {
            const Ticks day = summary.first + d * kTicksPerDay;
            for (const auto &c : callers)
                natural += expectedDaily(c, day, d);
            for (const auto &c : graph)
                natural += expectedDaily(c, day, d);
        }
        scale = natural > 0 ? static_cast<double>(o.records) / natural : 1.0;
    }
    const std::vector<PlannedBurst> plan = planAnomalies(o, vaults, callers, graph, scale, summary.first);
    for (const auto &b : plan)
        summary.anomalies.push_back(b.label);

    std::vector<OwnedEvent> events;
    for (int d = 0; d < o.days; ++d) {
        const Ticks day = summary.first + d * kTicksPerDay;
        const std::uint64_t dayIndex = static_cast<unsigned>(d) + 1U;
        Random dayRng(o.seed * std::uint64_t {0x9E3779B97F4A7C15} + dayIndex);
        events.clear();
        auto emitCaller = [&](const Caller &c) {
            const std::uint64_t n = dayRng.poisson(expectedDaily(c, day, d) * scale);
            for (std::uint64_t k = 0; k < n; ++k) {
                const std::size_t v = c.vaults[static_cast<std::size_t>(
                    dayRng.between(0, static_cast<std::int64_t>(c.vaults.size()) - 1))];
                events.push_back(makeEvent(dayRng, c, vaults[v], pickOpFor(dayRng, c.kind), timeInDay(dayRng, c, day)));
            }
        };
        for (const auto &c : callers)
            emitCaller(c);
        for (const auto &c : graph)
            emitCaller(c);
        for (const auto &b : plan) {
            if (b.label.day != day)
                continue;
            const Ticks from = day + b.label.startHour * kTicksPerHour;
            const Ticks span = b.label.hours * kTicksPerHour;
            for (std::uint64_t k = 0; k < b.label.extraRecords; ++k) {
                double r = dayRng.uniform();
                const char *op = b.ops[0].name;
                for (std::size_t i = 0; i < b.opCount; ++i) {
                    if (r < b.ops[i].weight) {
                        op = b.ops[i].name;
                        break;
                    }
                    r -= b.ops[i].weight;
                }
                const std::size_t v = b.label.kind == "allow-listed-burst"
                    ? static_cast<std::size_t>(dayRng.between(0, static_cast<std::int64_t>(vaults.size()) - 1))
                    : b.vault;
                events.push_back(makeEvent(dayRng, b.caller, vaults[v], op, from + dayRng.between(0, span - 1)));
            }
        }
        std::stable_sort(
            events.begin(), events.end(), [](const OwnedEvent &a, const OwnedEvent &b) { return a.time < b.time; });
        summary.records += events.size();
        if (!sink(events))
            break;
    }
    return summary;
}

} // namespace kvt::engine
