// SPDX-License-Identifier: MIT
#include "model/record_table_model.h"

#include "engine/report/record_documents.h"
#include "model/text_conversions.h"

namespace kvt::model {
namespace {

using engine::RecordColumn;
using engine::textColumn;
using engine::TextField;

std::shared_ptr<const RecordView> emptyView()
{
    static const auto empty = std::make_shared<const RecordView>();
    return empty;
}

bool isNumberColumn(RecordColumn c)
{
    return c == engine::kDurationColumn || c == engine::kHttpStatusColumn;
}

} // namespace

RecordTableModel::RecordTableModel(QObject *parent)
    : QAbstractTableModel(parent), m_job(new RecordViewJob(this)), m_view(emptyView()), m_columns(defaultColumns())
{
    m_filter.textColumns = m_columns;
    connect(m_job, &RecordViewJob::finished, this, [this](const std::shared_ptr<const RecordView> &view) {
        // The job publishes only its latest answer; this also drops one that a direct publish overtook.
        if (view->records == m_records && view->filter == m_filter && view->sort == m_sort)
            publish(view);
    });
}

const std::vector<RecordColumn> &RecordTableModel::allColumns()
{
    // What an analyst reads first: when, what, who from where, how it went, then the rest.
    static const std::vector<RecordColumn> columns {
        engine::kTimeColumn,
        textColumn(TextField::OperationName),
        textColumn(TextField::CallerIPAddress),
        textColumn(TextField::ResultType),
        textColumn(TextField::ResultSignature),
        textColumn(TextField::Resource),
        textColumn(TextField::ClaimUpn),
        textColumn(TextField::ClaimAppId),
        textColumn(TextField::ClaimOid),
        textColumn(TextField::ClientInfoS),
        engine::kHttpStatusColumn,
        engine::kDurationColumn,
        textColumn(TextField::RequestUriS),
        textColumn(TextField::IdS),
        textColumn(TextField::ResultDescription),
        textColumn(TextField::CorrelationId),
        textColumn(TextField::Category),
        textColumn(TextField::OperationVersion),
        textColumn(TextField::ResourceGroup),
        textColumn(TextField::SubscriptionId),
        textColumn(TextField::ResourceId),
        textColumn(TextField::ResourceProvider),
        textColumn(TextField::ResourceType),
        textColumn(TextField::ClaimUpnLong),
        textColumn(TextField::ClaimObjectIdentifier),
        textColumn(TextField::EcsGeoCityName),
        textColumn(TextField::EcsGeoRegionName),
        textColumn(TextField::EcsGeoCountryName),
        textColumn(TextField::EcsAsOrganizationName),
        textColumn(TextField::EcsCloudRegion),
        textColumn(TextField::EcsAgentName),
    };
    return columns;
}

std::vector<RecordColumn> RecordTableModel::defaultColumns()
{
    const auto &all = allColumns();
    return {all.begin(), all.begin() + 14}; // up to id_s
}

QString RecordTableModel::columnName(RecordColumn column)
{
    static const std::vector<std::string> names = engine::recordFieldNames();
    return column < names.size() ? toQString(names[column]) : QString();
}

const engine::Dataset *RecordTableModel::dataset() const
{
    return shown() && shown()->results ? shown()->results->dataset.get() : nullptr;
}

void RecordTableModel::setRecords(std::shared_ptr<const RecordSet> records)
{
    m_records = std::move(records);
    refresh();
}

void RecordTableModel::setFilter(const engine::RecordFilter &filter)
{
    engine::RecordFilter f = filter;
    f.textColumns = m_columns;
    if (f == m_filter)
        return;
    m_filter = std::move(f);
    refresh();
}

void RecordTableModel::setVisibleColumns(const std::vector<RecordColumn> &columns)
{
    if (columns == m_columns)
        return;
    beginResetModel();
    m_columns = columns;
    endResetModel();
    m_filter.textColumns = m_columns;
    // The free text looks in the visible columns only; a view still computing was asked with the
    // old columns, and its answer will be dropped.
    if (!m_filter.text.empty() || m_job->isBusy())
        refresh();
}

void RecordTableModel::sort(int column, Qt::SortOrder order)
{
    std::optional<engine::RecordSort> s;
    if (column >= 0 && column < columnCount())
        s = engine::RecordSort {m_columns[static_cast<std::size_t>(column)], order == Qt::DescendingOrder};
    if (s == m_sort)
        return;
    m_sort = s;
    refresh();
}

void RecordTableModel::refresh()
{
    if (!m_records || (m_filter.isEmpty() && !m_sort)) {
        // Nothing for the engine to do: the set's rows are the view, at once (a selection fills the
        // table without a round trip through the worker).
        m_job->cancel();
        publish(m_records ? computeRecordView(m_records, m_filter, m_sort) : emptyView());
        return;
    }
    m_job->request(m_records, m_filter, m_sort);
    Q_EMIT busyChanged(true);
}

void RecordTableModel::publish(std::shared_ptr<const RecordView> view)
{
    beginResetModel();
    m_view = std::move(view);
    endResetModel();
    Q_EMIT viewChanged();
    Q_EMIT busyChanged(m_job->isBusy());
}

int RecordTableModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(m_view->rows.size());
}

int RecordTableModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(m_columns.size());
}

QVariant RecordTableModel::raw(std::size_t record, RecordColumn column) const
{
    const engine::Dataset &d = *dataset();
    if (column == engine::kTimeColumn)
        return QVariant::fromValue<qint64>(d.time(record));
    if (column == engine::kDurationColumn)
        return d.durationMs(record) == engine::Dataset::kNoDuration ? QVariant()
                                                                    : QVariant::fromValue<qint64>(d.durationMs(record));
    if (column == engine::kHttpStatusColumn)
        return d.httpStatusCode(record) < 0 ? QVariant() : QVariant::fromValue<qint64>(d.httpStatusCode(record));
    return toQString(d.text(static_cast<TextField>(column - 1), record));
}

QVariant RecordTableModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid) || !dataset())
        return {};
    const std::size_t record = recordIndex(index.row());
    const RecordColumn column = m_columns[static_cast<std::size_t>(index.column())];
    switch (role) {
    case Qt::DisplayRole: return toQString(engine::recordCellText(*dataset(), record, column));
    case RawValueRole: return raw(record, column);
    case RecordIndexRole: return QVariant::fromValue<qulonglong>(record);
    case Qt::TextAlignmentRole:
        return QVariant::fromValue(
            isNumberColumn(column) ? Qt::AlignRight | Qt::AlignVCenter : Qt::AlignLeft | Qt::AlignVCenter);
    default: return {};
    }
}

QVariant RecordTableModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || section < 0 || section >= columnCount() || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    return columnName(m_columns[static_cast<std::size_t>(section)]);
}

} // namespace kvt::model
