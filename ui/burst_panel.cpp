// SPDX-License-Identifier: MIT
#include "ui/burst_panel.h"

#include <QFormLayout>
#include <QGroupBox>
#include <QHeaderView>
#include <QItemSelectionModel>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QSet>
#include <QSortFilterProxyModel>
#include <QSplitter>
#include <QTableView>
#include <QTableWidget>
#include <QVBoxLayout>

#include <algorithm>

#include "engine/report/burst_output.h"
#include "engine/rules/rule_parameters.h"
#include "model/analysis_session.h"
#include "model/burst_table_model.h"
#include "model/text_conversions.h"

namespace kvt::ui {
namespace {

using Column = model::BurstTableModel::Column;

constexpr int kMaxColumnWidth = 320; // px

// Sorts on raw values; a cell's tooltip shows its whole text, escaped: a tooltip that looks like
// markup is rendered as rich text, and every value here comes from the logs.
class BurstProxy : public QSortFilterProxyModel {
public:
    using QSortFilterProxyModel::QSortFilterProxyModel;
    QVariant data(const QModelIndex &index, int role) const override
    {
        if (role == Qt::ToolTipRole) {
            const QString text = QSortFilterProxyModel::data(index, Qt::DisplayRole).toString();
            return text.isEmpty() ? QVariant() : QVariant(QStringLiteral("<qt>%1</qt>").arg(text.toHtmlEscaped()));
        }
        return QSortFilterProxyModel::data(index, role);
    }
};

// Every label here may show text derived from the logs: never rich text.
QLabel *plainLabel(QWidget *parent)
{
    auto *label = new QLabel(parent);
    label->setTextFormat(Qt::PlainText);
    label->setTextInteractionFlags(Qt::TextSelectableByMouse);
    return label;
}

QTableWidgetItem *readOnlyItem(const QString &text)
{
    auto *item = new QTableWidgetItem(text);
    item->setFlags(Qt::ItemIsEnabled | Qt::ItemIsSelectable);
    return item;
}

} // namespace

BurstPanel::BurstPanel(model::AnalysisSession *session, QWidget *parent)
    : QWidget(parent), m_session(session), m_model(new model::BurstTableModel(this)), m_proxy(new BurstProxy(this)),
      m_summary(plainLabel(this)), m_filter(new QLineEdit(this)), m_view(new QTableView(this)),
      m_withoutLabel(plainLabel(this)), m_inScope(plainLabel(this)), m_withoutIdentity(plainLabel(this)),
      m_callers(new QTableWidget(this)), m_note(plainLabel(this))
{
    m_proxy->setSourceModel(m_model);
    m_proxy->setSortRole(model::BurstTableModel::RawValueRole);
    m_proxy->setFilterKeyColumn(-1); // any column: an identity, an address, a vault, an operation
    m_proxy->setFilterCaseSensitivity(Qt::CaseInsensitive);
    m_filter->setPlaceholderText(tr("Filter bursts…"));
    m_filter->setClearButtonEnabled(true);
    connect(m_filter, &QLineEdit::textChanged, m_proxy, &QSortFilterProxyModel::setFilterFixedString);

    setUpView();
    m_summary->setWordWrap(true);

    auto *splitter = new QSplitter(Qt::Vertical, this);
    splitter->addWidget(m_view);
    splitter->addWidget(createBlindSpot());
    splitter->setStretchFactor(0, 3);
    splitter->setStretchFactor(1, 1);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_summary);
    layout->addWidget(m_filter);
    layout->addWidget(splitter, 1);

    connect(m_session, &model::AnalysisSession::resultsChanged, this, &BurstPanel::showResults);
    connect(this, &BurstPanel::burstSelected, m_session, &model::AnalysisSession::selectBurst); // its records
    connect(m_session, &model::AnalysisSession::datasetChanged, this, &BurstPanel::showResults); // results cleared
    showResults();
}

void BurstPanel::setUpView()
{
    m_view->setModel(m_proxy);
    m_view->setSortingEnabled(true);
    m_view->sortByColumn(int(Column::TimeWindow), Qt::DescendingOrder); // the rule's SORT time_window DESC
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->setSelectionMode(QAbstractItemView::SingleSelection);
    m_view->setWordWrap(false);
    m_view->verticalHeader()->hide();
    m_view->verticalHeader()->setDefaultSectionSize(22);
    m_view->horizontalHeader()->setSectionResizeMode(QHeaderView::Interactive);
    m_view->setAlternatingRowColors(true);
    connect(
        m_view->selectionModel(), &QItemSelectionModel::currentRowChanged, this, [this](const QModelIndex &current) {
            if (current.isValid())
                Q_EMIT burstSelected(m_proxy->mapToSource(current).row());
        });
}

QWidget *BurstPanel::createBlindSpot()
{
    auto *box = new QGroupBox(tr("Blind spot: records the rule cannot see"), this);
    m_callers->setColumnCount(2);
    m_callers->setHorizontalHeaderLabels({tr("Caller behind them"), tr("Records")});
    m_callers->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_callers->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_callers->setWordWrap(false);
    m_callers->verticalHeader()->hide();
    m_callers->verticalHeader()->setDefaultSectionSize(22);
    m_callers->horizontalHeader()->setSectionResizeMode(0, QHeaderView::Stretch);
    m_callers->horizontalHeader()->setSectionResizeMode(1, QHeaderView::ResizeToContents);
    m_note->setWordWrap(true);

    auto *form = new QFormLayout;
    form->addRow(tr("Records in scope"), m_inScope);
    form->addRow(m_withoutLabel, m_withoutIdentity);
    auto *layout = new QVBoxLayout(box);
    layout->addLayout(form);
    layout->addWidget(m_callers, 1);
    layout->addWidget(m_note);
    return box;
}

void BurstPanel::showResults()
{
    const auto results = m_session->results();
    m_model->setResults(results && results->burst ? results : nullptr);
    // Fitted to the rows, but a long list of vaults or addresses must not push the counts off screen.
    m_view->resizeColumnsToContents();
    for (int c = 0; c < m_model->columnCount(); ++c)
        m_view->setColumnWidth(c, std::min(m_view->columnWidth(c), kMaxColumnWidth));
    showSummary();
    showBlindSpot();
}

// One line that answers "what did the rule find, and what decided it?" before any row is read.
void BurstPanel::showSummary()
{
    const auto results = m_model->results();
    if (!results) {
        m_summary->setText(tr("The ES|QL rule has not run yet."));
        return;
    }
    const engine::ElasticBurstParams &p = results->burstParams;
    QSet<QString> identities;
    for (int r = 0; r < m_model->rowCount(); ++r)
        identities.insert(model::toQString(m_model->burst(r).identity));
    const auto bursts = m_model->rowCount();
    const auto who = identities.size();
    const QString found = (bursts == 1 ? tr("1 burst") : tr("%1 bursts").arg(bursts)) + QLatin1Char(' ')
        + (who == 1 ? tr("from 1 identity") : tr("from %1 identities").arg(who));
    const QString preset = p.preset == engine::BurstPreset::Published ? tr("published rule") : tr("proposed rule");
    const QString name = model::BurstTableModel::columnName(Column::ActionCount, p);
    const QString distinct = model::BurstTableModel::columnName(Column::DistinctActions, p);
    m_summary->setText(
        tr("ES|QL %1: %2 · window %3%4 · %5 ≥ %6 · %7 ≥ %8 · by %9")
            .arg(preset, found, model::toQString(engine::formatDuration(p.window)),
                p.sliding ? tr(" (sliding)") : QString(), name, QString::number(p.minActions), distinct,
                QString::number(p.minDistinctActions), model::BurstTableModel::columnName(Column::Identity, p)));
}

void BurstPanel::showBlindSpot()
{
    const auto results = m_model->results();
    const engine::ElasticBurstParams p = m_model->burstParams();
    m_withoutLabel->setText(tr("Without %1").arg(model::BurstTableModel::columnName(Column::Identity, p)));
    m_callers->setRowCount(0);
    if (!results) {
        m_inScope->setText(tr("–"));
        m_withoutIdentity->setText(tr("–"));
        m_note->clear();
        return;
    }
    const engine::BlindSpot &b = results->burst->blindSpot;
    const QLocale locale;
    m_inScope->setText(locale.toString(static_cast<qulonglong>(b.recordsInScope)));
    const double share = b.recordsInScope ? 100.0 * double(b.recordsWithoutIdentity) / double(b.recordsInScope) : 0;
    m_withoutIdentity->setText(
        tr("%1 (%2 % of the records in scope)")
            .arg(locale.toString(static_cast<qulonglong>(b.recordsWithoutIdentity)), locale.toString(share, 'f', 1)));
    m_callers->setRowCount(static_cast<int>(b.topCallers.size()));
    for (int r = 0; r < m_callers->rowCount(); ++r) {
        const auto &[caller, count] = b.topCallers[static_cast<std::size_t>(r)];
        m_callers->setItem(r, 0, readOnlyItem(model::toQString(caller)));
        auto *records = readOnlyItem(locale.toString(static_cast<qulonglong>(count)));
        records->setTextAlignment(Qt::AlignRight | Qt::AlignVCenter);
        m_callers->setItem(r, 1, records);
    }
    // The GUI's words: the CLI's note names its --group-by option, here the Tuning panel's row.
    m_note->setText(b.recordsWithoutIdentity == 0
            ? tr("Every in-scope record carries the grouping identity.")
            : tr("Records without the grouping identity form ES|QL's null group, which never passes "
                 "%1 == 1: the rule cannot see them. Try grouping by app ID or IP (Tuning › ES|QL "
                 "rule › Group by).")
                  .arg(model::toQString(engine::burstCountDistinctColumn(p))));
}

} // namespace kvt::ui
