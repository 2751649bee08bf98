// SPDX-License-Identifier: MIT
#include "model/rule_text.h"

#include <QCoreApplication>

#include "model/text_conversions.h"

namespace kvt::model {
namespace {

QString tr(const char *text, int n = -1)
{
    return QCoreApplication::translate("kvt::model::RuleText", text, nullptr, n);
}

QString hhmm(engine::Ticks t)
{
    return ticksToDateTime(t).toString(QStringLiteral("HH:mm"));
}

} // namespace

QString outcomeText(const engine::AnomalyOutcome &o)
{
    switch (o.kind) {
    case engine::OutcomeKind::Alerted:
        return tr("Alerted: the join attached all %n record(s) of the bin.", static_cast<int>(o.recordsJoined));
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
    if (step % engine::kTicksPerDay == 0)
        return tr("%n days", static_cast<int>(step / engine::kTicksPerDay));
    if (step % engine::kTicksPerHour == 0)
        return tr("%n hours", static_cast<int>(step / engine::kTicksPerHour));
    return tr("%n minutes", static_cast<int>(step / engine::kTicksPerMinute));
}

} // namespace kvt::model
