// SPDX-License-Identifier: MIT
// The rescore job: runs both rules over a loaded snapshot off the GUI thread, so a parameter change
// never blocks the window. The analysis session owns one, beside its load job.
#pragma once

#include <QElapsedTimer>
#include <QFutureWatcher>
#include <QObject>
#include <QThreadPool>

#include <memory>
#include <optional>

#include "engine/rules/elastic_burst.h"
#include "engine/rules/sentinel_rule.h"

namespace kvt::model {

/// Both rules' results for one snapshot and one set of parameters. Immutable once published.
struct RuleResults {
    std::shared_ptr<const engine::Dataset> dataset; ///< the snapshot they were computed on
    engine::SentinelResult sentinel; ///< params as run (`now` resolved)
    engine::ElasticBurstParams burstParams;
    std::shared_ptr<const engine::ElasticBurstResult> burst;
    quint64 generation = 0; ///< the request it answers
    qint64 elapsedMs = 0; ///< time on the worker, for the status bar
};

/// What a rescore runs on. @c rule caches counts and scores for @c dataset between requests; it is
/// only ever used on the job's one worker thread.
struct RescoreRequest {
    std::shared_ptr<const engine::Dataset> dataset;
    std::shared_ptr<engine::SentinelRule> rule;
    engine::SentinelParams sentinel;
    engine::ElasticBurstParams burst;
    /// The last published results: their ES|QL result is reused while the burst parameters and the
    /// snapshot are unchanged (the burst rule does not depend on the Sentinel parameters).
    std::shared_ptr<const RuleResults> previous;
};

/// Lives on the GUI thread. Requests run one at a time on a dedicated one-thread pool; a request made
/// while one runs waits, and a newer request replaces a waiting one. Only the answer to the latest
/// request is ever published: a result overtaken by a newer request or by @ref cancel is dropped.
/// A rule run cannot be interrupted midway (the engine's rule has no progress callback); cancel
/// means "never publish it", and the worker moves on to the next request when the run ends.
class RescoreJob : public QObject {
    Q_OBJECT
public:
    explicit RescoreJob(QObject *parent = nullptr);
    ~RescoreJob() override;

    /// Queues @p request, replacing any waiting one. Returns its generation. GUI thread only.
    quint64 request(RescoreRequest request);
    /// Drops the waiting request and makes the running one's result stale.
    void cancel();
    bool isBusy() const { return m_running || m_pending.has_value(); }
    quint64 latestGeneration() const { return m_generation; }

Q_SIGNALS:
    void started(quint64 generation);
    /// The latest request's results.
    void finished(std::shared_ptr<const kvt::model::RuleResults> results);
    /// A busy job became idle without publishing (cancelled, or its answer was stale).
    void idle();

private:
    void startNext();
    void onFinished();

    QThreadPool m_pool;
    QFutureWatcher<std::shared_ptr<const RuleResults>> m_watcher;
    std::optional<std::pair<quint64, RescoreRequest>> m_pending;
    bool m_running = false;
    quint64 m_generation = 0;
};

/// Runs @p request synchronously (what the job runs on its worker). Safe from any thread that owns
/// @c request.rule for the duration.
std::shared_ptr<const RuleResults> runRules(const RescoreRequest &request, quint64 generation);

} // namespace kvt::model
