// SPDX-License-Identifier: MIT
#include "ui/records_panel.h"

#include <QAction>
#include <QApplication>
#include <QClipboard>
#include <QComboBox>
#include <QFontDatabase>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QItemSelectionModel>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QPlainTextEdit>
#include <QSplitter>
#include <QStackedWidget>
#include <QTableView>
#include <QVBoxLayout>

#include <algorithm>

#include "engine/report/record_documents.h"
#include "model/record_table_model.h"
#include "model/record_text.h"
#include "model/text_conversions.h"

namespace kvt::ui {
namespace {

using engine::RecordColumn;
using engine::TextField;

constexpr int kMaxComboValues = 200; // the most frequent; a caller set with more is filtered by text
constexpr int kMaxColumnWidth = 320; // px

// Every label here may show text from the logs: never rich text.
QLabel *plainLabel(QWidget *parent)
{
    auto *label = new QLabel(parent);
    label->setTextFormat(Qt::PlainText);
    label->setTextInteractionFlags(Qt::TextSelectableByMouse);
    return label;
}

QComboBox *valueCombo(const QString &anyText, QWidget *parent)
{
    auto *combo = new QComboBox(parent);
    combo->setSizeAdjustPolicy(QComboBox::AdjustToContents);
    combo->setMinimumContentsLength(10);
    combo->addItem(anyText, QString());
    return combo;
}

// The distinct values of @p fields over @p rows, most frequent first, then by text.
QStringList distinctValues(
    const engine::Dataset &data, const std::vector<std::size_t> &rows, std::initializer_list<TextField> fields)
{
    QStringList out;
    for (const TextField f : fields) {
        std::vector<std::size_t> counts(data.pool(f).size(), 0);
        for (const std::size_t r : rows)
            ++counts[data.textId(f, r)];
        std::vector<engine::StringId> ids;
        for (std::size_t id = 1; id < counts.size(); ++id) // id 0: empty, nothing to choose
            if (counts[id])
                ids.push_back(static_cast<engine::StringId>(id));
        std::sort(ids.begin(), ids.end(), [&](engine::StringId a, engine::StringId b) {
            return counts[a] != counts[b] ? counts[a] > counts[b] : data.pool(f).view(a) < data.pool(f).view(b);
        });
        for (const engine::StringId id : ids) {
            const QString value = model::toQString(data.pool(f).view(id));
            if (!out.contains(value) && out.size() < kMaxComboValues)
                out.append(value);
        }
    }
    return out;
}

void refill(QComboBox *combo, const QStringList &values)
{
    const QString current = combo->currentData().toString();
    const QSignalBlocker block(combo);
    while (combo->count() > 1)
        combo->removeItem(1);
    for (const QString &v : values)
        combo->addItem(v, v);
    const int at = combo->findData(current);
    combo->setCurrentIndex(at < 0 ? 0 : at);
}

std::optional<engine::Ticks> timeOf(QLineEdit *edit, bool &valid)
{
    const QString text = edit->text().trimmed();
    if (text.isEmpty())
        return std::nullopt;
    const auto t = engine::parseIsoDateTime(text.toStdString());
    valid = valid && t.has_value();
    edit->setToolTip(t ? QString() : RecordsPanel::tr("Not an ISO 8601 date-time; ignored"));
    return t;
}

} // namespace

RecordsPanel::RecordsPanel(QWidget *parent)
    : QWidget(parent), m_model(new model::RecordTableModel(this)), m_title(plainLabel(this)), m_count(plainLabel(this)),
      m_text(new QLineEdit(this)), m_key(valueCombo(tr("Any key"), this)),
      m_operation(valueCombo(tr("Any operation"), this)), m_result(valueCombo(tr("Any result"), this)),
      m_from(new QLineEdit(this)), m_to(new QLineEdit(this)), m_stack(new QStackedWidget(this)),
      m_empty(plainLabel(this)), m_view(new QTableView(this)), m_detailSource(plainLabel(this)),
      m_detail(new QPlainTextEdit(this)), m_copyTsv(new QAction(tr("Copy as TSV"), this)),
      m_copyJson(new QAction(tr("Copy as JSON"), this))
{
    m_title->setWordWrap(true);
    QFont bold = m_title->font();
    bold.setBold(true);
    m_title->setFont(bold);
    m_empty->setText(tr("Click a point, a heat-strip cell, a key or an alert to see the records behind it."));
    m_empty->setAlignment(Qt::AlignCenter);
    m_empty->setWordWrap(true);
    m_stack->addWidget(m_empty);
    m_stack->addWidget(m_view);
    setUpView();

    m_detail->setReadOnly(true);
    m_detail->setLineWrapMode(QPlainTextEdit::NoWrap);
    m_detail->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    m_detail->setPlaceholderText(tr("Select a record to see its original text."));
    auto *detailPane = new QWidget(this);
    auto *detailLayout = new QVBoxLayout(detailPane);
    detailLayout->setContentsMargins(0, 0, 0, 0);
    detailLayout->addWidget(m_detailSource);
    detailLayout->addWidget(m_detail, 1);

    auto *splitter = new QSplitter(Qt::Horizontal, this);
    splitter->addWidget(m_stack);
    splitter->addWidget(detailPane);
    splitter->setStretchFactor(0, 3);
    splitter->setStretchFactor(1, 2);

    auto *titleRow = new QHBoxLayout;
    titleRow->addWidget(m_title, 1);
    titleRow->addWidget(m_count);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(titleRow);
    layout->addWidget(createFilterRow());
    layout->addWidget(splitter, 1);

    m_debounce.setSingleShot(true);
    m_debounce.setInterval(kFilterDebounceMs);
    connect(&m_debounce, &QTimer::timeout, this, &RecordsPanel::applyFilter);
    connect(m_model, &model::RecordTableModel::viewChanged, this, &RecordsPanel::showCount);
    connect(m_model, &model::RecordTableModel::busyChanged, this, &RecordsPanel::showCount);
    // Every reset (a new view, or a column change) makes the header forget its indicator and the
    // view its current row; the view handled the reset already (it connected first).
    connect(m_model, &QAbstractItemModel::modelReset, this, [this] {
        syncSortIndicator();
        restoreCurrentRecord();
    });
    setRecords(nullptr, {});
}

QWidget *RecordsPanel::createFilterRow()
{
    auto *row = new QWidget(this);
    auto *layout = new QHBoxLayout(row);
    layout->setContentsMargins(0, 0, 0, 0);
    m_text->setPlaceholderText(tr("Filter records (text in the visible columns)…"));
    m_text->setClearButtonEnabled(true);
    m_from->setPlaceholderText(tr("From (UTC)"));
    m_to->setPlaceholderText(tr("To (UTC, excl.)"));
    for (QLineEdit *edit : {m_from, m_to}) {
        edit->setClearButtonEnabled(true);
        edit->setMaximumWidth(170);
        connect(edit, &QLineEdit::editingFinished, this, &RecordsPanel::applyFilter);
    }
    connect(m_text, &QLineEdit::textChanged, &m_debounce, qOverload<>(&QTimer::start));
    for (QComboBox *combo : {m_key, m_operation, m_result})
        connect(combo, &QComboBox::currentIndexChanged, this, &RecordsPanel::applyFilter);
    layout->addWidget(m_text, 2);
    layout->addWidget(m_key);
    layout->addWidget(m_operation);
    layout->addWidget(m_result);
    layout->addWidget(m_from);
    layout->addWidget(m_to);
    return row;
}

void RecordsPanel::setUpView()
{
    m_view->setModel(m_model);
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->setSelectionMode(QAbstractItemView::ExtendedSelection);
    m_view->setWordWrap(false);
    m_view->setAlternatingRowColors(true);
    // Uniform rows: the view never measures a row, so scrolling a million rows stays cheap.
    m_view->verticalHeader()->setSectionResizeMode(QHeaderView::Fixed);
    m_view->verticalHeader()->setDefaultSectionSize(m_view->fontMetrics().height() + 6);
    m_view->verticalHeader()->hide();
    QHeaderView *header = m_view->horizontalHeader();
    header->setSectionsClickable(true);
    header->setSortIndicatorShown(true);
    header->setSortIndicator(-1, Qt::AscendingOrder);
    header->setHighlightSections(false);
    header->setMaximumSectionSize(kMaxColumnWidth);
    header->setDefaultSectionSize(140);
    header->setContextMenuPolicy(Qt::CustomContextMenu);
    // The view's own sorting would call sort() at once; the engine sorts on the header's word only.
    connect(header, &QHeaderView::sortIndicatorChanged, m_model, &model::RecordTableModel::sort);
    connect(header, &QWidget::customContextMenuRequested, this, &RecordsPanel::showColumnMenu);

    m_copyTsv->setShortcut(QKeySequence::Copy);
    m_copyJson->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_C));
    for (QAction *action : {m_copyTsv, m_copyJson}) {
        action->setShortcutContext(Qt::WidgetWithChildrenShortcut);
        m_view->addAction(action);
    }
    m_view->setContextMenuPolicy(Qt::ActionsContextMenu);
    connect(m_copyTsv, &QAction::triggered, this, &RecordsPanel::copyTsv);
    connect(m_copyJson, &QAction::triggered, this, &RecordsPanel::copyJson);
    connect(m_view->selectionModel(), &QItemSelectionModel::currentRowChanged, this, &RecordsPanel::showDetail);
    connect(m_view, &QAbstractItemView::activated, this, [this](const QModelIndex &index) {
        Q_EMIT recordActivated(static_cast<qulonglong>(m_model->recordIndex(index.row())));
    });
}

RecordsPanel::~RecordsPanel() = default;

void RecordsPanel::setRecords(std::shared_ptr<const model::RecordSet> records, const QString &title)
{
    m_title->setText(records ? title : QString());
    m_stack->setCurrentWidget(records ? static_cast<QWidget *>(m_view) : m_empty);
    m_currentRecord.reset();
    m_model->setRecords(std::move(records));
    fillValueFilters();
    applyFilter(); // a value the new set lacks was reset to "any"
    showCount();
    showDetail();
}

void RecordsPanel::fillValueFilters()
{
    // The set just handed in, not the view still shown while its sort or filter runs.
    const auto set = m_model->records();
    const engine::Dataset *dataset = set && set->results ? set->results->dataset.get() : nullptr;
    if (!set || !dataset) {
        for (QComboBox *combo : {m_key, m_operation, m_result})
            refill(combo, {});
        return;
    }
    const bool byResource = set->results->sentinel.params.seriesKey == engine::SeriesKey::Resource;
    refill(m_key, distinctValues(*dataset, set->rows, {byResource ? TextField::Resource : TextField::CallerIPAddress}));
    refill(m_operation, distinctValues(*dataset, set->rows, {TextField::OperationName}));
    refill(m_result, distinctValues(*dataset, set->rows, {TextField::ResultType, TextField::ResultSignature}));
}

void RecordsPanel::applyFilter()
{
    m_debounce.stop();
    engine::RecordFilter f;
    f.text = m_text->text().toStdString();
    const auto set = m_model->records();
    if (set && set->results && set->results->sentinel.params.seriesKey == engine::SeriesKey::Resource)
        f.keyField = TextField::Resource;
    f.key = m_key->currentData().toString().toStdString();
    f.operation = m_operation->currentData().toString().toStdString();
    f.result = m_result->currentData().toString().toStdString();
    bool valid = true;
    f.from = timeOf(m_from, valid);
    f.to = timeOf(m_to, valid);
    m_model->setFilter(f);
}

void RecordsPanel::showCount()
{
    if (!m_model->records()) {
        m_count->clear();
        return;
    }
    const auto total = static_cast<qulonglong>(m_model->totalCount());
    const auto shown = static_cast<qulonglong>(m_model->rowCount());
    QString text = !m_model->filter().isEmpty() ? tr("%1 of %2 shown").arg(shown).arg(total)
        : total == 1                            ? tr("1 record")
                                                : tr("%1 records").arg(total);
    if (m_model->isBusy())
        text += tr(" · working…");
    m_count->setText(text);
}

void RecordsPanel::showDetail()
{
    const QModelIndex current = m_view->selectionModel()->currentIndex();
    const engine::Dataset *dataset = m_model->dataset();
    if (!current.isValid() || !dataset) {
        m_detailSource->clear();
        m_detail->clear();
        return;
    }
    m_currentRecord = m_model->recordIndex(current.row());
    // One line index per snapshot, held with it: the next record's line costs no rescan.
    const auto records = m_model->records();
    if (!m_lines || &m_lines->dataset() != dataset) {
        m_linesData = records && records->results ? records->results->dataset : nullptr;
        m_lines = m_linesData.get() == dataset ? std::make_unique<engine::LineLookup>(*dataset) : nullptr;
    }
    const model::RecordDetailText detail = model::recordDetailText(*dataset, *m_currentRecord, m_lines.get());
    m_detailSource->setText(
        detail.source.isEmpty() ? tr("No original text (record #%1)").arg(*m_currentRecord) : detail.source);
    m_detail->setPlainText(detail.text);
}

void RecordsPanel::restoreCurrentRecord()
{
    // A reset clears the current row; the record the analyst was reading stays selected if shown.
    const auto wanted = m_currentRecord;
    if (!wanted)
        return;
    for (int row = 0; row < m_model->rowCount(); ++row) {
        if (m_model->recordIndex(row) == *wanted) {
            m_view->selectionModel()->setCurrentIndex(
                m_model->index(row, 0), QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
            m_view->scrollTo(m_model->index(row, 0));
            return;
        }
    }
    m_currentRecord.reset();
    showDetail();
}

void RecordsPanel::syncSortIndicator()
{
    // Column indices move when the column set changes; the engine's sort column does not.
    const auto &sort = m_model->sortOrder();
    const auto &columns = m_model->visibleColumns();
    const auto at = sort ? std::find(columns.begin(), columns.end(), sort->column) : columns.end();
    const QSignalBlocker block(m_view->horizontalHeader());
    if (at == columns.end())
        m_view->horizontalHeader()->setSortIndicator(-1, Qt::AscendingOrder);
    else
        m_view->horizontalHeader()->setSortIndicator(
            static_cast<int>(at - columns.begin()), sort->descending ? Qt::DescendingOrder : Qt::AscendingOrder);
}

void RecordsPanel::showColumnMenu(const QPoint &pos)
{
    QMenu menu(this);
    const auto visible = m_model->visibleColumns();
    for (const RecordColumn c : model::RecordTableModel::allColumns()) {
        QAction *action = menu.addAction(model::RecordTableModel::columnName(c));
        action->setCheckable(true);
        action->setChecked(std::find(visible.begin(), visible.end(), c) != visible.end());
        action->setData(QVariant::fromValue<qulonglong>(c));
    }
    menu.addSeparator();
    QAction *defaults = menu.addAction(tr("Default columns"));
    QAction *chosen = menu.exec(m_view->horizontalHeader()->mapToGlobal(pos));
    if (!chosen)
        return;
    if (chosen == defaults) {
        m_model->setVisibleColumns(model::RecordTableModel::defaultColumns());
        return;
    }
    std::vector<RecordColumn> columns;
    for (QAction *action : menu.actions())
        if (action->isCheckable() && action->isChecked())
            columns.push_back(static_cast<RecordColumn>(action->data().toULongLong()));
    if (!columns.empty()) // the last column stays: a table without columns cannot be brought back
        m_model->setVisibleColumns(columns);
}

std::vector<std::size_t> RecordsPanel::selectedRecords() const
{
    QModelIndexList rows = m_view->selectionModel()->selectedRows();
    std::sort(rows.begin(), rows.end(), [](const QModelIndex &a, const QModelIndex &b) { return a.row() < b.row(); });
    std::vector<std::size_t> records;
    records.reserve(static_cast<std::size_t>(rows.size()));
    for (const QModelIndex &index : std::as_const(rows))
        records.push_back(m_model->recordIndex(index.row()));
    return records;
}

void RecordsPanel::copyTsv()
{
    const auto records = selectedRecords();
    if (!records.empty() && m_model->dataset())
        QApplication::clipboard()->setText(model::recordsTsv(*m_model->dataset(), records, m_model->visibleColumns()));
}

void RecordsPanel::copyJson()
{
    const auto records = selectedRecords();
    if (!records.empty() && m_model->dataset())
        QApplication::clipboard()->setText(model::recordsJson(*m_model->dataset(), records));
}

bool RecordsPanel::isShowingEmptyState() const
{
    return m_stack->currentWidget() == m_empty;
}

} // namespace kvt::ui
