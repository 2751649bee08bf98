// SPDX-License-Identifier: MIT
// The backtest off the GUI thread: the scheduled rules replayed once a day over the loaded history,
// for the current parameters and, when the analyst pinned a set as A, for that set too.
#pragma once

#include <QFutureWatcher>
#include <QObject>
#include <QThreadPool>

#include <atomic>
#include <memory>
#include <optional>

#include "engine/rules/backtest.h"

namespace kvt::model {

/// The parameters of one side of a comparison.
struct RuleParams {
    engine::SentinelParams sentinel;
    engine::ElasticBurstParams burst;
};

/// One side's replay.
struct BacktestSide {
    RuleParams params; ///< `now` as the analyst had it (the replay ignores it)
    engine::BacktestResult sentinel;
    std::vector<engine::BurstBacktestRun> burst;
    std::shared_ptr<const engine::ElasticBurstResult> bursts; ///< what burst's indices point into
};

/// Immutable once published.
struct BacktestOutcome {
    std::shared_ptr<const engine::Dataset> dataset;
    engine::BacktestDays days;
    engine::Ticks runAt = 0; ///< time of day of every run
    BacktestSide current; ///< B when a side is pinned
    std::optional<BacktestSide> pinned; ///< A

    std::size_t runCount() const { return current.sentinel.runs.size(); }
};

/// What a backtest runs on; @c currentBursts is the ES|QL result already computed for the current
/// burst parameters (the rescore's), so the replay does not run that rule again.
struct BacktestRequest {
    std::shared_ptr<const engine::Dataset> dataset;
    RuleParams current;
    std::shared_ptr<const engine::ElasticBurstResult> currentBursts;
    std::optional<RuleParams> pinned;
    engine::Ticks runAt = 0;
    /// The last published outcome: a side whose parameters and snapshot did not change is reused.
    std::shared_ptr<const BacktestOutcome> previous;
};

/// True when @p a and @p b replay the same (they differ at most in `now`).
bool sameReplay(const RuleParams &a, const RuleParams &b);

/// Runs @p request synchronously (what the job's worker runs); @p cancel stops between days.
std::shared_ptr<const BacktestOutcome> runBacktestRequest(
    const BacktestRequest &request, const std::atomic<bool> *cancel = nullptr);

/// Lives on the GUI thread; one replay at a time on its own thread. Only the latest request's
/// answer is published: a newer request or @ref cancel stops the running one between days.
class BacktestJob : public QObject {
    Q_OBJECT
public:
    explicit BacktestJob(QObject *parent = nullptr);
    ~BacktestJob() override;

    void request(BacktestRequest request);
    void cancel();
    bool isBusy() const { return !m_watchers.isEmpty(); }

Q_SIGNALS:
    void finished(std::shared_ptr<const kvt::model::BacktestOutcome> outcome);

private:
    QThreadPool m_pool;
    QList<QFutureWatcher<std::shared_ptr<const BacktestOutcome>> *> m_watchers;
    quint64 m_latest = 0;
    std::shared_ptr<std::atomic<bool>> m_cancel; ///< the running request's stop flag
};

} // namespace kvt::model
