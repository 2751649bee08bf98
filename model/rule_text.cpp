// SPDX-License-Identifier: MIT
#include "model/rule_text.h"

#include <QCoreApplication>

#include "model/text_conversions.h"

namespace kvt::model {
namespace {

// Singular texts only: lupdate cannot see through a helper, so every plural calls
// QCoreApplication::translate() itself and gets its English forms from kvtriage_en.ts.
QString tr(const char *text)
{
    return QCoreApplication::translate("kvt::model::RuleText", text);
}

QString hhmm(engine::Ticks t)
{
    return ticksToDateTime(t).toString(QStringLiteral("HH:mm"));
}

} // namespace

QString outcomeText(const engine::AnomalyOutcome &o)
{
    switch (o.kind) {
    case engine::OutcomeKind::Alerted: {
        // A plain int: lupdate does not parse a cast inside translate()'s arguments.
        const int records = static_cast<int>(o.recordsJoined);
        return QCoreApplication::translate(
            "kvt::model::RuleText", "Alerted: the join attached all %n record(s) of the bin.", nullptr, records);
    }
    case engine::OutcomeKind::AlertedPartly:
        return tr("Alerted on %1 of %2 records: the deployed rule joins only %3–%4 UTC, the first hour of the bin.")
            .arg(o.recordsJoined)
            .arg(o.recordsInBin)
            .arg(hhmm(o.joinedFrom), hhmm(o.joinedTo));
    case engine::OutcomeKind::SilencedByFirstHourJoin:
        return tr("Flagged by the model, silenced by the join: no qualifying record of this key in %1–%2 UTC, "
                  "the only hour the deployed rule joins.")
            .arg(hhmm(o.joinedFrom), hhmm(o.joinedTo));
    case engine::OutcomeKind::NoRecordInWindow:
        return tr("Flagged by the model, but no qualifying record of this key inside the alert window.");
    case engine::OutcomeKind::FoldedIntoOtherAnomaly:
        return tr("Another anomaly of the same key was kept by the join (innerunique); its alerts hold the records.");
    }
    return {};
}

QString seriesKeyLabel(const engine::SeriesShape &shape)
{
    return shape.keyColumn == "Resource" ? tr("Vault") : tr("Caller IP");
}

QString binLabel(engine::Ticks step)
{
    if (step == engine::kTicksPerDay)
        return tr("day");
    if (step == engine::kTicksPerHour)
        return tr("hour");
    // Plain ints: lupdate does not parse a cast inside translate()'s arguments.
    if (step % engine::kTicksPerDay == 0) {
        const int days = static_cast<int>(step / engine::kTicksPerDay);
        return QCoreApplication::translate("kvt::model::RuleText", "%n day(s)", nullptr, days);
    }
    if (step % engine::kTicksPerHour == 0) {
        const int hours = static_cast<int>(step / engine::kTicksPerHour);
        return QCoreApplication::translate("kvt::model::RuleText", "%n hour(s)", nullptr, hours);
    }
    const int minutes = static_cast<int>(step / engine::kTicksPerMinute);
    return QCoreApplication::translate("kvt::model::RuleText", "%n minute(s)", nullptr, minutes);
}

} // namespace kvt::model
