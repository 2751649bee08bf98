// SPDX-License-Identifier: MIT
#include "ui/session_status_label.h"

#include <QLocale>

#include <algorithm>

#include "model/analysis_session.h"
#include "model/rule_text.h"
#include "model/text_conversions.h"

namespace kvt::ui {

SessionStatusLabel::SessionStatusLabel(model::AnalysisSession *session, QWidget *parent)
    : QLabel(parent), m_session(session)
{
    setText(tr("No data loaded. Open Key Vault audit logs with File › Open or drop them here."));
    connect(session, &model::AnalysisSession::loadStarted, this, [this] { setText(tr("Loading…")); });
    connect(session, &model::AnalysisSession::loadFinished, this,
        [this](engine::JobStatus status) { onLoadFinished(status); });
    connect(session, &model::AnalysisSession::rescoreStarted, this, &SessionStatusLabel::showSummary);
    connect(session, &model::AnalysisSession::resultsChanged, this, &SessionStatusLabel::showSummary);
    connect(session, &model::AnalysisSession::rescoreCancelled, this, &SessionStatusLabel::showSummary);
}

void SessionStatusLabel::onLoadFinished(engine::JobStatus status)
{
    if (status == engine::JobStatus::Cancelled) {
        setText(
            m_session->load() ? tr("Loading cancelled; the previous data is still shown.") : tr("Loading cancelled."));
        return;
    }
    const auto load = m_session->load();
    if (status != engine::JobStatus::Ok || !load || load->load.records() == 0) {
        setText(tr("Nothing could be read: see Import problems."));
        return;
    }
    showSummary();
}

void SessionStatusLabel::showSummary()
{
    const auto outcome = m_session->load();
    if (!outcome || m_session->isLoading())
        return;
    const auto &load = outcome->load;
    if (load.records() == 0) {
        setText(tr("Nothing could be read: see Import problems."));
        return;
    }
    const QLocale locale;
    QString text = tr("%1 records from %n file(s)", nullptr, static_cast<int>(load.files.size()))
                       .arg(locale.toString(static_cast<qulonglong>(load.records())));
    if (load.rejected() > 0)
        text += tr(" · %1 rejected").arg(locale.toString(static_cast<qulonglong>(load.rejected())));
    if (!load.dataset->empty())
        text += tr(" · %1 – %2 UTC")
                    .arg(model::ticksToDateTime(load.dataset->firstTime()).toString(QStringLiteral("yyyy-MM-dd HH:mm")),
                        model::ticksToDateTime(load.dataset->lastTime()).toString(QStringLiteral("yyyy-MM-dd HH:mm")));
    if (m_session->isRescoring()) {
        text += tr(" │ scoring…");
    } else if (const auto results = m_session->results()) {
        const auto &sentinel = results->sentinel;
        const auto &axis = sentinel.axis;
        const QString evaluated = axis.bins == 0
            ? QString()
            : tr(", evaluates %1")
                  .arg(model::ticksToDateTime(axis.binStart(axis.bins - 1))
                           .toString(axis.step % engine::kTicksPerDay == 0 ? QStringLiteral("yyyy-MM-dd")
                                                                           : QStringLiteral("yyyy-MM-dd HH:mm")));
        text += tr(" │ Sentinel, run %1 UTC%2: %n anomaly(ies)", nullptr, static_cast<int>(sentinel.anomalies.size()))
                    .arg(model::ticksToDateTime(sentinel.params.now.value_or(0))
                             .toString(QStringLiteral("yyyy-MM-dd HH:mm")),
                        evaluated);
        text += tr(", %n alert(s)", nullptr, static_cast<int>(sentinel.alerts.size()));
        const auto silenced = std::count_if(sentinel.outcomes.begin(), sentinel.outcomes.end(),
            [](const engine::AnomalyOutcome &o) { return o.silenced; });
        if (silenced > 0)
            text += tr(" (%n raised nothing)", nullptr, static_cast<int>(silenced));
        text += tr(" │ ES|QL: %n alert(s)", nullptr, static_cast<int>(results->burst->alerts.size()));
    }
    setText(text);
    setToolTip(outcomesToolTip());
}

// Per anomaly of the evaluated window, what the join made of it: the first question after "why did
// this alert?" is "why did that one not?".
QString SessionStatusLabel::outcomesToolTip() const
{
    const auto results = m_session->results();
    if (!results || results->sentinel.outcomes.empty())
        return {};
    constexpr int kShown = 20;
    const auto &outcomes = results->sentinel.outcomes;
    QStringList lines;
    for (std::size_t i = 0; i < outcomes.size() && i < kShown; ++i) {
        const auto &o = outcomes[i];
        lines.append(tr("%1 %2 · %3")
                         .arg(model::toQString(o.key),
                             model::formatTicks(o.bin).left(16).replace(QLatin1Char('T'), QLatin1Char(' ')),
                             model::outcomeText(o)));
    }
    if (outcomes.size() > kShown)
        lines.append(tr("… and %n more", nullptr, static_cast<int>(outcomes.size() - kShown)));
    return lines.join(QLatin1Char('\n'));
}

} // namespace kvt::ui
