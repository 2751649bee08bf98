// SPDX-License-Identifier: MIT
// Runs loads off the GUI thread with progress and cancel, and publishes finished snapshots.
#pragma once

#include <QFutureWatcher>
#include <QObject>
#include <QStringList>
#include <QThreadPool>

#include <memory>

#include "engine/ingest/loader.h"
#include "engine/series/make_series.h"

namespace kvt::model {

/// Everything a finished load publishes in one step. Immutable once built.
struct LoadOutcome {
    engine::LoadResult load;
    std::shared_ptr<const engine::SeriesTable> dailyByCaller; ///< daily counts per CallerIPAddress
    QStringList inputs;
};

/// Lives on the GUI thread. One load at a time: starting another cancels the running one.
/// Jobs capture copies of their inputs only; results arrive through @ref loadFinished.
class AnalysisRunner : public QObject {
    Q_OBJECT
public:
    explicit AnalysisRunner(QObject *parent = nullptr);
    ~AnalysisRunner() override;

    /// Starts loading @p paths (files or folders). GUI thread only.
    void startLoad(const QStringList &paths);
    /// Asks the running job to stop; it reports Cancelled at its next progress tick.
    void cancel();
    bool isRunning() const;

    /// The last successful load (null before the first one).
    std::shared_ptr<const LoadOutcome> current() const { return m_current; }

Q_SIGNALS:
    void loadStarted(const QStringList &paths);
    /// Progress of the running job in permille (0..1000).
    void progressChanged(int permille);
    /// @p outcome is the finished job's result: on success also @ref current(); after a failure it
    /// carries the file reports; null when the job was cancelled before producing one.
    void loadFinished(kvt::engine::JobStatus status, std::shared_ptr<const kvt::model::LoadOutcome> outcome);

private:
    void onFinished();

    QThreadPool m_pool;
    QFutureWatcher<std::shared_ptr<const LoadOutcome>> m_watcher;
    std::shared_ptr<const LoadOutcome> m_current;
};

/// Builds the per-caller daily series shown after a load: every record, whole UTC days from the
/// first record's day to the last record's day.
std::shared_ptr<const engine::SeriesTable> dailySeriesByCaller(const engine::Dataset &data);

} // namespace kvt::model
