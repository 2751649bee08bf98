// SPDX-License-Identifier: MIT
// Filters and sorts a record set in the engine off the GUI thread: sorting a million rows takes long
// enough to be felt, and a newer request makes the running one pointless.
#pragma once

#include <QFutureWatcher>
#include <QObject>
#include <QThreadPool>

#include <atomic>
#include <memory>
#include <optional>
#include <vector>

#include "engine/rules/record_view.h"
#include "model/record_query_job.h"

namespace kvt::model {

/// A record set as the table shows it: filtered, then sorted. Immutable once published.
struct RecordView {
    std::shared_ptr<const RecordSet> records;
    engine::RecordFilter filter;
    std::optional<engine::RecordSort> sort; ///< unset: the set's own (record) order
    std::vector<std::size_t> rows; ///< record indices into records->results->dataset, in view order
};

/// Computes @p records through @p filter and @p sort synchronously (what the job runs on its
/// worker); null when @p cancel became true. Safe from any thread.
std::shared_ptr<const RecordView> computeRecordView(std::shared_ptr<const RecordSet> records,
    const engine::RecordFilter &filter, const std::optional<engine::RecordSort> &sort,
    const std::atomic<bool> *cancel = nullptr);

/// Lives on the GUI thread; one view at a time on its own thread. A new request cancels the running
/// one (the engine polls the flag) and only the latest request's answer is published.
class RecordViewJob : public QObject {
    Q_OBJECT
public:
    explicit RecordViewJob(QObject *parent = nullptr);
    ~RecordViewJob() override;

    void request(std::shared_ptr<const RecordSet> records, const engine::RecordFilter &filter,
        const std::optional<engine::RecordSort> &sort);
    void cancel();
    bool isBusy() const { return !m_watchers.isEmpty(); }

Q_SIGNALS:
    void finished(std::shared_ptr<const kvt::model::RecordView> view);

private:
    QThreadPool m_pool;
    QList<QFutureWatcher<std::shared_ptr<const RecordView>> *> m_watchers;
    quint64 m_latest = 0;
    std::shared_ptr<std::atomic<bool>> m_cancel = std::make_shared<std::atomic<bool>>(false);
};

} // namespace kvt::model
