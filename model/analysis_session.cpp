// SPDX-License-Identifier: MIT
#include "model/analysis_session.h"

#include "engine/rules/rule_parameters.h"
#include "model/import_issues_model.h"
#include "model/key_list_model.h"
#include "model/loaded_files_model.h"
#include "model/series_list_model.h"

namespace kvt::model {

AnalysisSession::AnalysisSession(QObject *parent)
    : QObject(parent), m_loadJob(new LoadJob(this)), m_rescoreJob(new RescoreJob(this)),
      m_recordJob(new RecordQueryJob(this)), m_series(new SeriesListModel(this)), m_keys(new KeyListModel(this)),
      m_issues(new ImportIssuesModel(this)), m_files(new LoadedFilesModel(this))
{
    m_debounce.setSingleShot(true);
    m_debounce.setInterval(kDebounceMs);
    connect(&m_debounce, &QTimer::timeout, this, &AnalysisSession::rescoreNow);
    connect(m_loadJob, &LoadJob::progressChanged, this, &AnalysisSession::loadProgress);
    connect(m_loadJob, &LoadJob::finished, this, &AnalysisSession::onLoadFinished);
    connect(m_rescoreJob, &RescoreJob::started, this, &AnalysisSession::rescoreStarted);
    connect(m_rescoreJob, &RescoreJob::finished, this, &AnalysisSession::onResults);
    connect(m_rescoreJob, &RescoreJob::idle, this, &AnalysisSession::rescoreCancelled);
    connect(m_recordJob, &RecordQueryJob::finished, this, [this](const std::shared_ptr<const RecordSet> &records) {
        if (records && records->results == m_results)
            setRecords(records);
    });
}

// The jobs are children: their destructors wait for their workers before the snapshot goes.
AnalysisSession::~AnalysisSession() = default;

std::shared_ptr<const engine::Dataset> AnalysisSession::dataset() const
{
    return m_load ? m_load->load.dataset : nullptr;
}

void AnalysisSession::openPaths(const QStringList &paths)
{
    if (paths.isEmpty())
        return;
    m_loadJob->start(paths, m_loadOptions);
    Q_EMIT loadStarted(paths);
}

void AnalysisSession::setLoadOptions(const engine::LoadOptions &options)
{
    m_loadOptions = options;
    Q_EMIT loadOptionsChanged();
    reload();
}

void AnalysisSession::reload()
{
    if (m_load)
        openPaths(m_load->inputs);
}

void AnalysisSession::cancel()
{
    m_loadJob->cancel();
    m_debounce.stop();
    m_rescoreJob->cancel();
}

void AnalysisSession::onLoadFinished(engine::JobStatus status, const std::shared_ptr<const LoadOutcome> &outcome)
{
    if (outcome) {
        // The reports of a failed load are shown too: they say why nothing new appeared.
        m_issues->setReports(outcome->load.files);
        m_files->setReports(outcome->load.files);
    }
    if (status == engine::JobStatus::Ok && outcome && outcome->load.dataset) {
        m_debounce.stop();
        m_rescoreJob->cancel(); // results of the old snapshot must never arrive after the new one
        m_load = outcome;
        m_rule = std::make_shared<engine::SentinelRule>(outcome->load.dataset);
        m_results.reset();
        m_keys->setResults(nullptr);
        m_recordJob->cancel();
        m_records.reset();
        m_selection = {};
        m_series->setSeries(outcome->dailyByCaller);
        Q_EMIT datasetChanged();
        Q_EMIT selectionChanged(m_selection);
        Q_EMIT recordsChanged();
        rescoreNow();
    }
    Q_EMIT loadFinished(status, outcome);
}

void AnalysisSession::setSentinelParams(const engine::SentinelParams &params, Apply when)
{
    const auto level = engine::changeLevel(m_sentinelParams, params);
    m_sentinelParams = params;
    if (!level)
        return;
    Q_EMIT parametersChanged();
    if (*level == engine::Invalidation::Reload)
        reload();
    else if (*level == engine::Invalidation::Rescore)
        scheduleRescore(when);
}

void AnalysisSession::setBurstParams(const engine::ElasticBurstParams &params, Apply when)
{
    const auto level = engine::changeLevel(m_burstParams, params);
    m_burstParams = params;
    if (!level)
        return;
    Q_EMIT parametersChanged();
    if (*level == engine::Invalidation::Reload)
        reload();
    else if (*level == engine::Invalidation::Rescore)
        scheduleRescore(when);
}

void AnalysisSession::scheduleRescore(Apply when)
{
    if (!m_load)
        return; // nothing to score yet: the first load scores with these parameters
    if (when == Apply::Now)
        rescoreNow();
    else
        m_debounce.start(); // restarts: a drag runs once, ~200 ms after it rests
}

void AnalysisSession::rescoreNow()
{
    m_debounce.stop();
    if (!m_load || !m_rule)
        return;
    m_rescoreJob->request({m_load->load.dataset, m_rule, m_sentinelParams, m_burstParams, m_results});
}

void AnalysisSession::onResults(const std::shared_ptr<const RuleResults> &results)
{
    if (!results || !m_load || results->dataset != m_load->load.dataset)
        return; // an answer about a snapshot that is gone
    m_results = results;
    m_keys->setResults(results);
    // Alert rows are renumbered by a rescore; the key stays selected and its records are asked again.
    if (m_selection.alert >= 0)
        setSelection({m_selection.key, std::nullopt, -1});
    const auto shown = m_records;
    m_records.reset();
    Q_EMIT resultsChanged();
    if (shown)
        showRecords(shown->query);
    else
        Q_EMIT recordsChanged();
}

void AnalysisSession::setSelection(const Selection &selection)
{
    if (selection == m_selection)
        return;
    m_selection = selection;
    Q_EMIT selectionChanged(m_selection);
}

void AnalysisSession::selectKey(const QString &key)
{
    setSelection({key, std::nullopt, -1});
}

void AnalysisSession::selectBin(const QString &key, engine::Ticks bin)
{
    setSelection({key, bin, -1});
    if (!m_results)
        return;
    const auto &axis = m_results->sentinel.axis;
    if (bin < axis.from || bin >= axis.end() || axis.step <= 0)
        return;
    const auto index = static_cast<std::size_t>((bin - axis.from) / axis.step);
    showRecords(engine::seriesPointQuery(m_results->sentinel, key.toStdString(), index));
}

void AnalysisSession::selectAlert(int alert)
{
    if (!m_results || alert < 0 || static_cast<std::size_t>(alert) >= m_results->sentinel.alerts.size()) {
        clearSelection();
        return;
    }
    const auto &row = m_results->sentinel.alerts[static_cast<std::size_t>(alert)];
    const bool byResource = m_results->sentinel.params.seriesKey == engine::SeriesKey::Resource;
    const std::string key = byResource ? row.resource : row.callerIp;
    setSelection({QString::fromStdString(key), std::nullopt, alert});
    // The alert row carries its own records: no scan needed.
    auto records = std::make_shared<RecordSet>();
    records->query.key = key;
    records->query.stage = engine::RecordStage::Joined;
    records->query.drilldown = m_results->sentinel.params.drilldown;
    records->results = m_results;
    records->rows = row.recordIds;
    m_recordJob->cancel();
    setRecords(std::move(records));
}

void AnalysisSession::clearSelection()
{
    setSelection({});
    m_recordJob->cancel();
    setRecords(nullptr);
}

void AnalysisSession::showRecords(const engine::RecordQuery &query)
{
    if (m_results)
        m_recordJob->request(query, m_results);
}

void AnalysisSession::setRecords(std::shared_ptr<const RecordSet> records)
{
    m_records = std::move(records);
    Q_EMIT recordsChanged();
}

} // namespace kvt::model
