// SPDX-License-Identifier: MIT
#include "ui/chart/rule_chart_panel.h"

#include <QCheckBox>
#include <QHBoxLayout>
#include <QVBoxLayout>

#include <algorithm>

#include "model/analysis_session.h"
#include "model/key_list_model.h"
#include "model/rule_chart_builder.h"
#include "model/text_conversions.h"
#include "ui/chart/time_series_chart.h"

namespace kvt::ui {
namespace {

constexpr int kDefaultKeys = 3;

} // namespace

RuleChartPanel::RuleChartPanel(model::AnalysisSession *session, QWidget *parent)
    : QWidget(parent), m_session(session), m_chart(new TimeSeriesChart(this)),
      m_scores(new QCheckBox(tr("Show &scores"), this))
{
    m_scores->setToolTip(tr("Each key's anomaly score on a second axis, with the rule's ± score threshold"));
    auto *controls = new QHBoxLayout;
    controls->addStretch(1);
    controls->addWidget(m_scores);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addLayout(controls);
    layout->addWidget(m_chart, 1);

    connect(session, &model::AnalysisSession::resultsChanged, this, &RuleChartPanel::rebuild);
    connect(session, &model::AnalysisSession::datasetChanged, this, &RuleChartPanel::rebuild);
    connect(session, &model::AnalysisSession::chartKeysChanged, this, &RuleChartPanel::rebuild);
    connect(session, &model::AnalysisSession::selectionChanged, this, &RuleChartPanel::rebuild);
    connect(m_scores, &QCheckBox::toggled, this, &RuleChartPanel::rebuild);
    connect(m_chart, &TimeSeriesChart::pointActivated, this, [this](const QString &key, qint64 binMs) {
        m_session->selectBin(key, binMs * 10'000); // ms to the engine's 100-ns ticks
    });
    rebuild();
}

// The keys the analyst chose; else the selected key; else the most urgent keys, so the first screen
// already answers "why did this alert?".
std::vector<std::size_t> RuleChartPanel::chooseSeries() const
{
    const auto results = m_session->results();
    std::vector<std::size_t> out;
    if (!results)
        return out;
    const auto &series = results->sentinel.series;
    auto indexOf = [&](const QString &key) {
        const std::string k = key.toStdString();
        const auto it = std::lower_bound(series.begin(), series.end(), k,
            [](const engine::ScoredSeries &s, const std::string &v) { return s.key < v; });
        return it != series.end() && it->key == k ? static_cast<std::size_t>(it - series.begin()) : series.size();
    };
    QStringList keys = m_session->chartKeys();
    if (keys.isEmpty() && !m_session->selection().key.isEmpty())
        keys = {m_session->selection().key};
    for (const QString &key : keys)
        if (const std::size_t i = indexOf(key); i < series.size())
            out.push_back(i);
    if (!out.empty() || !keys.isEmpty())
        return out;
    const model::KeyListModel *list = m_session->keyListModel();
    std::vector<const engine::KeySummary *> urgent;
    for (int r = 0; r < list->rowCount(); ++r)
        if (list->summary(r).status != engine::KeyStatus::Quiet)
            urgent.push_back(&list->summary(r));
    std::stable_sort(urgent.begin(), urgent.end(), [](const auto *a, const auto *b) {
        return a->status != b->status ? a->status < b->status : a->maxScore > b->maxScore;
    });
    for (std::size_t i = 0; i < urgent.size() && i < kDefaultKeys; ++i)
        out.push_back(urgent[i]->series);
    return out;
}

void RuleChartPanel::rebuild()
{
    const auto results = m_session->results();
    m_shown = chooseSeries();
    if (!results) {
        m_chart->setChartData({});
        return;
    }
    model::RuleChartOptions options;
    options.showScores = m_scores->isChecked();
    options.maxPoints = std::max(200, 2 * m_chart->width());
    m_chart->setChartData(model::buildRuleChartData(results->sentinel, m_shown, options));
}

} // namespace kvt::ui
