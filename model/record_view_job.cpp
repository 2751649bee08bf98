// SPDX-License-Identifier: MIT
#include "model/record_view_job.h"

#include <QtConcurrent/QtConcurrentRun>

namespace kvt::model {

std::shared_ptr<const RecordView> computeRecordView(std::shared_ptr<const RecordSet> records,
    const engine::RecordFilter &filter, const std::optional<engine::RecordSort> &sort, const std::atomic<bool> *cancel)
{
    auto view = std::make_shared<RecordView>();
    view->filter = filter;
    view->sort = sort;
    if (records && records->results && records->results->dataset) {
        const engine::Dataset &data = *records->results->dataset;
        std::optional<std::vector<std::size_t>> rows = records->rows;
        if (!filter.isEmpty())
            rows = engine::filterRecords(data, *rows, filter, cancel);
        if (rows && sort)
            rows = engine::sortRecords(data, std::move(*rows), *sort, cancel);
        if (!rows)
            return nullptr;
        view->rows = std::move(*rows);
    }
    view->records = std::move(records);
    return view;
}

RecordViewJob::RecordViewJob(QObject *parent) : QObject(parent)
{
    m_pool.setMaxThreadCount(1);
}

RecordViewJob::~RecordViewJob()
{
    cancel();
    for (auto *watcher : std::as_const(m_watchers)) {
        watcher->disconnect(this);
        watcher->waitForFinished();
    }
}

void RecordViewJob::cancel()
{
    ++m_latest;
    m_cancel->store(true);
}

void RecordViewJob::request(std::shared_ptr<const RecordSet> records, const engine::RecordFilter &filter,
    const std::optional<engine::RecordSort> &sort)
{
    cancel(); // the running sort stops at its next check, the queued one never starts
    m_cancel = std::make_shared<std::atomic<bool>>(false);
    const quint64 generation = m_latest;
    auto *watcher = new QFutureWatcher<std::shared_ptr<const RecordView>>(this);
    m_watchers.append(watcher);
    connect(watcher, &QFutureWatcherBase::finished, this, [this, watcher, generation] {
        m_watchers.removeOne(watcher);
        watcher->deleteLater();
        if (generation == m_latest && watcher->future().resultCount() > 0 && watcher->future().result())
            Q_EMIT finished(watcher->future().result());
    });
    watcher->setFuture(QtConcurrent::run(&m_pool, [records = std::move(records), filter, sort, flag = m_cancel] {
        if (flag->load())
            return std::shared_ptr<const RecordView>(); // overtaken while it waited
        return computeRecordView(records, filter, sort, flag.get());
    }));
}

} // namespace kvt::model
