// SPDX-License-Identifier: MIT
#include "model/rule_chart_builder.h"

#include <QCoreApplication>
#include <QLocale>

#include <algorithm>
#include <set>

#include "model/rule_text.h"
#include "model/text_conversions.h"
#include <cmath>

namespace kvt::model {
namespace {

struct RuleChart {
    Q_DECLARE_TR_FUNCTIONS(kvt::model::RuleChart)
};

qint64 ms(engine::Ticks t)
{
    return ticksToMs(t);
}

QString binText(engine::Ticks start, engine::Ticks step)
{
    const QString format
        = step % engine::kTicksPerDay == 0 ? QStringLiteral("yyyy-MM-dd") : QStringLiteral("yyyy-MM-dd HH:mm");
    return ticksToDateTime(start).toString(format);
}

QString pointTip(const engine::ScoredSeries &s, std::size_t b, engine::Ticks start, engine::Ticks step)
{
    const QLocale locale;
    const double baseline = s.result.parts.baseline[b];
    return RuleChart::tr("%1 · %2 UTC\ncount %3 · baseline %4 (as long %5)\nscore %6 · flag %7")
        .arg(toQString(s.key), binText(start, step))
        .arg(static_cast<qlonglong>(s.counts[b]))
        .arg(locale.toString(baseline, 'f', 3))
        .arg(engine::truncateToLong(baseline))
        .arg(locale.toString(s.result.scores[b], 'f', 4))
        .arg(s.result.flags[b] > 0 ? QStringLiteral("+1") : QString::number(s.result.flags[b]));
}

// The (key, bin) pairs that produced at least one alert row.
std::set<std::pair<std::string, engine::Ticks>> alertedPoints(const engine::SentinelResult &result)
{
    std::set<std::pair<std::string, engine::Ticks>> out;
    for (const auto &o : result.outcomes)
        if (o.alerts > 0)
            out.insert({o.key, o.bin});
    return out;
}

void addBands(const engine::SentinelResult &result, ChartData &data)
{
    const auto &axis = result.axis;
    if (axis.bins == 0)
        return;
    const engine::Ticks now = result.params.now.value_or(axis.end());
    const engine::Ticks windowFrom = std::max(axis.from, now - result.params.alertWindow);
    if (windowFrom < axis.end())
        data.bands.append(
            {ChartBand::Kind::AlertWindow, ms(windowFrom), ms(axis.end()), RuleChart::tr("alert window")});
    const engine::Ticks last = axis.binStart(axis.bins - 1);
    data.bands.append({ChartBand::Kind::EvaluatedBin, ms(last), ms(axis.end()),
        RuleChart::tr("evaluated %1").arg(binLabel(axis.step))});
}

void addSeries(const engine::SentinelResult &result, const engine::ScoredSeries &s, int colorIndex,
    const std::set<std::pair<std::string, engine::Ticks>> &alerted, const RuleChartOptions &options, ChartData &data)
{
    const auto &axis = result.axis;
    ChartLine counts {toQString(s.key), toQString(s.key), colorIndex, {}, {}};
    ChartLine baseline {RuleChart::tr("%1 baseline").arg(toQString(s.key)), toQString(s.key), colorIndex, {}, {}};
    ChartLine scores {RuleChart::tr("%1 score").arg(toQString(s.key)), toQString(s.key), colorIndex, {}, {}};
    for (std::size_t b = 0; b < s.counts.size() && b < axis.bins; ++b) {
        // At the bin's centre, so a point sits inside its day and the shaded bins around it.
        const double x = static_cast<double>(ms(axis.binStart(b)) + ms(axis.step) / 2);
        const QString tip = pointTip(s, b, axis.binStart(b), axis.step);
        counts.points.append({x, s.counts[b]});
        counts.tips.append(tip);
        baseline.points.append({x, s.result.parts.baseline[b]});
        scores.points.append({x, s.result.scores[b]});
        data.yMax = std::max({data.yMax, s.counts[b], s.result.parts.baseline[b]});
        if (std::isfinite(s.result.scores[b])) {
            data.scoreMin = std::min(data.scoreMin, s.result.scores[b]);
            data.scoreMax = std::max(data.scoreMax, s.result.scores[b]);
        }
        if (s.result.flags[b] != 0) {
            const bool filled = s.result.flags[b] > 0 && alerted.count({s.key, axis.binStart(b)}) > 0;
            data.markers.append({{x, s.counts[b]}, s.result.flags[b], filled, colorIndex, toQString(s.key), tip});
        }
    }
    if (counts.points.size() > options.maxPoints) {
        // What cannot be seen is not drawn; the per-point tips go with the points they described.
        counts.points = decimateMinMax(counts.points, options.maxPoints);
        counts.tips.clear();
        baseline.points = decimateMinMax(baseline.points, options.maxPoints);
        scores.points = decimateMinMax(scores.points, options.maxPoints);
    }
    data.lines.append(std::move(counts));
    data.baselines.append(std::move(baseline));
    if (options.showScores)
        data.scores.append(std::move(scores));
}

} // namespace

ChartData buildRuleChartData(
    const engine::SentinelResult &result, const std::vector<std::size_t> &series, const RuleChartOptions &options)
{
    ChartData data;
    const auto &axis = result.axis;
    const QString bin = binLabel(axis.step);
    const QString keyLabel = seriesKeyLabel(result.shape);
    data.title = RuleChart::tr("Records per %1 the Sentinel rule scores, by %2 (dashed: its baseline)")
                     .arg(bin, keyLabel.left(1).toLower() + keyLabel.mid(1));
    data.yTitle = RuleChart::tr("records per %1").arg(bin);
    data.xTitle = axis.step % engine::kTicksPerDay == 0 ? RuleChart::tr("UTC day") : RuleChart::tr("UTC time");
    data.stepMs = ms(axis.step);
    data.threshold = result.params.scoreThreshold;
    data.emptyText = RuleChart::tr("Select keys in the list to chart what the rule scores.");
    if (axis.bins == 0)
        return data;
    data.xMinMs = ms(axis.from);
    data.xMaxMs = ms(axis.binStart(axis.bins - 1));
    const auto alerted = alertedPoints(result);
    for (const std::size_t k : series)
        if (k < result.series.size())
            addSeries(result, result.series[k], static_cast<int>(data.lines.size()), alerted, options, data);
    if (!data.lines.isEmpty())
        addBands(result, data);
    return data;
}

} // namespace kvt::model
