// SPDX-License-Identifier: MIT
// Every `let` of the deployed Sentinel rule "Azure Key Vault access TimeSeries anomaly" (rule text
// 2d6149a6, kql-semantics.md section 0) and every choice the spec leaves open, with deployed defaults.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "engine/core/ticks.h"
#include "engine/series/decompose.h"
#include "engine/store/dataset.h"

namespace kvt::engine {

enum class SeriesKey { CallerIPAddress, Resource };
enum class Drilldown {
    Faithful, ///< exactly the deployed join: only records of the first UTC hour of the anomalous bin
    FullBin ///< every record of the anomalous bin
};

inline constexpr const char *kResourceGraphAppIdDefault = "509e4652-da8d-478d-a730-e9d4a1996ca4";

struct SentinelParams {
    std::optional<Ticks> now; ///< unset: see defaultNow()
    int lookbackDays = 14; ///< starttime
    Ticks bin = kTicksPerDay; ///< timeframe
    double scoreThreshold = 3; ///< scorethreshold
    double baselineThreshold = 25; ///< baselinethreshold (compared with the truncated baseline)
    std::vector<std::string> allowAppIds {kResourceGraphAppIdDefault}; ///< Allowedappid (case-sensitive `in`)
    std::vector<std::string> operations {"SecretGet", "KeyGet", "VaultGet"}; ///< OperationList
    Ticks alertWindow = 2 * kTicksPerDay; ///< the ago(2d) filters
    int seasonality = -1;
    TrendKind trend = TrendKind::LineFit;
    OutlierMethod method = OutlierMethod::CTukey;
    SeriesKey seriesKey = SeriesKey::CallerIPAddress;
    Drilldown drilldown = Drilldown::Faithful;
    bool claimBackfill = false; ///< merge short and long identity claims (not in the deployed rule)
    // Exclusions an analyst adds while tuning (not in the deployed rule): records they match are
    // dropped from both halves of the query, as a `where` beside the Allowedappid one would.
    std::vector<std::string> excludeCallers; ///< CallerIPAddress values, exact (`!in`)
    std::vector<std::string> excludeAccounts; ///< CallerObjectUPN values, ASCII case-insensitive (`!in~`)
};

/// The run time that evaluates the last complete UTC day of the data: the scheduled run at 00:05
/// UTC of the following day. A day counts as complete when the data reach into its last hour
/// (23:00 or later); otherwise the day before is the last complete one.
Ticks defaultNow(const Dataset &data);

std::string_view seriesKeyName(SeriesKey k);

/// The column the make-series `by` reads.
inline TextField seriesKeyField(SeriesKey k)
{
    return k == SeriesKey::Resource ? TextField::Resource : TextField::CallerIPAddress;
}
/// The rule's series_decompose_anomalies arguments.
DecomposeParams decomposeParamsOf(const SentinelParams &p);
std::string_view drilldownName(Drilldown d);

} // namespace kvt::engine
