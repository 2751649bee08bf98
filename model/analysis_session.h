// SPDX-License-Identifier: MIT
// The analysis session: the one document every panel shares (Tiled's MapDocument, klogg's Session).
#pragma once

#include <QObject>
#include <QStringList>
#include <QTimer>

#include <memory>
#include <optional>

#include "engine/rules/elastic_burst.h"
#include "engine/rules/sentinel_params.h"
#include "model/backtest_job.h"
#include "model/load_job.h"
#include "model/record_query_job.h"
#include "model/rescore_job.h"

namespace kvt::model {

class AlertsTableModel;
class ImportIssuesModel;
class TriageStore;
class KeyListModel;
class LoadedFilesModel;
class SeriesListModel;

/// What the analyst has selected: a series key, a bin of it, an alert. Empty fields are unset.
struct Selection {
    QString key; ///< a value of the rule's series key column
    std::optional<engine::Ticks> bin; ///< bin start (UTC ticks) of @c key's series
    int alert = -1; ///< index into the Sentinel result's alerts
    int burst = -1; ///< index into the ES|QL result's bursts
    bool operator==(const Selection &) const = default;
};

/// Owns the loaded snapshot, the rule caches, the current parameters, the background jobs (one load
/// job, one rescore job) and the selection, and signals what changed. Panels are handed the session
/// and read from it; nothing else pushes data into them. GUI thread only.
///
/// Parameter changes follow the three invalidation levels of style.md: restyle (chart only, the
/// session is not involved), rescore (the rules re-run on the cached counts, debounced so a slider
/// drag runs once), reload (the inputs are read again: load options).
class AnalysisSession : public QObject {
    Q_OBJECT
public:
    /// How soon a rescore runs after a parameter change.
    enum class Apply { Debounced, Now };
    static constexpr int kDebounceMs = 200;

    explicit AnalysisSession(QObject *parent = nullptr);
    ~AnalysisSession() override;

    // Loading (the reload level).
    /// Loads @p paths (files or folders) with the current load options, replacing what is shown.
    void openPaths(const QStringList &paths);
    /// Sets how inputs are read; reloads the current inputs when any are loaded.
    void setLoadOptions(const engine::LoadOptions &options);
    const engine::LoadOptions &loadOptions() const { return m_loadOptions; }
    /// Reads the current inputs again with the current load options.
    void reload();
    /// Cancels the running load only (the progress strip's Cancel); rule results keep coming.
    void cancelLoad();
    /// Cancels the running load, any waiting or running rescore and record query.
    void cancel();
    bool isLoading() const { return m_loadJob->isRunning(); }
    bool isRescoring() const { return m_rescoreJob->isBusy(); }

    /// The last load that produced a snapshot (null before the first one); a failed load keeps it.
    std::shared_ptr<const LoadOutcome> load() const { return m_load; }
    std::shared_ptr<const engine::Dataset> dataset() const;
    QStringList inputs() const { return m_load ? m_load->inputs : QStringList(); }

    // Rule parameters (the rescore level).
    const engine::SentinelParams &sentinelParams() const { return m_sentinelParams; }
    void setSentinelParams(const engine::SentinelParams &params, Apply when = Apply::Debounced);
    const engine::ElasticBurstParams &burstParams() const { return m_burstParams; }
    void setBurstParams(const engine::ElasticBurstParams &params, Apply when = Apply::Debounced);
    /// Both rules' results for the current snapshot and parameters; null until the first rescore.
    std::shared_ptr<const RuleResults> results() const { return m_results; }

    // Selection.
    const Selection &selection() const { return m_selection; }
    void selectKey(const QString &key);
    void selectBin(const QString &key, engine::Ticks bin);
    void selectAlert(int alert);
    /// Selects ES|QL burst @p burst (its identity is not a series key: the key is cleared) and shows
    /// the records it aggregated.
    void selectBurst(int burst);
    void clearSelection();
    /// The keys the series chart overlays (a view choice: no engine work). Empty: the chart picks.
    QStringList chartKeys() const { return m_chartKeys; }
    void setChartKeys(const QStringList &keys);

    // Records (the drill-down).
    /// Runs @p query against the current results off the GUI thread; @ref recordsChanged follows.
    /// Selecting a bin shows what make-series counted there; selecting an alert shows its records.
    void showRecords(const engine::RecordQuery &query, const QString &title = {});
    /// The last records shown for the current results (null when none).
    std::shared_ptr<const RecordSet> records() const { return m_records; }
    /// With a Sentinel alert selected: every record of the key in the alert's anomalous bin that the
    /// rule's right side keeps (the full-bin drill-down), to set beside what the deployed rule joined
    /// (@ref records); null otherwise. @ref recordsChanged announces it too.
    std::shared_ptr<const RecordSet> wholeBinRecords() const { return m_wholeBin; }

    // Backtest and A/B (the rules replayed once a day; follows every rescore off the GUI thread).
    /// The last replay for the current snapshot and parameters (null until the first one).
    std::shared_ptr<const BacktestOutcome> backtest() const { return m_backtest; }
    bool isBacktesting() const { return m_backtestJob->isBusy(); }
    /// Pins the current parameters as side A: later changes are compared against them.
    void pinCurrentParameters();
    /// Pins the current parameters as A and switches to them "corrected" (full-bin drill-down, claim
    /// back-fill): one click shows what the deployed rule's join defect costs.
    void compareWithCorrected();
    void unpin();
    std::optional<RuleParams> pinnedParameters() const { return m_pinned; }
    /// Moves the evaluation to the run of @p day (a day start, UTC) at the current run time of day.
    void setEvaluationDay(engine::Ticks day);

    // The models panels share (owned by the session, updated on every load and rescore).
    SeriesListModel *seriesModel() const { return m_series; }
    KeyListModel *keyListModel() const { return m_keys; }
    ImportIssuesModel *importIssuesModel() const { return m_issues; }
    LoadedFilesModel *loadedFilesModel() const { return m_files; }
    /// Both rules' alert rows with the analyst's triage; the decisions outlive every rescore (they
    /// are keyed by the alert's identity) and go into a case file.
    AlertsTableModel *alertsModel() const { return m_alerts; }
    TriageStore *triage() const { return m_triage; }

Q_SIGNALS:
    void loadStarted(const QStringList &paths);
    void loadProgress(int permille);
    /// Every load ends here: @p outcome carries the file reports even when it failed; null when
    /// the load was cancelled before producing one. On success @ref datasetChanged came first.
    void loadFinished(kvt::engine::JobStatus status, std::shared_ptr<const kvt::model::LoadOutcome> outcome);
    /// A new snapshot replaced the old one (results and selection were cleared with it).
    void datasetChanged();
    void loadOptionsChanged();
    void parametersChanged();
    void rescoreStarted();
    /// New results for the current snapshot and parameters (never a stale answer).
    void resultsChanged();
    /// The rescore job went idle without new results (cancelled).
    void rescoreCancelled();
    void selectionChanged(const kvt::model::Selection &selection);
    void chartKeysChanged();
    /// A new set of records to show (or none: @ref records() is null).
    void recordsChanged();
    /// A new backtest outcome (or none after a new snapshot).
    void backtestChanged();
    void pinnedChanged();

private:
    void onLoadFinished(engine::JobStatus status, const std::shared_ptr<const LoadOutcome> &outcome);
    void onResults(const std::shared_ptr<const RuleResults> &results);
    void scheduleRescore(Apply when);
    void rescoreNow();
    void setSelection(const Selection &selection);
    void setRecords(std::shared_ptr<const RecordSet> records);
    void forgetRecords();
    void requestWholeBin(const engine::AlertRow &alert);
    void requestBacktest();

    LoadJob *m_loadJob;
    RescoreJob *m_rescoreJob;
    RecordQueryJob *m_recordJob;
    RecordQueryJob *m_wholeBinJob; ///< the alert's whole bin, beside m_recordJob's answer
    BacktestJob *m_backtestJob;
    QTimer m_debounce;
    engine::LoadOptions m_loadOptions;
    std::shared_ptr<const LoadOutcome> m_load;
    std::shared_ptr<engine::SentinelRule> m_rule; ///< alive with the snapshot; used on the rescore worker only
    engine::SentinelParams m_sentinelParams;
    engine::ElasticBurstParams m_burstParams;
    std::shared_ptr<const RuleResults> m_results;
    Selection m_selection;
    QStringList m_chartKeys;
    std::shared_ptr<const RecordSet> m_records;
    std::shared_ptr<const RecordSet> m_wholeBin;
    std::shared_ptr<const BacktestOutcome> m_backtest;
    BacktestRequest m_backtestAsked; ///< the last replay asked for (running or published)
    std::optional<RuleParams> m_pinned;
    QString m_recordTitle; ///< the title m_recordQuery's answer gets
    std::optional<engine::RecordQuery> m_recordQuery; ///< what the selection asks to show (re-run after a rescore)
    QStringList m_requestedInputs; ///< the inputs last asked for (a reload reads them)
    SeriesListModel *m_series;
    KeyListModel *m_keys;
    ImportIssuesModel *m_issues;
    LoadedFilesModel *m_files;
    TriageStore *m_triage;
    AlertsTableModel *m_alerts;
};

} // namespace kvt::model
