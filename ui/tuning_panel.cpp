// SPDX-License-Identifier: MIT
#include "ui/tuning_panel.h"

#include <QGridLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QScrollArea>
#include <QTabWidget>
#include <QToolButton>
#include <QVBoxLayout>

#include <algorithm>
#include <limits>

#include "model/analysis_session.h"
#include "model/text_conversions.h"
#include "ui/param_editors.h"

namespace kvt::ui {
namespace {

using Apply = model::AnalysisSession::Apply;

std::vector<std::string> toStd(const QStringList &texts)
{
    std::vector<std::string> out;
    out.reserve(static_cast<std::size_t>(texts.size()));
    for (const QString &t : texts)
        out.push_back(t.toStdString());
    return out;
}

// The row's own parse: the one way a control's text becomes a parameter value.
template <typename P> QString parseInto(P &params, const QString &option, const QStringList &texts)
{
    return model::toQString(engine::applyParam(params, option.toStdString(), toStd(texts)));
}

// "score-threshold" -> "Score threshold": the option name, readable, so it still matches --help.
QString labelText(const ParamRow &row)
{
    QString text = row.option;
    text.replace(QLatin1Char('-'), QLatin1Char(' '));
    if (!text.isEmpty())
        text[0] = text[0].toUpper();
    if (!row.unit.isEmpty() && !text.contains(row.unit, Qt::CaseInsensitive)) // not "Lookback days (days)"
        text += QStringLiteral(" (%1)").arg(row.unit);
    return text;
}

QString toolTipText(const ParamRow &row)
{
    const QString deployed = row.defaultText.isEmpty()
        ? TuningPanel::tr("the scheduled run, 00:05 UTC after the last complete day")
        : row.defaultText;
    return TuningPanel::tr("<p><b>--%1</b> · %2</p><p>%3</p><p>Default: %4</p>")
        .arg(row.option.toHtmlEscaped(), row.ruleName.toHtmlEscaped(), row.help.toHtmlEscaped(),
            deployed.toHtmlEscaped());
}

bool listed(const std::vector<std::string> &options, const QString &option)
{
    return std::find(options.begin(), options.end(), option.toStdString()) != options.end();
}

} // namespace

TuningPanel::TuningPanel(model::AnalysisSession *session, QWidget *parent)
    : QWidget(parent), m_session(session), m_effect(new QLabel(this)), m_tunedLabel(new QLabel(this)),
      m_reset(new QPushButton(tr("Reset to the deployed rule"), this)), m_tabs(new QTabWidget(this))
{
    m_effect->setWordWrap(true);
    m_effect->setFrameShape(QFrame::StyledPanel); // the answer to "what did that change do?" stands out
    m_effect->setMargin(4);
    m_effect->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_tunedLabel->setWordWrap(true);
    m_reset->setToolTip(tr("Every parameter of both rules back to the deployed rule; the evaluated day stays"));
    m_tabs->addTab(buildTable(Rule::Sentinel), tr("Sentinel rule"));
    m_tabs->addTab(buildTable(Rule::Elastic), tr("ES|QL rule"));

    auto *resetLine = new QHBoxLayout;
    resetLine->addWidget(m_tunedLabel, 1);
    resetLine->addWidget(m_reset);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_effect);
    layout->addLayout(resetLine);
    layout->addWidget(m_tabs, 1);

    connect(m_reset, &QPushButton::clicked, this, &TuningPanel::resetToDeployed);
    connect(session, &model::AnalysisSession::parametersChanged, this, &TuningPanel::followParameters);
    connect(session, &model::AnalysisSession::parametersChanged, this, &TuningPanel::showPending);
    connect(session, &model::AnalysisSession::rescoreStarted, this, &TuningPanel::showPending);
    connect(session, &model::AnalysisSession::datasetChanged, this, &TuningPanel::followDataset);
    connect(session, &model::AnalysisSession::resultsChanged, this, &TuningPanel::showEffect);
    connect(session, &model::AnalysisSession::rescoreCancelled, this, [this] {
        if (!m_session->isRescoring())
            m_effect->setText(m_effectText);
    });
    followDataset();
    showEffect();
}

QWidget *TuningPanel::buildTable(Rule rule)
{
    auto *page = new QWidget;
    auto *grid = new QGridLayout(page);
    grid->setColumnStretch(1, 1);
    if (rule == Rule::Sentinel) {
        const auto &table = engine::sentinelParameters();
        for (std::size_t i = 0; i < table.size(); ++i)
            addRow(rule, i, paramRow(table[i]), grid);
    } else {
        const auto &table = engine::elasticBurstParameters();
        for (std::size_t i = 0; i < table.size(); ++i)
            addRow(rule, i, paramRow(table[i]), grid);
    }
    grid->setRowStretch(grid->rowCount(), 1);
    auto *scroll = new QScrollArea;
    scroll->setWidgetResizable(true);
    scroll->setFrameShape(QFrame::NoFrame);
    scroll->setWidget(page);
    return scroll;
}

void TuningPanel::addRow(Rule rule, std::size_t index, const ParamRow &param, QGridLayout *grid)
{
    const std::size_t at = m_rows.size(); // rows are found by position: the vector grows meanwhile
    auto *editor = createParamEditor(
        param, [this, at](const QStringList &texts) { return check(m_rows[at], texts); }, grid->parentWidget());
    auto *label = new QLabel(labelText(param), grid->parentWidget());
    label->setBuddy(editor);
    label->setToolTip(toolTipText(param));
    editor->setToolTip(label->toolTip());
    auto *reset = new QToolButton(grid->parentWidget());
    reset->setText(QStringLiteral("↺"));
    reset->setToolTip(tr("Back to the deployed rule's value"));
    reset->setAutoRaise(true);
    reset->setEnabled(false);
    m_rows.push_back({rule, index, param.option, editor, label, reset});

    const int line = grid->rowCount();
    grid->addWidget(label, line, 0, Qt::AlignTop);
    grid->addWidget(editor, line, 1);
    grid->addWidget(reset, line, 2, Qt::AlignTop);
    connect(editor, &ParamEditor::edited, this,
        [this, at](const QStringList &texts, bool debounced) { applyEdit(m_rows[at], texts, debounced); });
    connect(reset, &QToolButton::clicked, this, [this, at] { resetRow(m_rows[at]); });
}

const TuningPanel::Row *TuningPanel::findRow(const QString &option, Rule rule) const
{
    const auto it = std::find_if(
        m_rows.begin(), m_rows.end(), [&](const Row &r) { return r.rule == rule && r.option == option; });
    return it == m_rows.end() ? nullptr : &*it;
}

ParamEditor *TuningPanel::editor(const QString &option, Rule rule) const
{
    const Row *row = findRow(option, rule);
    return row ? row->editor : nullptr;
}

QLabel *TuningPanel::rowLabel(const QString &option, Rule rule) const
{
    const Row *row = findRow(option, rule);
    return row ? row->label : nullptr;
}

QToolButton *TuningPanel::rowResetButton(const QString &option, Rule rule) const
{
    const Row *row = findRow(option, rule);
    return row ? row->reset : nullptr;
}

bool TuningPanel::differsFromDeployed(const QString &option, Rule rule) const
{
    const Row *row = findRow(option, rule);
    return row && row->differs;
}

engine::ParamValue TuningPanel::valueOf(const Row &row) const
{
    if (row.rule == Rule::Sentinel)
        return engine::sentinelParameters()[row.index].value(m_session->sentinelParams());
    return engine::elasticBurstParameters()[row.index].value(m_session->burstParams());
}

QString TuningPanel::check(const Row &row, const QStringList &texts) const
{
    if (row.rule == Rule::Sentinel) {
        engine::SentinelParams scratch = m_session->sentinelParams();
        return parseInto(scratch, row.option, texts);
    }
    engine::ElasticBurstParams scratch = m_session->burstParams();
    return parseInto(scratch, row.option, texts);
}

void TuningPanel::applyEdit(const Row &row, const QStringList &texts, bool debounced)
{
    if (m_following)
        return; // a control moved to the session's value must not send it back
    const Apply when = debounced ? Apply::Debounced : Apply::Now;
    if (row.rule == Rule::Sentinel) {
        engine::SentinelParams p = m_session->sentinelParams();
        if (parseInto(p, row.option, texts).isEmpty())
            m_session->setSentinelParams(p, when);
    } else {
        engine::ElasticBurstParams p = m_session->burstParams();
        if (parseInto(p, row.option, texts).isEmpty())
            m_session->setBurstParams(p, when);
    }
}

// The deployed value as the row prints it, read back by the row's parse ("none" for an empty list,
// the empty text for an unset `now`). ES|QL rows go back to the chosen preset's form of the rule.
void TuningPanel::resetRow(const Row &row)
{
    std::string text;
    if (row.rule == Rule::Sentinel) {
        text = engine::formatParam(engine::sentinelParameters()[row.index], model::deployedSentinelParams());
    } else {
        const auto &spec = engine::elasticBurstParameters()[row.index];
        const engine::ElasticBurstParams reference
            = spec.preset ? engine::ElasticBurstParams {} : engine::burstPresetParams(m_session->burstParams().preset);
        text = engine::formatParam(spec, reference);
    }
    applyEdit(row, {model::toQString(text)}, false);
}

void TuningPanel::resetToDeployed()
{
    const engine::SentinelParams sentinel = model::deployedSentinelParams(m_session->sentinelParams().now);
    const engine::ElasticBurstParams burst;
    // One rescore for both: when the ES|QL parameters change too, the Sentinel change waits for
    // theirs, whose immediate rescore then runs with both.
    const bool burstChanges = engine::changeLevel(m_session->burstParams(), burst).has_value();
    m_session->setSentinelParams(sentinel, burstChanges ? Apply::Debounced : Apply::Now);
    m_session->setBurstParams(burst, Apply::Now);
}

void TuningPanel::followParameters()
{
    m_following = true;
    for (const Row &row : m_rows)
        row.editor->showValue(valueOf(row));
    m_following = false;
    updateMarks();
}

// A new snapshot: the day scrubber spans its days, and the next results have no "before" (a
// comparison across two data sets says nothing about the parameters).
void TuningPanel::followDataset()
{
    const auto dataset = m_session->dataset();
    const bool loaded = dataset && !dataset->empty();
    for (const Row &row : m_rows) {
        if (row.editor->row().type != engine::ParamType::DateTime)
            continue;
        if (loaded)
            row.editor->setDataRange(dataset->firstTime(), dataset->lastTime(), engine::defaultNow(*dataset));
        else
            row.editor->setDataRange(std::nullopt, 0, 0);
    }
    m_previous.reset();
    m_delta.reset();
    m_effectText = loaded ? tr("Scoring…") : tr("Load data to see what each change does.");
    m_effect->setText(m_effectText);
    followParameters();
}

void TuningPanel::updateMarks()
{
    const auto dataset = m_session->dataset();
    const auto sentinel = model::changedFromDeployed(m_session->sentinelParams(), dataset.get());
    const auto burst = model::changedFromDeployed(m_session->burstParams());
    for (Row &row : m_rows) {
        row.differs = listed(row.rule == Rule::Sentinel ? sentinel : burst, row.option);
        QFont font = row.label->font();
        font.setBold(row.differs);
        row.label->setFont(font);
        row.reset->setEnabled(row.differs);
    }
    // A dot on a tab says "something in here is tuned" without opening it.
    m_tabs->setTabText(0, sentinel.empty() ? tr("Sentinel rule") : tr("Sentinel rule •"));
    m_tabs->setTabText(1, burst.empty() ? tr("ES|QL rule") : tr("ES|QL rule •"));
    const int changed = static_cast<int>(sentinel.size() + burst.size());
    m_tunedLabel->setText(changed == 0 ? tr("The deployed rules.")
                                       : tr("%n value(s) differ from the deployed rules (bold).", nullptr, changed));
    m_reset->setEnabled(changed > 0);
    if (m_tuned != (changed > 0)) {
        m_tuned = changed > 0;
        Q_EMIT tunedChanged(m_tuned);
    }
}

void TuningPanel::showEffect()
{
    const auto results = m_session->results();
    if (!results)
        return;
    const model::ResultsFigures figures = model::figuresOf(*results);
    m_delta = model::compareFigures(m_previous, figures);
    m_previous = figures;
    m_effectText = model::describeDelta(*m_delta);
    m_effect->setText(m_effectText);
    // Every key gained or lost, where the line names only the first few.
    m_effect->setToolTip(model::describeDelta(*m_delta, std::numeric_limits<int>::max()));
    Q_EMIT effectChanged(m_effectText);
}

void TuningPanel::showPending()
{
    if (m_previous) // before the first results of a snapshot the line already says it is scoring
        m_effect->setText(tr("Re-scoring… (last: %1)").arg(m_effectText));
}

} // namespace kvt::ui
