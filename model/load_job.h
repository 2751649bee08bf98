// SPDX-License-Identifier: MIT
// The load job: reads inputs off the GUI thread with progress and cancel, and hands over finished
// snapshots. The analysis session owns one.
#pragma once

#include <QFutureWatcher>
#include <QObject>
#include <QStringList>
#include <QThreadPool>

#include <memory>

#include "engine/ingest/loader.h"
#include "engine/rules/series_binning.h"

namespace kvt::model {

/// Everything a finished load publishes in one step. Immutable once built.
struct LoadOutcome {
    engine::LoadResult load;
    /// Daily counts of every record per CallerIPAddress over the whole data (the overview shown
    /// before any rule filter applies).
    std::shared_ptr<const engine::SeriesTable> dailyByCaller;
    QStringList inputs;
    engine::LoadOptions options; ///< as the inputs were read
};

/// Lives on the GUI thread. One load at a time, on its own one-thread pool: starting another
/// cancels the running one, whose result is then never published. Jobs capture copies of their
/// inputs only; results arrive through @ref finished.
class LoadJob : public QObject {
    Q_OBJECT
public:
    explicit LoadJob(QObject *parent = nullptr);
    ~LoadJob() override;

    /// Starts loading @p paths (files or folders) with @p options. GUI thread only.
    void start(const QStringList &paths, const engine::LoadOptions &options);
    /// Asks the running job to stop; it reports Cancelled at its next progress tick.
    void cancel();
    bool isRunning() const;

Q_SIGNALS:
    /// Progress of the running job in permille (0..1000).
    void progressChanged(int permille);
    /// @p outcome is the finished job's result: after a failure (nothing readable at all) it carries
    /// the file reports; null when the job was cancelled before producing one.
    void finished(kvt::engine::JobStatus status, std::shared_ptr<const kvt::model::LoadOutcome> outcome);

private:
    void onFinished();

    QThreadPool m_pool;
    QFutureWatcher<std::shared_ptr<const LoadOutcome>> m_watcher;
};

/// Builds the per-caller daily series of every record, whole UTC days from the first record's day
/// to the last record's day.
std::shared_ptr<const engine::SeriesTable> dailySeriesByCaller(const engine::Dataset &data);

} // namespace kvt::model
