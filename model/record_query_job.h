// SPDX-License-Identifier: MIT
// Runs the engine's record query ("the records behind this point") off the GUI thread: on ten
// million records a scan takes long enough to be felt.
#pragma once

#include <QFutureWatcher>
#include <QObject>
#include <QString>
#include <QThreadPool>

#include <atomic>
#include <memory>
#include <vector>

#include "engine/rules/record_query.h"
#include "model/rescore_job.h"

namespace kvt::model {

/// A set of records and where it came from. Immutable once published.
struct RecordSet {
    engine::RecordQuery query;
    std::shared_ptr<const RuleResults> results; ///< the results (and snapshot) the query ran against
    std::vector<std::size_t> rows; ///< record indices into results->dataset, ascending
    QString title; ///< what the set is, in the GUI's words ("What the rule counted for 10.1.2.3 on 2026-11-22")
};

/// Lives on the GUI thread; one query at a time on its own thread. Only the latest request's answer
/// is published: an answer overtaken by a newer request or by @ref cancel is dropped.
class RecordQueryJob : public QObject {
    Q_OBJECT
public:
    explicit RecordQueryJob(QObject *parent = nullptr);
    ~RecordQueryJob() override;

    void request(const engine::RecordQuery &query, std::shared_ptr<const RuleResults> results, const QString &title);
    void cancel() { ++*m_latest; }

Q_SIGNALS:
    void finished(std::shared_ptr<const kvt::model::RecordSet> records);

private:
    QThreadPool m_pool;
    QList<QFutureWatcher<std::shared_ptr<const RecordSet>> *> m_watchers;
    /// The latest request; shared with the workers so a queued stale query is skipped, not run.
    std::shared_ptr<std::atomic<quint64>> m_latest = std::make_shared<std::atomic<quint64>>(0);
};

} // namespace kvt::model
