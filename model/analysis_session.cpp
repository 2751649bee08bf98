// SPDX-License-Identifier: MIT
#include "model/analysis_session.h"

#include "engine/rules/rule_parameters.h"
#include "model/alerts_table_model.h"
#include "model/import_issues_model.h"
#include "model/key_list_model.h"
#include "model/loaded_files_model.h"
#include "model/rule_text.h"
#include "model/series_list_model.h"
#include "model/text_conversions.h"
#include "model/triage_store.h"

namespace kvt::model {
namespace {

bool sameLoadOptions(const engine::LoadOptions &a, const engine::LoadOptions &b)
{
    return a.forcedFormat == b.forcedFormat && a.csv.columns == b.csv.columns
        && a.csv.localTimeOffset == b.csv.localTimeOffset && a.csv.localOffsetGiven == b.csv.localOffsetGiven;
}

// The start of the bin an alert's anomaly is on: LatestAnomalyTime is its latest joined record,
// which lies inside that bin (the join matches records to their own bin or hour).
engine::Ticks alertBin(const engine::AlertRow &alert, const engine::TimeAxis &axis)
{
    if (axis.step <= 0 || alert.latestAnomalyTime < axis.from)
        return alert.latestAnomalyTime;
    return axis.from + (alert.latestAnomalyTime - axis.from) / axis.step * axis.step;
}

// "on 2026-11-22" for a day bin, "in the hour from 2026-11-22 13:00 UTC" for any other.
QString binPhrase(engine::Ticks bin, engine::Ticks step)
{
    const QDateTime start = ticksToDateTime(bin);
    if (step == engine::kTicksPerDay)
        return AnalysisSession::tr("on %1").arg(start.toString(QStringLiteral("yyyy-MM-dd")));
    return AnalysisSession::tr("in the %1 from %2 UTC")
        .arg(binLabel(step), start.toString(QStringLiteral("yyyy-MM-dd HH:mm")));
}

} // namespace

AnalysisSession::AnalysisSession(QObject *parent)
    : QObject(parent), m_loadJob(new LoadJob(this)), m_rescoreJob(new RescoreJob(this)),
      m_recordJob(new RecordQueryJob(this)), m_wholeBinJob(new RecordQueryJob(this)),
      m_backtestJob(new BacktestJob(this)), m_series(new SeriesListModel(this)), m_keys(new KeyListModel(this)),
      m_issues(new ImportIssuesModel(this)), m_files(new LoadedFilesModel(this)), m_triage(new TriageStore(this)),
      m_alerts(new AlertsTableModel(m_triage, this))
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
    connect(m_backtestJob, &BacktestJob::finished, this, [this](const std::shared_ptr<const BacktestOutcome> &outcome) {
        if (outcome && m_load && outcome->dataset == m_load->load.dataset) {
            m_backtest = outcome;
            Q_EMIT backtestChanged();
        }
    });
    connect(m_wholeBinJob, &RecordQueryJob::finished, this, [this](const std::shared_ptr<const RecordSet> &records) {
        if (records && records->results == m_results && m_selection.alert >= 0) {
            m_wholeBin = records;
            Q_EMIT recordsChanged();
        }
    });
}

// Stop the workers first (their destructors wait), while everything they were handed still lives.
AnalysisSession::~AnalysisSession()
{
    cancel();
    delete m_backtestJob;
    delete m_wholeBinJob;
    delete m_recordJob;
    delete m_rescoreJob;
    delete m_loadJob;
}

std::shared_ptr<const engine::Dataset> AnalysisSession::dataset() const
{
    return m_load ? m_load->load.dataset : nullptr;
}

void AnalysisSession::openPaths(const QStringList &paths)
{
    if (paths.isEmpty())
        return;
    m_requestedInputs = paths;
    m_loadJob->start(paths, m_loadOptions);
    Q_EMIT loadStarted(paths);
}

void AnalysisSession::setLoadOptions(const engine::LoadOptions &options)
{
    if (sameLoadOptions(options, m_loadOptions))
        return;
    m_loadOptions = options;
    Q_EMIT loadOptionsChanged();
    reload();
}

void AnalysisSession::reload()
{
    // The inputs last asked for: a load still running is read again with the new options.
    openPaths(m_requestedInputs);
}

void AnalysisSession::cancelLoad()
{
    m_loadJob->cancel();
}

void AnalysisSession::cancel()
{
    m_loadJob->cancel();
    m_debounce.stop();
    m_rescoreJob->cancel();
    m_recordJob->cancel();
    m_wholeBinJob->cancel();
    m_backtestJob->cancel();
    m_backtestAsked = {}; // a cancelled replay is asked again by the next rescore
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
        // An empty snapshot has nothing to score: no rule, no results, and the reason stays on screen.
        m_rule
            = outcome->load.dataset->empty() ? nullptr : std::make_shared<engine::SentinelRule>(outcome->load.dataset);
        m_results.reset();
        m_keys->setResults(nullptr);
        m_alerts->setResults(nullptr);
        m_recordJob->cancel();
        m_wholeBinJob->cancel();
        m_records.reset();
        m_wholeBin.reset();
        m_recordQuery.reset();
        m_backtestJob->cancel();
        m_backtestAsked = {};
        const bool hadBacktest = m_backtest != nullptr;
        m_backtest.reset();
        if (hadBacktest)
            Q_EMIT backtestChanged();
        m_selection = {};
        m_chartKeys.clear();
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
    if (when == Apply::Now) {
        rescoreNow();
    } else {
        m_rescoreJob->cancel(); // a run for replaced parameters must not be published meanwhile
        m_debounce.start(); // restarts: a drag runs once, ~200 ms after it rests
    }
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
    m_alerts->setResults(results);
    m_records.reset();
    m_wholeBinJob->cancel();
    m_wholeBin.reset();
    // Alert and burst rows are renumbered by a rescore: the key stays selected, and its point's
    // records (the intended query, not whatever was last shown) are asked again against the new results.
    const bool alertDropped = m_selection.alert >= 0 || m_selection.burst >= 0;
    if (alertDropped) {
        m_selection.alert = -1;
        m_selection.burst = -1;
    }
    Q_EMIT resultsChanged();
    if (alertDropped)
        Q_EMIT selectionChanged(m_selection);
    requestBacktest();
    if (m_recordQuery)
        m_recordJob->request(*m_recordQuery, m_results, m_recordTitle);
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
    if (key == m_selection.key)
        return; // a list following the selection must not wipe the bin or alert chosen elsewhere
    setSelection({key, std::nullopt, -1, -1});
    if (key.isEmpty() || !m_results) {
        forgetRecords();
        return;
    }
    // A key alone: everything the rule counted for it over the axis (the sum of its points).
    engine::RecordQuery query;
    query.key = key.toStdString();
    query.stage = engine::RecordStage::SeriesCounted;
    const auto &axis = m_results->sentinel.axis;
    showRecords(query,
        tr("What the rule counted for %1 from %2 to %3 UTC")
            .arg(key, ticksToDateTime(axis.from).toString(QStringLiteral("yyyy-MM-dd HH:mm")),
                ticksToDateTime(axis.end()).toString(QStringLiteral("yyyy-MM-dd HH:mm"))));
}

void AnalysisSession::selectBin(const QString &key, engine::Ticks bin)
{
    setSelection({key, bin, -1, -1});
    const auto *axis = m_results ? &m_results->sentinel.axis : nullptr;
    if (!axis || bin < axis->from || bin >= axis->end() || axis->step <= 0) {
        forgetRecords();
        return;
    }
    const auto index = static_cast<std::size_t>((bin - axis->from) / axis->step);
    showRecords(engine::seriesPointQuery(m_results->sentinel, key.toStdString(), index),
        tr("What the rule counted for %1 %2").arg(key, binPhrase(bin, axis->step)));
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
    setSelection({toQString(key), std::nullopt, alert, -1});
    // The alert row carries its own records: no scan needed.
    auto records = std::make_shared<RecordSet>();
    records->query.key = key;
    records->query.stage = engine::RecordStage::Joined;
    records->query.drilldown = m_results->sentinel.params.drilldown;
    records->results = m_results;
    records->rows = row.recordIds;
    const QString bin = binPhrase(alertBin(row, m_results->sentinel.axis), m_results->sentinel.axis.step);
    records->title = records->query.drilldown == engine::Drilldown::Faithful
        ? tr("What the deployed rule joined to this alert of %1: the records of the first UTC hour %2")
              .arg(toQString(key), bin)
        : tr("What the rule joined to this alert of %1: every record %2 (full-bin drill-down)")
              .arg(toQString(key), bin);
    m_recordJob->cancel();
    m_recordQuery.reset();
    m_wholeBin.reset();
    setRecords(std::move(records));
    requestWholeBin(row);
}

void AnalysisSession::requestWholeBin(const engine::AlertRow &alert)
{
    // The same right side the join reads, with the full-bin drill-down, over the alert's bin only:
    // what a corrected rule would attach, beside what the deployed one did.
    const auto &axis = m_results->sentinel.axis;
    engine::RecordQuery query;
    query.key = m_selection.key.toStdString();
    query.from = alertBin(alert, axis);
    query.to = *query.from + axis.step;
    query.stage = engine::RecordStage::Joined;
    query.drilldown = engine::Drilldown::FullBin;
    m_wholeBinJob->request(query, m_results,
        tr("Every record of %1 %2 the rule's join can see (full-bin)")
            .arg(m_selection.key, binPhrase(*query.from, axis.step)));
}

void AnalysisSession::selectBurst(int burst)
{
    const auto *bursts = m_results && m_results->burst ? &m_results->burst->alerts : nullptr;
    if (!bursts || burst < 0 || static_cast<std::size_t>(burst) >= bursts->size()) {
        clearSelection();
        return;
    }
    const auto &row = (*bursts)[static_cast<std::size_t>(burst)];
    setSelection({QString(), std::nullopt, -1, burst});
    auto records = std::make_shared<RecordSet>();
    records->query.from = row.timeWindow;
    records->query.to = row.windowEnd;
    records->results = m_results;
    records->rows = row.recordIds;
    records->title = tr("What the ES|QL rule aggregated for %1 from %2 to %3 UTC")
                         .arg(toQString(row.identity),
                             ticksToDateTime(row.timeWindow).toString(QStringLiteral("yyyy-MM-dd HH:mm")),
                             ticksToDateTime(row.windowEnd).toString(QStringLiteral("yyyy-MM-dd HH:mm")));
    m_recordJob->cancel();
    m_recordQuery.reset();
    m_wholeBinJob->cancel();
    m_wholeBin.reset();
    setRecords(std::move(records));
}

void AnalysisSession::clearSelection()
{
    setSelection({});
    forgetRecords();
}

void AnalysisSession::setChartKeys(const QStringList &keys)
{
    if (keys == m_chartKeys)
        return;
    m_chartKeys = keys;
    Q_EMIT chartKeysChanged();
}

void AnalysisSession::forgetRecords()
{
    m_recordJob->cancel();
    m_wholeBinJob->cancel();
    m_recordQuery.reset();
    m_wholeBin.reset();
    if (m_records)
        setRecords(nullptr);
}

void AnalysisSession::showRecords(const engine::RecordQuery &query, const QString &title)
{
    m_recordQuery = query;
    m_recordTitle = title;
    m_wholeBinJob->cancel();
    m_wholeBin.reset();
    if (m_results)
        m_recordJob->request(query, m_results, title);
}

void AnalysisSession::setRecords(std::shared_ptr<const RecordSet> records)
{
    m_records = std::move(records);
    Q_EMIT recordsChanged();
}

void AnalysisSession::requestBacktest()
{
    if (!m_results || !m_results->burst)
        return;
    const RuleParams current {m_results->sentinel.params, m_results->burstParams};
    const engine::Ticks now = m_results->sentinel.params.now.value_or(0);
    const engine::Ticks runAt = now - engine::startOfDay(now);
    // The replay ignores `now`: scrubbing the evaluation day reuses the last one asked for, whether
    // it is published or still running (restarting it on every scrub would never let it finish).
    const BacktestRequest &asked = m_backtestAsked;
    if (asked.dataset == m_results->dataset && asked.runAt == runAt && sameReplay(asked.current, current)
        && asked.pinned.has_value() == m_pinned.has_value() && (!m_pinned || sameReplay(*asked.pinned, *m_pinned)))
        return;
    m_backtestAsked = {m_results->dataset, current, m_results->burst, m_pinned, runAt, m_backtest};
    m_backtestJob->request(m_backtestAsked);
    m_backtestAsked.previous.reset(); // only the job needs the outcome to reuse
}

void AnalysisSession::pinCurrentParameters()
{
    m_pinned = RuleParams {m_sentinelParams, m_burstParams};
    Q_EMIT pinnedChanged();
    requestBacktest();
}

void AnalysisSession::compareWithCorrected()
{
    pinCurrentParameters();
    engine::SentinelParams corrected = m_sentinelParams;
    corrected.drilldown = engine::Drilldown::FullBin;
    corrected.claimBackfill = true;
    setSentinelParams(corrected, Apply::Now);
}

void AnalysisSession::unpin()
{
    if (!m_pinned)
        return;
    m_pinned.reset();
    Q_EMIT pinnedChanged();
    requestBacktest();
}

void AnalysisSession::setEvaluationDay(engine::Ticks day)
{
    const engine::Ticks now = m_results ? m_results->sentinel.params.now.value_or(0) : m_sentinelParams.now.value_or(0);
    engine::SentinelParams p = m_sentinelParams;
    p.now = engine::startOfDay(day) + (now - engine::startOfDay(now));
    setSentinelParams(p, Apply::Now);
}

} // namespace kvt::model
