// SPDX-License-Identifier: MIT
// The analyst's decision per alert (new, true / benign / false positive, and a note), keyed by what
// the alert is rather than where it is listed, so a re-scoring that renumbers the rows keeps it.
#pragma once

#include <QObject>
#include <QString>

#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json_fwd.hpp>

#include "engine/rules/elastic_burst.h"
#include "engine/rules/sentinel_rule.h"

namespace kvt::model {

enum class AlertRule { Sentinel, Esql };

/// "sentinel-timeseries" or "elastic-burst": the CLI's `--rule` names, used in saved documents.
std::string_view alertRuleName(AlertRule rule);

/// Which alert a decision is about: its rule and the values of the rule's own group key, by column
/// name, as the CLI writes them (times ISO 8601 UTC, 7 decimals). Sentinel: the final summarize's
/// `by Resource, id_s, clientInfo_s, LatestAnomalyTime`; ES|QL: the STATS `BY time_window, <identity
/// field>` (the field names the grouping, so the same value under another grouping is another alert).
struct AlertIdentity {
    AlertRule rule = AlertRule::Sentinel;
    std::map<std::string, std::string> key; ///< column name -> value

    /// One text per identity (rule, then the key by column name): what the store is keyed by.
    std::string text() const;
    bool operator==(const AlertIdentity &) const = default;
};

AlertIdentity sentinelIdentity(const engine::AlertRow &row);
AlertIdentity burstIdentity(const engine::BurstRow &row, const engine::ElasticBurstParams &params);

enum class TriageState { New, TruePositive, BenignPositive, FalsePositive };
inline constexpr int kTriageStateCount = 4;

/// "new", "true_positive", "benign_positive", "false_positive": the names saved documents use.
std::string_view triageStateName(TriageState state);
std::optional<TriageState> parseTriageState(std::string_view name);

struct Triage {
    TriageState state = TriageState::New;
    QString note;
    bool operator==(const Triage &) const = default;
};

/// Triage decisions by alert identity. Holds decisions for alerts the current results do not show
/// (a threshold change may bring them back), and only decisions: an alert that is New without a note
/// has no entry. GUI thread only.
class TriageStore : public QObject {
    Q_OBJECT
public:
    explicit TriageStore(QObject *parent = nullptr);

    /// The decision on @p identity (New, no note, when there is none).
    Triage triage(const AlertIdentity &identity) const;
    void setState(const AlertIdentity &identity, TriageState state);
    /// Sets the state of several alerts at once (one @ref changed).
    void setState(const std::vector<AlertIdentity> &identities, TriageState state);
    void setNote(const AlertIdentity &identity, const QString &note);
    /// Alerts with a decision (a state other than New, or a note).
    int size() const { return static_cast<int>(m_entries.size()); }
    void clear();

    /// `{"version": 1, "alerts": [{"rule", "key": {column: value}, "state", "note"}]}`, in identity order.
    nlohmann::json toJson() const;
    /// Replaces every decision with those of @p json (as @ref toJson writes it). A malformed document
    /// changes nothing: returns false and says why in @p error.
    bool fromJson(const nlohmann::json &json, std::string *error = nullptr);

    /// The state in the analyst's words ("True positive").
    static QString stateLabel(TriageState state);

Q_SIGNALS:
    /// Some decision changed (not emitted when a setter changes nothing).
    void changed();

private:
    struct Entry {
        AlertIdentity identity;
        Triage triage;
    };
    bool put(const AlertIdentity &identity, const Triage &triage);

    std::map<std::string, Entry> m_entries; ///< by AlertIdentity::text()
};

} // namespace kvt::model
