// SPDX-License-Identifier: MIT
// One piece of background work at a time, of which only the latest request's answer counts: a newer
// request (or cancel) raises the running one's stop flag, and an overtaken answer is dropped.
#pragma once

#include <QFutureWatcher>
#include <QObject>
#include <QThreadPool>
#include <QtConcurrent/QtConcurrentRun>

#include <atomic>
#include <functional>
#include <memory>

namespace kvt::model {

/// Lives on the GUI thread; the work runs on its own worker thread.
class LatestAnswer : public QObject {
public:
    explicit LatestAnswer(QObject *parent = nullptr) : QObject(parent) { m_pool.setMaxThreadCount(1); }
    ~LatestAnswer() override
    {
        cancel();
        for (QFutureWatcherBase *watcher : std::as_const(m_watchers)) {
            watcher->disconnect(this);
            watcher->waitForFinished();
        }
    }

    /// Runs @p work(stop) on the worker; @p deliver(answer) follows on this object's thread when the
    /// request is still the latest and the answer is not null (work returns null once @p stop is set).
    template <typename T>
    void run(std::function<std::shared_ptr<const T>(const std::atomic<bool> &stop)> work,
        std::function<void(std::shared_ptr<const T>)> deliver)
    {
        cancel();
        m_stop = std::make_shared<std::atomic<bool>>(false);
        const quint64 generation = m_latest;
        auto *watcher = new QFutureWatcher<std::shared_ptr<const T>>(this);
        m_watchers.append(watcher);
        connect(
            watcher, &QFutureWatcherBase::finished, this, [this, watcher, generation, deliver = std::move(deliver)] {
                m_watchers.removeOne(watcher);
                watcher->deleteLater();
                if (generation == m_latest && watcher->future().resultCount() > 0 && watcher->future().result())
                    deliver(watcher->future().result());
            });
        watcher->setFuture(QtConcurrent::run(&m_pool, [work = std::move(work), stop = m_stop] {
            return stop->load() ? std::shared_ptr<const T>() : work(*stop);
        }));
    }

    void cancel()
    {
        ++m_latest;
        m_stop->store(true);
    }
    bool isBusy() const { return !m_watchers.isEmpty(); }

private:
    QThreadPool m_pool;
    QList<QFutureWatcherBase *> m_watchers;
    quint64 m_latest = 0;
    std::shared_ptr<std::atomic<bool>> m_stop = std::make_shared<std::atomic<bool>>(false);
};

} // namespace kvt::model
