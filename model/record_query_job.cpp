// SPDX-License-Identifier: MIT
#include "model/record_query_job.h"

#include <QtConcurrent/QtConcurrentRun>

namespace kvt::model {

RecordQueryJob::RecordQueryJob(QObject *parent) : QObject(parent)
{
    m_pool.setMaxThreadCount(1);
}

RecordQueryJob::~RecordQueryJob()
{
    ++*m_latest; // queued queries return at once instead of scanning at shutdown
    for (auto *watcher : std::as_const(m_watchers)) {
        watcher->disconnect(this);
        watcher->cancel();
        watcher->waitForFinished();
    }
}

void RecordQueryJob::request(
    const engine::RecordQuery &query, std::shared_ptr<const RuleResults> results, const QString &title)
{
    const quint64 generation = ++*m_latest;
    auto *watcher = new QFutureWatcher<std::shared_ptr<const RecordSet>>(this);
    m_watchers.append(watcher);
    connect(watcher, &QFutureWatcherBase::finished, this, [this, watcher, generation] {
        m_watchers.removeOne(watcher);
        watcher->deleteLater();
        if (generation == *m_latest && watcher->future().resultCount() > 0 && watcher->future().result())
            Q_EMIT finished(watcher->future().result());
    });
    watcher->setFuture(
        QtConcurrent::run(&m_pool, [query, results = std::move(results), title, generation, latest = m_latest] {
            if (generation != *latest)
                return std::shared_ptr<const RecordSet>(); // overtaken while it waited
            auto set = std::make_shared<RecordSet>();
            set->query = query;
            set->results = results;
            set->title = title;
            set->rows = engine::queryRecords(*results->dataset, results->sentinel.params, results->sentinel, query);
            return std::shared_ptr<const RecordSet>(std::move(set));
        }));
}

} // namespace kvt::model
