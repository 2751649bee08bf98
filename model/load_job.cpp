// SPDX-License-Identifier: MIT
#include "model/load_job.h"

#include <QPromise>

#include <QtConcurrent/QtConcurrentRun>
#include <algorithm>

namespace kvt::model {

std::shared_ptr<const engine::SeriesTable> dailySeriesByCaller(const engine::Dataset &data)
{
    if (data.empty())
        return std::make_shared<engine::SeriesTable>();
    const auto axis = engine::TimeAxis::fromRange(engine::startOfDay(data.firstTime()),
        engine::startOfDay(data.lastTime()) + engine::kTicksPerDay, engine::kTicksPerDay);
    return std::make_shared<engine::SeriesTable>(
        engine::makeDatasetSeries(data, engine::TextField::CallerIPAddress, axis));
}

LoadJob::LoadJob(QObject *parent) : QObject(parent)
{
    m_pool.setMaxThreadCount(1); // loads serialise, as klogg does
    connect(&m_watcher, &QFutureWatcherBase::progressValueChanged, this, &LoadJob::progressChanged);
    connect(&m_watcher, &QFutureWatcherBase::finished, this, &LoadJob::onFinished);
}

LoadJob::~LoadJob()
{
    m_watcher.disconnect(this);
    m_watcher.future().cancel();
    m_watcher.waitForFinished();
}

bool LoadJob::isRunning() const
{
    return m_watcher.isRunning();
}

void LoadJob::start(const QStringList &paths, const engine::LoadOptions &options)
{
    // A running job is cancelled; setFuture() below stops watching it and drops its pending
    // notifications, so its result is never published. The one-thread pool runs the new job next.
    m_watcher.future().cancel();
    std::vector<std::string> inputs;
    for (const QString &p : paths)
        inputs.push_back(p.toStdString());

    auto job = [inputs, paths, options](QPromise<std::shared_ptr<const LoadOutcome>> &promise) {
        promise.setProgressRange(0, 1000);
        int lastPermille = -1;
        auto progress = [&](std::uint64_t done, std::uint64_t total) {
            const int permille
                = total ? static_cast<int>(1000.0 * static_cast<double>(done) / static_cast<double>(total)) : 0;
            if (permille != lastPermille) {
                lastPermille = permille;
                promise.setProgressValue(std::min(permille, 999));
            }
            return !promise.isCanceled();
        };
        auto outcome = std::make_shared<LoadOutcome>();
        outcome->inputs = paths;
        outcome->options = options;
        outcome->load = engine::loadInputs(inputs, options, progress);
        if (outcome->load.status == engine::JobStatus::Ok && !promise.isCanceled())
            outcome->dailyByCaller = dailySeriesByCaller(*outcome->load.dataset);
        promise.setProgressValue(1000);
        promise.addResult(std::shared_ptr<const LoadOutcome>(std::move(outcome)));
    };
    m_watcher.setFuture(QtConcurrent::run(&m_pool, job));
}

void LoadJob::cancel()
{
    m_watcher.future().cancel();
}

void LoadJob::onFinished()
{
    const QFuture<std::shared_ptr<const LoadOutcome>> future = m_watcher.future();
    std::shared_ptr<const LoadOutcome> outcome;
    if (future.resultCount() > 0)
        outcome = future.result();
    engine::JobStatus status = engine::JobStatus::Cancelled;
    if (outcome && !future.isCanceled() && outcome->load.status == engine::JobStatus::Ok)
        status = engine::JobStatus::Ok;
    else if (outcome && outcome->load.status == engine::JobStatus::Failed)
        status = engine::JobStatus::Failed;
    // Nothing readable at all (every file unreadable or not an export) is a failure: the previous
    // snapshot stays, and the file reports say why.
    if (status == engine::JobStatus::Ok && outcome->load.records() == 0
        && std::all_of(outcome->load.files.begin(), outcome->load.files.end(),
            [](const engine::FileReport &f) { return !f.error.empty(); }))
        status = engine::JobStatus::Failed;
    Q_EMIT finished(status, outcome);
}

} // namespace kvt::model
