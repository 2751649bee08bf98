// SPDX-License-Identifier: MIT
#include "model/explain_text.h"

#include <QLocale>

#include <cmath>

#include "engine/series/periods.h"
#include "model/rule_text.h"
#include "model/text_conversions.h"

namespace kvt::model {
namespace {

using engine::ScoreBranch;
using engine::ScoreExplanation;
using engine::Verdict;

// The exact double, for the figures table: parsing it back gives the same value.
constexpr int kExact = QLocale::FloatingPointShortest;

// Seven significant digits read well and are enough wherever the number does not decide anything.
QString num(double v, int precision = 7)
{
    if (std::isinf(v))
        return v > 0 ? QStringLiteral("+∞") : QStringLiteral("−∞");
    return QString::number(v, 'g', precision);
}

// A number as an operand of a written formula: negative ones in parentheses.
QString operand(const QString &text)
{
    return text.startsWith(QLatin1Char('-')) ? QLatin1Char('(') + text + QLatin1Char(')') : text;
}

// @p v printed so that it compares with @p against as v does.
QString beyond(double v, double against)
{
    return decidingNumber(
        v, [v, against](double d) { return (d > against) == (v > against) && (d < against) == (v < against); });
}

// @p v printed so that its truncation toward zero is visibly the one the rule takes.
QString truncating(double v)
{
    return decidingNumber(
        v, [v](double d) { return std::trunc(d) == std::trunc(v) && (std::trunc(d) == d) == (std::trunc(v) == v); });
}

QString when(engine::Ticks t)
{
    return ticksToDateTime(t).toString(
        t % engine::kTicksPerMinute ? QStringLiteral("yyyy-MM-dd HH:mm:ss") : QStringLiteral("yyyy-MM-dd HH:mm"));
}

// A span as Kusto writes it in the rule text: 2d, 12h, 30m.
QString kqlSpan(engine::Ticks t)
{
    const bool days = t % engine::kTicksPerDay == 0, hours = t % engine::kTicksPerHour == 0;
    const engine::Ticks unit = days ? engine::kTicksPerDay : hours ? engine::kTicksPerHour : engine::kTicksPerMinute;
    return QString::number(t / unit) + QLatin1Char(days ? 'd' : hours ? 'h' : 'm');
}

// Kusto's order of floating-point operations is unknown: say so where a rounding could flip the outcome.
QString nearTieNote(const ScoreExplanation &e)
{
    QString note;
    if (e.score.nearThreshold)
        note += ExplainText::tr("The score is within 1e-9 of ±%1: Kusto's rounding could flag it differently. ")
                    .arg(num(e.score.threshold));
    if (e.stages.nearBaselineThreshold)
        note += ExplainText::tr("The baseline is within 1e-9 of where its truncation crosses %1: Kusto's rounding "
                                "could decide the baseline filter differently.")
                    .arg(num(e.stages.baselineThreshold));
    return note.isEmpty() ? note : QStringLiteral("<p><i>%1</i></p>").arg(note.trimmed().toHtmlEscaped());
}

QString seasonalSentence(const ScoreExplanation &e)
{
    const engine::SeasonalFigures &s = e.seasonal;
    switch (s.source) {
    case engine::PeriodSource::None:
        return ExplainText::tr("none: the rule passes seasonality 0, so the seasonal part is 0.");
    case engine::PeriodSource::Forced:
        return ExplainText::tr(
            "the rule forces a period of %1 points; this point is at phase %2, where the median of the raw "
            "counts is %3.")
            .arg(QString::number(s.period), QString::number(s.phase), num(s.value));
    case engine::PeriodSource::Detected:
        return ExplainText::tr(
            "autodetect found a period of %1 points (score %2 ≥ the threshold %3); this point is at phase %4, "
            "where the median of the raw counts is %5.")
            .arg(QString::number(s.period), beyond(s.periodScore, s.periodThreshold), num(s.periodThreshold),
                QString::number(s.phase), num(s.value));
    case engine::PeriodSource::NotDetected: break;
    }
    if (engine::maxDetectablePeriod(e.bins) < engine::kMinPeriod)
        return ExplainText::tr(
            "none: %1 points are too few for autodetect to consider any period (it needs %2 cycles of at "
            "least %3 points), so the seasonal part is 0.")
            .arg(QString::number(e.bins), QString::number(engine::kMinCycles), QString::number(engine::kMinPeriod));
    return ExplainText::tr(
        "none: autodetect found no period scoring at least %1 (the best scored %2), so the seasonal part is 0.")
        .arg(num(s.periodThreshold), beyond(s.periodScore, s.periodThreshold));
}

QString trendSentence(const ScoreExplanation &e)
{
    switch (e.trendKind) {
    case engine::TrendKind::LineFit:
        return ExplainText::tr(
            "the least-squares line fitted to the %1 deseasonalised counts (linefit) is %2 at this point.")
            .arg(QString::number(e.bins), num(e.trend));
    case engine::TrendKind::Average:
        return ExplainText::tr("the average of the deseasonalised counts (avg) is %1.").arg(num(e.trend));
    case engine::TrendKind::None: break;
    }
    return ExplainText::tr("none: the rule passes trend 'none', so the trend is 0.");
}

QString residualSentence(const ScoreExplanation &e)
{
    const double r = e.score.residual;
    if (r > 0)
        return ExplainText::tr("The count %1 is %2 above the baseline %3: the residual is r = %2.")
            .arg(num(e.count), num(r), num(e.baseline));
    if (r < 0)
        return ExplainText::tr("The count %1 is %2 below the baseline %3: the residual is r = %4.")
            .arg(num(e.count), num(-r), num(e.baseline), num(r));
    return ExplainText::tr("The count %1 equals the baseline: the residual is r = 0.").arg(num(e.count));
}

QString countAndBaseline(const ScoreExplanation &e)
{
    QString html = QStringLiteral("<p>")
        + ExplainText::tr("The rule counted <b>%1</b> qualifying records of this key in the bin (after its filters: "
                          "operations, success, vaults, allow-list).")
              .arg(num(e.count))
        + QStringLiteral("</p><p>");
    html += ExplainText::tr("Seasonal part: %1").arg(seasonalSentence(e)) + QStringLiteral("<br>");
    html += ExplainText::tr("Trend: %1").arg(trendSentence(e)) + QStringLiteral("<br>");
    html += ExplainText::tr("Baseline = seasonal + trend = %1 + %2 = <b>%3</b>.")
                .arg(operand(num(e.seasonal.value)), operand(num(e.trend)), num(e.baseline));
    return html + QStringLiteral("<br>") + residualSentence(e) + QStringLiteral("</p>");
}

QString branchSentence(const engine::ScoreFigures &f)
{
    const QString lo = QString::number(f.lowPercentile), hi = QString::number(f.highPercentile);
    switch (f.branch) {
    case ScoreBranch::Above:
        return ExplainText::tr(
            "r = %1 is above P%2 = %3, so the score is NF × (r − P%2) / (P%2 − P%4) = %5 × (%1 − %6) / %7 = "
            "<b>%8</b>.")
            .arg(beyond(f.residual, f.high), hi, num(f.high), lo, num(f.normalisation, kExact), operand(num(f.high)),
                num(f.range), num(f.score));
    case ScoreBranch::Below:
        return ExplainText::tr(
            "r = %1 is below P%2 = %3, so the score is NF × (r − P%2) / (P%4 − P%2) = %5 × (%6 − %7) / %8 = "
            "<b>%9</b>.")
            .arg(beyond(f.residual, f.low), lo, num(f.low), hi, num(f.normalisation, kExact), operand(num(f.residual)),
                operand(num(f.low)), num(f.range), num(f.score));
    case ScoreBranch::AboveZeroRange:
    case ScoreBranch::BelowZeroRange:
        return ExplainText::tr(
            "P%1 and P%2 are both %3: the range is 0 and r = %4 lies outside it, so the score is <b>%5</b> "
            "(kvtriage's reading of a case Kusto does not document: such a point always flags).")
            .arg(lo, hi, num(f.high), beyond(f.residual, f.high), num(f.score));
    case ScoreBranch::Ignored:
        return ExplainText::tr("The count is not a number: the point is left out of the learning and scores <b>0</b>.");
    case ScoreBranch::Inside: break;
    }
    return ExplainText::tr("r = %1 lies inside [P%2, P%3] = [%4, %5], so the score is <b>0</b>.")
        .arg(num(f.residual), lo, hi, num(f.low), num(f.high));
}

QString flagSentence(const engine::ScoreFigures &f)
{
    // The comparison signs are text: the template is escaped before the numbers and the bold flag go in.
    const QString score = beyond(f.score, f.score >= 0 ? f.threshold : -f.threshold);
    const QString text = f.flag > 0 ? ExplainText::tr("Flag: %1 > %2 (strict): %3, a rise.")
        : f.flag < 0                ? ExplainText::tr("Flag: %1 < −%2 (strict): %3, a drop.")
                                    : ExplainText::tr("Flag: %1 is within ±%2: %3, not flagged.");
    const QString flag = f.flag > 0 ? QStringLiteral("+1") : f.flag < 0 ? QStringLiteral("−1") : QStringLiteral("0");
    return text.toHtmlEscaped().arg(score, num(f.threshold), QStringLiteral("<b>") + flag + QStringLiteral("</b>"));
}

QString scoreSection(const ScoreExplanation &e)
{
    const engine::ScoreFigures &f = e.score;
    const QString lo = QString::number(f.lowPercentile), hi = QString::number(f.highPercentile);
    QString html = QStringLiteral("<p>")
        + ExplainText::tr(
            "The fences are P%1 and P%2 of the residuals of the %3 learning points (%4, linear interpolation "
            "between closest ranks): P%1 = %5, P%2 = %6, range P%2 − P%1 = %7; NF = %8.")
              .arg(lo, hi, QString::number(f.learningPoints), toQString(engine::outlierMethodName(f.method)),
                  num(f.low), num(f.high), num(f.range), num(f.normalisation, kExact));
    html += QStringLiteral("<br>") + branchSentence(f);
    return html + QStringLiteral("<br>") + flagSentence(f) + QStringLiteral("</p>");
}

enum class StageState { Passed, Stopped, NotReached };

QString stageItem(const QString &condition, StageState state, const QString &detail)
{
    const QString mark = state == StageState::Passed ? ExplainText::tr("passed")
        : state == StageState::Stopped               ? ExplainText::tr("stopped here")
                                                     : ExplainText::tr("not reached");
    // One multi-arg pass: nothing substituted is scanned for markers again.
    const QString body
        = QStringLiteral("<code>%1</code>: %2. %3").arg(condition.toHtmlEscaped(), mark, detail).trimmed();
    return state == StageState::Stopped ? QStringLiteral("<li><b>%1</b></li>").arg(body)
                                        : QStringLiteral("<li>%1</li>").arg(body);
}

QString flagDetail(int flag)
{
    return flag > 0 ? ExplainText::tr("Flag +1, a rise.")
        : flag < 0  ? ExplainText::tr("Flag −1, a drop: the rule keeps rises only.")
                    : ExplainText::tr("Flag 0: the model did not flag this point.");
}

QString baselineDetail(const ScoreExplanation &e)
{
    const engine::StageFigures &st = e.stages;
    const QString text = st.baselinePasses
        ? ExplainText::tr("The baseline %1 truncates to %2 (to typeof(long)), and %2 > %3.")
        : ExplainText::tr("The baseline %1 truncates to %2 (to typeof(long)), which is not above %3.");
    return text.toHtmlEscaped().arg(
        truncating(e.baseline), QString::number(st.baselineLong), num(st.baselineThreshold));
}

QString windowDetail(const ScoreExplanation &e)
{
    const engine::StageFigures &st = e.stages;
    const QString text = st.inWindow ? ExplainText::tr("The bin starts %1 UTC, after now − %2 = %3 UTC.")
                                     : ExplainText::tr("The bin starts %1 UTC, not after now − %2 = %3 UTC.");
    return text.arg(when(e.binStart), kqlSpan(st.alertWindow), when(st.windowStart));
}

QString joinDetail(const ScoreExplanation &e)
{
    if (!e.stages.outcome)
        return ExplainText::tr("No anomaly row of this point reached the join.");
    const engine::AnomalyOutcome &o = *e.stages.outcome;
    return outcomeText(o).toHtmlEscaped() + QLatin1Char(' ')
        + ExplainText::tr("%n final alert row(s).", nullptr, static_cast<int>(o.alerts));
}

QString stagesList(const ScoreExplanation &e)
{
    const engine::StageFigures &st = e.stages;
    const bool passes[] = {e.score.flag > 0, st.baselinePasses, st.inWindow, e.verdict == Verdict::Alerted};
    int decisive = 0;
    while (decisive < 3 && passes[decisive])
        ++decisive;
    auto state = [&](int i) {
        return i < decisive ? StageState::Passed
            : i == decisive ? (passes[i] ? StageState::Passed : StageState::Stopped)
                            : StageState::NotReached;
    };
    auto would = [&](int i) {
        return state(i) != StageState::NotReached ? QString()
                                                  : QLatin1Char(' ')
                + (passes[i] ? ExplainText::tr("It would pass.") : ExplainText::tr("It would stop the point."));
    };
    QString join = QStringLiteral("join kind=innerunique … on %1").arg(toQString(e.keyColumn));
    if (st.drilldown == engine::Drilldown::FullBin)
        join += QStringLiteral(" (full-bin)");
    QString html = QStringLiteral("<ol>");
    html += stageItem(QStringLiteral("anomalies > 0"), state(0), flagDetail(e.score.flag));
    html += stageItem(
        QStringLiteral("baseline > %1").arg(num(st.baselineThreshold)), state(1), baselineDetail(e) + would(1));
    html += stageItem(
        QStringLiteral("TimeGenerated > ago(%1)").arg(kqlSpan(st.alertWindow)), state(2), windowDetail(e) + would(2));
    html += stageItem(join, state(3), state(3) == StageState::NotReached ? QString() : joinDetail(e));
    return html + QStringLiteral("</ol>");
}

QString figuresTable(const ScoreExplanation &e)
{
    const engine::ScoreFigures &f = e.score;
    const QString lo = QString::number(f.lowPercentile), hi = QString::number(f.highPercentile);
    const std::pair<QString, QString> rows[] = {{ExplainText::tr("count"), num(e.count, kExact)},
        {ExplainText::tr("seasonal"), num(e.seasonal.value, kExact)}, {ExplainText::tr("trend"), num(e.trend, kExact)},
        {ExplainText::tr("baseline"), num(e.baseline, kExact)},
        {ExplainText::tr("baseline to typeof(long)"), QString::number(e.stages.baselineLong)},
        {ExplainText::tr("residual r"), num(f.residual, kExact)}, {QStringLiteral("P") + lo, num(f.low, kExact)},
        {QStringLiteral("P") + hi, num(f.high, kExact)}, {ExplainText::tr("range"), num(f.range, kExact)},
        {QStringLiteral("NF"), num(f.normalisation, kExact)}, {ExplainText::tr("score"), num(f.score, kExact)},
        {ExplainText::tr("score threshold"), num(f.threshold, kExact)},
        {ExplainText::tr("flag"), QString::number(f.flag)},
        {ExplainText::tr("baseline threshold"), num(e.stages.baselineThreshold, kExact)},
        {ExplainText::tr("bin start (UTC)"), formatTicks(e.binStart)},
        {ExplainText::tr("now (UTC)"), formatTicks(e.stages.now)},
        {ExplainText::tr("alert window start (UTC)"), formatTicks(e.stages.windowStart)}};
    QString html = QStringLiteral("<table cellspacing=\"0\" cellpadding=\"2\">");
    for (const auto &[label, value] : rows)
        html += QStringLiteral("<tr><td>%1</td><td align=\"right\"><code>%2</code></td></tr>").arg(label, value);
    return html + QStringLiteral("</table>");
}

} // namespace

QString decidingNumber(double value, const std::function<bool(double)> &sameOutcome)
{
    if (!std::isfinite(value))
        return num(value);
    for (int precision = 7; precision <= 17; ++precision) {
        const QString text = num(value, precision);
        if (sameOutcome(text.toDouble()))
            return text;
    }
    return num(value, kExact);
}

QString verdictTitle(Verdict verdict)
{
    switch (verdict) {
    case Verdict::Alerted: return ExplainText::tr("Alerted");
    case Verdict::BelowThreshold: return ExplainText::tr("Not flagged: within the score threshold");
    case Verdict::DropIgnored: return ExplainText::tr("Drop ignored: the rule alerts on rises only");
    case Verdict::BaselineNotAbove: return ExplainText::tr("Dropped by the baseline threshold");
    case Verdict::OutsideAlertWindow: return ExplainText::tr("Outside the alert window");
    case Verdict::SilencedByJoin: return ExplainText::tr("Silenced by the join");
    case Verdict::FoldedIntoOtherAnomaly: return ExplainText::tr("Folded into another anomaly of the key");
    }
    return {};
}

QString verdictSentence(const ScoreExplanation &e)
{
    const engine::StageFigures &st = e.stages;
    const QString threshold = num(e.score.threshold), kept = QString::number(st.baselineLong);
    const QString score = beyond(e.score.score, e.score.score >= 0 ? e.score.threshold : -e.score.threshold);
    const QString bar = num(st.baselineThreshold);
    switch (e.verdict) {
    case Verdict::BelowThreshold:
        return ExplainText::tr("The score %1 is within ±%2: the model did not flag this point.").arg(score, threshold);
    case Verdict::DropIgnored:
        return ExplainText::tr("The score %1 is below −%2: a drop, and the rule keeps rises only (anomalies > 0).")
            .arg(score, threshold);
    case Verdict::Alerted:
        return ExplainText::tr(
            "Flagged (score %1 > %2), the baseline truncates to %3 > %4, the bin is inside the alert window, "
            "and the join raised %n alert row(s).",
            nullptr, static_cast<int>(st.outcome ? st.outcome->alerts : 0))
            .arg(score, threshold, kept, bar);
    case Verdict::BaselineNotAbove:
        return ExplainText::tr("Flagged (score %1 > %2), but the baseline %3 truncates to %4, which is not above %5.")
            .arg(score, threshold, truncating(e.baseline), kept, bar);
    case Verdict::OutsideAlertWindow:
        return ExplainText::tr(
            "Flagged (score %1 > %2) with the baseline truncated to %3 > %4, but the bin starts %5 UTC, "
            "not after now − %6 = %7 UTC.")
            .arg(score, threshold, kept, bar, when(e.binStart), kqlSpan(st.alertWindow), when(st.windowStart));
    case Verdict::SilencedByJoin:
    case Verdict::FoldedIntoOtherAnomaly: break;
    }
    const QString outcome = st.outcome ? outcomeText(*st.outcome) : ExplainText::tr("No alert row was produced.");
    return ExplainText::tr("Flagged (score %1 > %2) with the baseline truncated to %3 > %4 inside the alert window. %5")
        .arg(score, threshold, kept, bar, outcome);
}

QString explanationHtml(const ScoreExplanation &e)
{
    const engine::SeriesShape shape {e.keyColumn, e.step};
    QString html = QStringLiteral("<html><body><h3>") + seriesKeyLabel(shape).toHtmlEscaped()
        + QStringLiteral(" <code>") + toQString(e.key).toHtmlEscaped() + QStringLiteral("</code></h3><p>");
    html += ExplainText::tr("Bin (%1): %2 to %3 UTC, point %4 of %5.")
                .arg(binLabel(e.step), when(e.binStart), when(e.binStart + e.step), QString::number(e.bin + 1),
                    QString::number(e.bins));
    html += QStringLiteral("</p><p><b>") + verdictTitle(e.verdict).toHtmlEscaped() + QStringLiteral(".</b> ")
        + verdictSentence(e).toHtmlEscaped() + QStringLiteral("</p>") + nearTieNote(e);
    const auto section = [](const QString &title, const QString &body) {
        return QStringLiteral("<h4>") + title + QStringLiteral("</h4>") + body;
    };
    html += section(ExplainText::tr("Count and baseline"), countAndBaseline(e))
        + section(ExplainText::tr("Score"), scoreSection(e));
    html += section(ExplainText::tr("The rule's stages"), stagesList(e))
        + section(ExplainText::tr("Figures"), figuresTable(e));
    return html + QStringLiteral("</body></html>");
}

} // namespace kvt::model
