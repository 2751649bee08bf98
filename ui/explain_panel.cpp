// SPDX-License-Identifier: MIT
#include "ui/explain_panel.h"

#include <QTextBrowser>
#include <QVBoxLayout>

#include "engine/report/score_explanation.h"
#include "model/analysis_session.h"
#include "model/explain_text.h"
#include "model/text_conversions.h"

namespace kvt::ui {
namespace {

QString emptyHtml()
{
    return QStringLiteral("<p><i>%1</i></p>")
        .arg(ExplainPanel::tr("Select a point of a series or a key to see why it scored what it did."));
}

// The key (text from the logs) goes in escaped and last, in one pass: a key holding "%1" stays literal.
QString missingSeriesHtml(const QString &key)
{
    return QStringLiteral("<p>%1</p>")
        .arg(ExplainPanel::tr("%1 has no series in the rule's results: none of its records passes the rule's "
                              "filters (operations, success, vaults, allow-list) inside the look-back.")
                 .arg(QStringLiteral("<code>%1</code>").arg(key.toHtmlEscaped())));
}

QString outsideAxisHtml(const QString &key, engine::Ticks t, const engine::TimeAxis &axis)
{
    const auto when
        = [](engine::Ticks at) { return model::ticksToDateTime(at).toString(QStringLiteral("yyyy-MM-dd HH:mm")); };
    return QStringLiteral("<p>%1</p>")
        .arg(ExplainPanel::tr("%1 at %2 UTC is outside the rule's series (%3 to %4 UTC): there is no score to "
                              "explain.")
                 .arg(QStringLiteral("<code>%1</code>").arg(key.toHtmlEscaped()), when(t), when(axis.from),
                     when(axis.end())));
}

// The bin of the anomaly whose join raised alert @p alert of the selected key: an alert row carries
// no bin of its own, the kept anomaly of its key does.
std::optional<std::size_t> alertBin(const engine::SentinelResult &result, const std::string &key, int alert)
{
    if (alert < 0)
        return std::nullopt;
    for (const engine::AnomalyOutcome &o : result.outcomes)
        if (o.key == key && o.alerts > 0)
            return engine::binIndexOf(result, o.bin);
    return std::nullopt;
}

// The explanation of @p selection as HTML, or why there is none.
QString explain(const engine::SentinelResult &result, const model::Selection &selection)
{
    const std::string key = selection.key.toStdString();
    const auto series = engine::findSeries(result, key);
    if (!series)
        return missingSeriesHtml(selection.key);
    const std::size_t bins = result.series[*series].counts.size();
    if (bins == 0)
        return missingSeriesHtml(selection.key);
    std::optional<std::size_t> bin;
    if (selection.bin) {
        bin = engine::binIndexOf(result, *selection.bin);
        if (!bin)
            return outsideAxisHtml(selection.key, *selection.bin, result.axis);
    } else {
        bin = alertBin(result, key, selection.alert);
    }
    return model::explanationHtml(engine::explainPoint(result, *series, bin.value_or(bins - 1)));
}

} // namespace

ExplainPanel::ExplainPanel(model::AnalysisSession *session, QWidget *parent)
    : QWidget(parent), m_session(session), m_browser(new QTextBrowser(this))
{
    m_browser->setOpenLinks(false);
    m_browser->setReadOnly(true);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_browser);

    connect(m_session, &model::AnalysisSession::selectionChanged, this, &ExplainPanel::refresh);
    connect(m_session, &model::AnalysisSession::resultsChanged, this, &ExplainPanel::refresh);
    // A new snapshot clears the results: nothing explained may outlive them.
    connect(m_session, &model::AnalysisSession::datasetChanged, this, &ExplainPanel::refresh);
    refresh();
}

void ExplainPanel::refresh()
{
    const auto results = m_session->results();
    const model::Selection &selection = m_session->selection();
    if (!results || selection.key.isEmpty()) {
        m_browser->setHtml(emptyHtml());
        return;
    }
    m_browser->setHtml(explain(results->sentinel, selection));
}

} // namespace kvt::ui
