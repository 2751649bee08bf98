// SPDX-License-Identifier: MIT
#include "engine/rules/sentinel_params.h"

namespace kvt::engine {

Ticks defaultNow(const Dataset &data)
{
    if (data.empty())
        return 0;
    const Ticks lastDay = startOfDay(data.lastTime());
    const bool complete = data.lastTime() >= lastDay + 23 * kTicksPerHour;
    const Ticks evaluated = complete ? lastDay : lastDay - kTicksPerDay;
    return evaluated + kTicksPerDay + 5 * kTicksPerMinute;
}

std::string_view seriesKeyName(SeriesKey k)
{
    return k == SeriesKey::Resource ? "Resource" : "CallerIPAddress";
}

std::string_view drilldownName(Drilldown d)
{
    return d == Drilldown::FullBin ? "full-bin" : "faithful";
}

DecomposeParams decomposeParamsOf(const SentinelParams &p)
{
    DecomposeParams dp;
    dp.threshold = p.scoreThreshold;
    dp.seasonality = p.seasonality;
    dp.trend = p.trend;
    dp.method = p.method;
    return dp;
}

} // namespace kvt::engine
