// SPDX-License-Identifier: MIT
#include "model/triage_store.h"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <array>

#include "engine/core/ticks.h"

namespace kvt::model {
namespace {

constexpr int kVersion = 1;

constexpr std::array<std::string_view, kTriageStateCount> kStateNames
    = {"new", "true_positive", "benign_positive", "false_positive"};

std::optional<AlertRule> parseRule(std::string_view name)
{
    for (const AlertRule rule : {AlertRule::Sentinel, AlertRule::Esql})
        if (alertRuleName(rule) == name)
            return rule;
    return std::nullopt;
}

bool fail(std::string *error, std::string why)
{
    if (error)
        *error = std::move(why);
    return false;
}

} // namespace

std::string_view alertRuleName(AlertRule rule)
{
    return rule == AlertRule::Sentinel ? "sentinel-timeseries" : "elastic-burst";
}

std::string AlertIdentity::text() const
{
    // JSON text of [rule, {key}]: nlohmann's objects order their members by name, so equal
    // identities give equal text, and no separator inside a value can make two identities collide.
    return nlohmann::json::array({alertRuleName(rule), key}).dump();
}

AlertIdentity sentinelIdentity(const engine::AlertRow &row)
{
    return {AlertRule::Sentinel,
        {{"Resource", row.resource}, {"id_s", row.idS}, {"clientInfo_s", row.clientInfoS},
            {"LatestAnomalyTime", engine::formatIsoDateTime(row.latestAnomalyTime)}}};
}

AlertIdentity burstIdentity(const engine::BurstRow &row, const engine::ElasticBurstParams &params)
{
    // The query's own names, not the published preset's Esql.* output names: switching the preset
    // renames the columns, not the alerts.
    return {AlertRule::Esql,
        {{"time_window", engine::formatIsoDateTime(row.timeWindow)},
            {std::string(engine::burstIdentityColumn(params.groupBy)), row.identity}}};
}

std::string_view triageStateName(TriageState state)
{
    return kStateNames[static_cast<std::size_t>(state)];
}

std::optional<TriageState> parseTriageState(std::string_view name)
{
    for (std::size_t i = 0; i < kStateNames.size(); ++i)
        if (kStateNames[i] == name)
            return static_cast<TriageState>(i);
    return std::nullopt;
}

TriageStore::TriageStore(QObject *parent) : QObject(parent) { }

QString TriageStore::stateLabel(TriageState state)
{
    switch (state) {
    case TriageState::New: return tr("New");
    case TriageState::TruePositive: return tr("True positive");
    case TriageState::BenignPositive: return tr("Benign positive");
    case TriageState::FalsePositive: return tr("False positive");
    }
    return {};
}

Triage TriageStore::triage(const AlertIdentity &identity) const
{
    const auto it = m_entries.find(identity.text());
    return it == m_entries.end() ? Triage {} : it->second.triage;
}

bool TriageStore::put(const AlertIdentity &identity, const Triage &triage)
{
    std::string text = identity.text();
    const auto it = m_entries.find(text);
    if (triage == Triage {}) {
        // Back to the default: no entry, so size() counts decisions and a saved case holds no noise.
        if (it == m_entries.end())
            return false;
        m_entries.erase(it);
        return true;
    }
    if (it != m_entries.end()) {
        if (it->second.triage == triage)
            return false;
        it->second.triage = triage;
        return true;
    }
    m_entries.emplace(std::move(text), Entry {identity, triage});
    return true;
}

void TriageStore::setState(const AlertIdentity &identity, TriageState state)
{
    setState(std::vector<AlertIdentity> {identity}, state);
}

void TriageStore::setState(const std::vector<AlertIdentity> &identities, TriageState state)
{
    bool any = false;
    for (const auto &identity : identities) {
        Triage t = triage(identity);
        t.state = state;
        any = put(identity, t) || any;
    }
    if (any)
        Q_EMIT changed();
}

void TriageStore::setNote(const AlertIdentity &identity, const QString &note)
{
    Triage t = triage(identity);
    t.note = note;
    if (put(identity, t))
        Q_EMIT changed();
}

void TriageStore::clear()
{
    if (m_entries.empty())
        return;
    m_entries.clear();
    Q_EMIT changed();
}

nlohmann::json TriageStore::toJson() const
{
    auto alerts = nlohmann::json::array();
    for (const auto &[text, entry] : m_entries)
        alerts.push_back({{"rule", alertRuleName(entry.identity.rule)}, {"key", entry.identity.key},
            {"state", triageStateName(entry.triage.state)}, {"note", entry.triage.note.toStdString()}});
    return {{"version", kVersion}, {"alerts", std::move(alerts)}};
}

bool TriageStore::fromJson(const nlohmann::json &json, std::string *error)
{
    const auto version = json.is_object() ? json.find("version") : json.end();
    if (version == json.end() || !version->is_number_integer() || version->get<int>() != kVersion)
        return fail(error, "not a version " + std::to_string(kVersion) + " triage document");
    const auto alerts = json.find("alerts");
    if (alerts == json.end() || !alerts->is_array())
        return fail(error, "no \"alerts\" array");
    std::map<std::string, Entry> entries;
    for (std::size_t i = 0; i < alerts->size(); ++i) {
        const nlohmann::json &a = (*alerts)[i];
        const std::string where = "alerts[" + std::to_string(i) + "]: ";
        if (!a.is_object() || !a.contains("rule") || !a["rule"].is_string() || !a.contains("key")
            || !a["key"].is_object() || !a.contains("state") || !a["state"].is_string())
            return fail(error, where + "needs a \"rule\", a \"key\" object and a \"state\"");
        const auto rule = parseRule(a["rule"].get<std::string>());
        const auto state = parseTriageState(a["state"].get<std::string>());
        if (!rule || !state)
            return fail(error, where + "unknown rule or state");
        AlertIdentity identity {*rule, {}};
        for (const auto &[column, value] : a["key"].items()) {
            if (!value.is_string())
                return fail(error, where + "key column \"" + column + "\" is not a string");
            identity.key.emplace(column, value.get<std::string>());
        }
        const auto note = a.find("note");
        if (note != a.end() && !note->is_string())
            return fail(error, where + "\"note\" is not a string");
        Triage t {*state, note == a.end() ? QString() : QString::fromStdString(note->get<std::string>())};
        if (t == Triage {})
            continue;
        std::string text = identity.text(); // before identity is moved into the entry
        entries.insert_or_assign(std::move(text), Entry {std::move(identity), std::move(t)});
    }
    const bool same = entries.size() == m_entries.size()
        && std::equal(entries.begin(), entries.end(), m_entries.begin(),
            [](const auto &l, const auto &r) { return l.first == r.first && l.second.triage == r.second.triage; });
    m_entries = std::move(entries);
    if (!same)
        Q_EMIT changed();
    return true;
}

} // namespace kvt::model
