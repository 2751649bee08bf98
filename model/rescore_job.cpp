// SPDX-License-Identifier: MIT
#include "model/rescore_job.h"

#include <QtConcurrent/QtConcurrentRun>

#include "engine/rules/rule_parameters.h"

namespace kvt::model {

std::shared_ptr<const RuleResults> runRules(const RescoreRequest &request, quint64 generation)
{
    QElapsedTimer clock;
    clock.start();
    auto results = std::make_shared<RuleResults>();
    results->dataset = request.dataset;
    results->generation = generation;
    results->burstParams = request.burst;
    results->sentinel = request.rule->run(request.sentinel);
    const auto &previous = request.previous;
    if (previous && previous->dataset == request.dataset && previous->burst
        && !engine::changeLevel(previous->burstParams, request.burst))
        results->burst = previous->burst;
    else
        results->burst = std::make_shared<const engine::ElasticBurstResult>(
            engine::runElasticBurst(*request.dataset, request.burst));
    results->elapsedMs = clock.elapsed();
    return results;
}

RescoreJob::RescoreJob(QObject *parent) : QObject(parent)
{
    m_pool.setMaxThreadCount(1); // the rule object is not thread-safe: one run at a time
    connect(&m_watcher, &QFutureWatcherBase::finished, this, &RescoreJob::onFinished);
}

RescoreJob::~RescoreJob()
{
    m_watcher.disconnect(this);
    m_pending.reset();
    m_watcher.cancel(); // a run not started yet is skipped, not run here by waitForFinished()
    m_watcher.waitForFinished();
}

quint64 RescoreJob::request(RescoreRequest request)
{
    m_pending.emplace(++m_generation, std::move(request));
    if (!m_running)
        startNext();
    return m_generation;
}

void RescoreJob::cancel()
{
    const bool wasBusy = isBusy();
    m_pending.reset();
    ++m_generation; // no request carries this number, so the running result is stale
    if (wasBusy && !m_running)
        Q_EMIT idle();
}

void RescoreJob::startNext()
{
    if (!m_pending)
        return;
    auto [generation, request] = std::move(*m_pending);
    m_pending.reset();
    m_running = true;
    Q_EMIT started(generation);
    m_watcher.setFuture(QtConcurrent::run(
        &m_pool, [request = std::move(request), generation] { return runRules(request, generation); }));
}

void RescoreJob::onFinished()
{
    m_running = false;
    const auto future = m_watcher.future();
    const std::shared_ptr<const RuleResults> results = future.resultCount() > 0 ? future.result() : nullptr;
    if (m_pending) {
        startNext(); // a newer request waits: this answer is stale
        return;
    }
    if (results && results->generation == m_generation)
        Q_EMIT finished(results);
    else
        Q_EMIT idle();
}

} // namespace kvt::model
