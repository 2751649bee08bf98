// SPDX-License-Identifier: MIT
#include "model/backtest_job.h"

#include <QtConcurrent/QtConcurrentRun>

#include <algorithm>

#include "engine/rules/rule_parameters.h"

namespace kvt::model {
namespace {

engine::SentinelParams withoutNow(engine::SentinelParams p)
{
    p.now.reset();
    return p;
}

BacktestSide replay(const engine::Dataset &data, const RuleParams &params,
    std::shared_ptr<const engine::ElasticBurstResult> bursts, const engine::BacktestDays &days, engine::Ticks runAt,
    const std::atomic<bool> *cancel)
{
    BacktestSide side;
    side.params = params;
    side.sentinel = engine::runBacktest(data, params.sentinel, days.first, days.last, runAt, cancel);
    if (!bursts)
        bursts = std::make_shared<const engine::ElasticBurstResult>(engine::runElasticBurst(data, params.burst));
    side.burst = engine::burstBacktest(*bursts, days.first, days.last, runAt);
    side.bursts = std::move(bursts);
    return side;
}

// The previous outcome's side for @p params, when it replayed exactly that on the same snapshot.
const BacktestSide *reusable(const BacktestRequest &r, const RuleParams &params)
{
    if (!r.previous || r.previous->dataset != r.dataset || r.previous->runAt != r.runAt)
        return nullptr;
    if (sameReplay(r.previous->current.params, params))
        return &r.previous->current;
    if (r.previous->pinned && sameReplay(r.previous->pinned->params, params))
        return &*r.previous->pinned;
    return nullptr;
}

} // namespace

bool sameReplay(const RuleParams &a, const RuleParams &b)
{
    return !engine::changeLevel(withoutNow(a.sentinel), withoutNow(b.sentinel))
        && !engine::changeLevel(a.burst, b.burst);
}

std::shared_ptr<const BacktestOutcome> runBacktestRequest(const BacktestRequest &r, const std::atomic<bool> *cancel)
{
    auto out = std::make_shared<BacktestOutcome>();
    out->dataset = r.dataset;
    out->runAt = r.runAt;
    // Days on which both sides have a full look-back, so A and B compare the same runs.
    out->days = engine::defaultBacktestDays(*r.dataset, r.current.sentinel);
    if (r.pinned)
        out->days.first = std::max(out->days.first, engine::defaultBacktestDays(*r.dataset, r.pinned->sentinel).first);
    const auto side = [&](const RuleParams &params, std::shared_ptr<const engine::ElasticBurstResult> bursts) {
        // The days depend on the look-back: a reused side must cover the same ones.
        const BacktestSide *old = reusable(r, params);
        if (old && r.previous->days.first == out->days.first && r.previous->days.last == out->days.last)
            return *old;
        return replay(*r.dataset, params, std::move(bursts), out->days, r.runAt, cancel);
    };
    out->current = side(r.current, r.currentBursts);
    if (r.pinned)
        out->pinned = side(*r.pinned, nullptr);
    return out;
}

BacktestJob::BacktestJob(QObject *parent) : QObject(parent)
{
    m_pool.setMaxThreadCount(1);
}

BacktestJob::~BacktestJob()
{
    cancel();
    for (auto *watcher : std::as_const(m_watchers)) {
        watcher->disconnect(this);
        watcher->waitForFinished();
    }
}

void BacktestJob::cancel()
{
    ++m_latest;
    if (m_cancel)
        *m_cancel = true;
}

void BacktestJob::request(BacktestRequest request)
{
    cancel(); // the running replay stops at its next day; its answer would be stale anyway
    const quint64 generation = m_latest;
    m_cancel = std::make_shared<std::atomic<bool>>(false);
    auto *watcher = new QFutureWatcher<std::shared_ptr<const BacktestOutcome>>(this);
    m_watchers.append(watcher);
    connect(watcher, &QFutureWatcherBase::finished, this, [this, watcher, generation] {
        m_watchers.removeOne(watcher);
        watcher->deleteLater();
        if (generation == m_latest && watcher->future().resultCount() > 0 && watcher->future().result())
            Q_EMIT finished(watcher->future().result());
    });
    watcher->setFuture(QtConcurrent::run(&m_pool, [request = std::move(request), stop = m_cancel] {
        if (*stop)
            return std::shared_ptr<const BacktestOutcome>();
        auto outcome = runBacktestRequest(request, stop.get());
        return *stop ? std::shared_ptr<const BacktestOutcome>() : outcome;
    }));
}

} // namespace kvt::model
