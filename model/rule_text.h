// SPDX-License-Identifier: MIT
// The GUI's words for what the engine reports as data: why an anomaly did or did not alert, and how a
// series is keyed and binned. Translatable (tr()); the CLI's English lives in engine/report/.
#pragma once

#include <QString>

#include "engine/rules/sentinel_rule.h"

namespace kvt::model {

/// One sentence: what the rule's join did with @p outcome's anomaly.
QString outcomeText(const engine::AnomalyOutcome &outcome);

/// The series key column as a heading: "Caller IP" or "Vault".
QString seriesKeyLabel(const engine::SeriesShape &shape);

/// The bin length in words: "day", "hour", "30 minutes".
QString binLabel(engine::Ticks step);

} // namespace kvt::model
