// SPDX-License-Identifier: MIT
#include "model/tuning_summary.h"

#include <QCoreApplication>
#include <QStringList>

#include <algorithm>
#include <cmath>
#include <iterator>

#include "engine/rules/key_summary.h"
#include "engine/rules/rule_parameters.h"
#include "model/rescore_job.h"
#include "model/text_conversions.h"

namespace kvt::model {
namespace {

// Singular texts only: lupdate cannot see through a helper, so a plural calls
// QCoreApplication::translate() itself and gets its English forms from kvtriage_en.ts.
QString tr(const char *text)
{
    return QCoreApplication::translate("kvt::model::TuningSummary", text);
}

std::vector<std::string> difference(const std::vector<std::string> &a, const std::vector<std::string> &b)
{
    std::vector<std::string> out;
    std::set_difference(a.begin(), a.end(), b.begin(), b.end(), std::back_inserter(out));
    return out;
}

QString beforeAfter(std::optional<std::size_t> before, std::size_t after)
{
    if (!before || *before == after)
        return QString::number(after);
    return QStringLiteral("%1 → %2").arg(*before).arg(after);
}

QString listed(const std::vector<std::string> &keys, int limit)
{
    if (keys.empty())
        return tr("none");
    QStringList names;
    for (std::size_t i = 0; i < keys.size() && names.size() < limit; ++i)
        names.append(toQString(keys[i]));
    QString text = names.join(QStringLiteral(", "));
    const auto rest = static_cast<int>(keys.size()) - static_cast<int>(names.size());
    if (rest > 0)
        text += QCoreApplication::translate("kvt::model::TuningSummary", " +%n more", nullptr, rest);
    return text;
}

// The rows of @p table whose values differ between @p a and @p b, in table order.
template <typename P>
std::vector<std::string> differingRows(const std::vector<engine::ParamSpec<P>> &table, const P &a, const P &b)
{
    std::vector<std::string> out;
    for (const auto &row : table)
        if (row.value(a) != row.value(b))
            out.push_back(row.option);
    return out;
}

} // namespace

ResultsFigures figuresOf(const engine::SentinelResult &sentinel, const engine::ElasticBurstResult *burst)
{
    ResultsFigures f;
    f.alerts = sentinel.alerts.size();
    for (const engine::KeySummary &key : engine::summarizeKeys(sentinel))
        if (key.status == engine::KeyStatus::Alerting)
            f.anomalousKeys.push_back(sentinel.series[key.series].key);
    std::sort(f.anomalousKeys.begin(), f.anomalousKeys.end());
    if (burst)
        f.bursts = burst->alerts.size();
    return f;
}

ResultsFigures figuresOf(const RuleResults &results)
{
    return figuresOf(results.sentinel, results.burst.get());
}

TuningDelta compareFigures(const std::optional<ResultsFigures> &before, const ResultsFigures &after)
{
    TuningDelta d;
    d.before = before;
    d.after = after;
    if (before) {
        d.gained = difference(after.anomalousKeys, before->anomalousKeys);
        d.lost = difference(before->anomalousKeys, after.anomalousKeys);
    }
    return d;
}

QString describeDelta(const TuningDelta &d, int limit)
{
    const auto &before = d.before;
    QStringList parts;
    parts.append(
        tr("Alerts %1").arg(beforeAfter(before ? std::optional(before->alerts) : std::nullopt, d.after.alerts)));
    parts.append(tr("anomalous keys %1")
                     .arg(beforeAfter(before ? std::optional(before->anomalousKeys.size()) : std::nullopt,
                         d.after.anomalousKeys.size())));
    if (d.after.bursts)
        parts.append(tr("ES|QL bursts %1").arg(beforeAfter(before ? before->bursts : std::nullopt, *d.after.bursts)));
    if (before) {
        parts.append(tr("keys gained: %1").arg(listed(d.gained, limit)));
        parts.append(tr("lost: %1").arg(listed(d.lost, limit)));
    }
    return parts.join(QStringLiteral(" · "));
}

engine::SentinelParams deployedSentinelParams(std::optional<engine::Ticks> now)
{
    engine::SentinelParams p;
    p.now = now;
    return p;
}

std::vector<std::string> changedFromDeployed(const engine::SentinelParams &params, const engine::Dataset *data)
{
    const std::optional<engine::Ticks> scheduled
        = data && !data->empty() ? std::optional(engine::defaultNow(*data)) : std::nullopt;
    engine::SentinelParams effective = params;
    if (!effective.now)
        effective.now = scheduled;
    return differingRows(engine::sentinelParameters(), effective, deployedSentinelParams(scheduled));
}

std::vector<std::string> changedFromDeployed(const engine::ElasticBurstParams &params)
{
    const auto &table = engine::elasticBurstParameters();
    std::vector<std::string> out = differingRows(table, params, engine::burstPresetParams(params.preset));
    const engine::ElasticBurstParams defaults;
    for (const auto &row : table)
        if (row.preset && row.value(params) != row.value(defaults))
            out.insert(out.begin(), row.option);
    return out;
}

QString wellKnownAppName(const QString &appId)
{
    // Microsoft first-party application ids that show up in Key Vault audit logs.
    static const std::pair<const char16_t *, const char16_t *> kKnown[] = {
        {u"509e4652-da8d-478d-a730-e9d4a1996ca4", u"Azure Resource Graph"},
        {u"797f4846-ba00-4fd7-ba43-dac1f8f63013", u"Azure Resource Manager"},
        {u"c44b4083-3bb0-49c1-b47d-974e53cbdf3c", u"Azure Portal"},
        {u"04b07795-8ddb-461a-bbee-02f9e1bf7b46", u"Microsoft Azure CLI"},
        {u"1950a258-227b-4e31-a9cf-717495945fc2", u"Microsoft Azure PowerShell"},
        {u"cfa8b339-82a2-471a-a3c9-0fc0be7a4093", u"Azure Key Vault"},
        {u"00000003-0000-0000-c000-000000000000", u"Microsoft Graph"},
        {u"872cd9fa-d31f-45e0-9eab-6e460a02d1f1", u"Visual Studio"},
    };
    const QString id = appId.trimmed().toLower();
    for (const auto &[known, name] : kKnown)
        if (id == QStringView(known))
            return QString::fromUtf16(name);
    return {};
}

SliderSpan sliderSpan(std::optional<double> min, std::optional<double> max, double defaultValue)
{
    SliderSpan s;
    s.low = min.value_or(0);
    s.high = max.value_or(s.low + 4 * std::max(std::abs(defaultValue), 1.0));
    if (s.high <= s.low)
        s.high = s.low + 1;
    // The largest of 1, 2 or 5 times a power of ten that still cuts the span into 100 steps or more.
    const double raw = (s.high - s.low) / 100;
    const double decade = std::pow(10.0, std::floor(std::log10(raw)));
    s.step = decade;
    for (const double m : {2.0, 5.0})
        if (m * decade <= raw)
            s.step = m * decade;
    s.decimals = std::max(2, static_cast<int>(-std::floor(std::log10(s.step))) + 1);
    return s;
}

} // namespace kvt::model
