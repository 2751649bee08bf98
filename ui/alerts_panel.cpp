// SPDX-License-Identifier: MIT
#include "ui/alerts_panel.h"

#include <QAction>
#include <QComboBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QItemSelectionModel>
#include <QLabel>
#include <QLineEdit>
#include <QStyledItemDelegate>
#include <QTableView>
#include <QVBoxLayout>

#include <algorithm>

#include "model/alerts_table_model.h"

namespace kvt::ui {
namespace {

using Column = model::AlertsTableModel::Column;
using model::AlertRule;
using model::TriageState;

constexpr int kMaxColumnWidth = 320; // px: a long list must not push State and Note off screen
constexpr TriageState kStates[]
    = {TriageState::New, TriageState::TruePositive, TriageState::BenignPositive, TriageState::FalsePositive};

// The State cell edits with the four states to pick from, not the spin box an int would get.
class StateDelegate : public QStyledItemDelegate {
public:
    using QStyledItemDelegate::QStyledItemDelegate;
    QWidget *createEditor(QWidget *parent, const QStyleOptionViewItem &option, const QModelIndex &index) const override
    {
        if (index.column() != int(Column::State))
            return QStyledItemDelegate::createEditor(parent, option, index);
        auto *combo = new QComboBox(parent);
        for (const TriageState s : kStates)
            combo->addItem(model::TriageStore::stateLabel(s), int(s));
        return combo;
    }
    void setEditorData(QWidget *editor, const QModelIndex &index) const override
    {
        if (auto *combo = qobject_cast<QComboBox *>(editor); combo && index.column() == int(Column::State))
            combo->setCurrentIndex(combo->findData(index.data(Qt::EditRole)));
        else
            QStyledItemDelegate::setEditorData(editor, index);
    }
    void setModelData(QWidget *editor, QAbstractItemModel *itemModel, const QModelIndex &index) const override
    {
        if (auto *combo = qobject_cast<QComboBox *>(editor); combo && index.column() == int(Column::State))
            itemModel->setData(index, combo->currentData());
        else
            QStyledItemDelegate::setModelData(editor, itemModel, index);
    }
};

// Text from the logs and from the analyst: never rich text.
QLabel *plainLabel(QWidget *parent)
{
    auto *label = new QLabel(parent);
    label->setTextFormat(Qt::PlainText);
    label->setTextInteractionFlags(Qt::TextSelectableByMouse);
    return label;
}

QKeySequence stateKey(TriageState s)
{
    switch (s) {
    case TriageState::New: return QKeySequence(Qt::Key_N);
    case TriageState::TruePositive: return QKeySequence(Qt::Key_T);
    case TriageState::BenignPositive: return QKeySequence(Qt::Key_B);
    case TriageState::FalsePositive: return QKeySequence(Qt::Key_F);
    }
    return {};
}

} // namespace

AlertsPanel::AlertsPanel(model::AlertsTableModel *alerts, model::TriageStore *store, QWidget *parent)
    : QWidget(parent), m_model(alerts), m_store(store), m_proxy(new model::AlertsFilterModel(this)),
      m_summary(plainLabel(this)), m_stateFilter(new QComboBox(this)), m_ruleFilter(new QComboBox(this)),
      m_view(new QTableView(this)), m_note(new QLineEdit(this))
{
    m_proxy->setSourceModel(m_model);
    m_summary->setWordWrap(true);
    m_note->setPlaceholderText(tr("Note on the current alert (F2 or Enter in the table; Enter saves, Esc reverts)"));
    m_note->setEnabled(false);
    setUpView();
    setUpActions();

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_summary);
    layout->addWidget(createFilters());
    layout->addWidget(m_view, 1);
    layout->addWidget(m_note);

    connect(m_store, &model::TriageStore::changed, this, [this] {
        showSummary();
        if (!m_note->hasFocus())
            onCurrentChanged(); // the note may have been edited in the table; never overwrite typing
    });
    connect(m_proxy, &QAbstractItemModel::modelAboutToBeReset, this, &AlertsPanel::rememberSelection);
    connect(m_proxy, &QAbstractItemModel::modelReset, this, &AlertsPanel::restoreSelection);
    connect(m_proxy, &QAbstractItemModel::rowsInserted, this, &AlertsPanel::showSummary);
    connect(m_proxy, &QAbstractItemModel::rowsRemoved, this, &AlertsPanel::showSummary);
    connect(m_note, &QLineEdit::editingFinished, this, &AlertsPanel::commitNote);
    connect(m_note, &QLineEdit::returnPressed, this, [this] { m_view->setFocus(Qt::OtherFocusReason); });
    showSummary();
}

void AlertsPanel::setUpView()
{
    m_view->setModel(m_proxy);
    m_view->setItemDelegate(new StateDelegate(m_view));
    // No sort column at first: the engine's order (Sentinel's rows, then ES|QL's newest first).
    m_view->horizontalHeader()->setSortIndicator(-1, Qt::AscendingOrder);
    m_view->setSortingEnabled(true);
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->setSelectionMode(QAbstractItemView::ExtendedSelection);
    m_view->setEditTriggers(QAbstractItemView::DoubleClicked); // keys set states; F2 / Enter go to the note
    m_view->setWordWrap(false);
    m_view->setAlternatingRowColors(true);
    m_view->verticalHeader()->hide();
    m_view->verticalHeader()->setDefaultSectionSize(22);
    m_view->horizontalHeader()->setSectionResizeMode(QHeaderView::Interactive);
    m_view->horizontalHeader()->setStretchLastSection(true); // the note
    connect(m_view->selectionModel(), &QItemSelectionModel::currentRowChanged, this, [this](const QModelIndex &c) {
        onCurrentChanged();
        emitActivated(c);
    });
    connect(m_view, &QAbstractItemView::activated, this, &AlertsPanel::emitActivated);
}

void AlertsPanel::setUpActions()
{
    // On the view only (Qt::WidgetShortcut): single letters must still type into the note edit.
    for (const TriageState s : kStates) {
        auto *action = new QAction(model::TriageStore::stateLabel(s), m_view);
        action->setShortcut(stateKey(s));
        action->setShortcutContext(Qt::WidgetShortcut);
        connect(action, &QAction::triggered, this, [this, s] { setSelectedState(s); });
        m_view->addAction(action);
        m_stateActions[static_cast<std::size_t>(s)] = action;
    }
    auto *separator = new QAction(m_view);
    separator->setSeparator(true);
    m_view->addAction(separator);
    m_editNote = new QAction(tr("Edit note"), m_view);
    m_editNote->setShortcuts({QKeySequence(Qt::Key_F2), QKeySequence(Qt::Key_Return), QKeySequence(Qt::Key_Enter)});
    m_editNote->setShortcutContext(Qt::WidgetShortcut);
    connect(m_editNote, &QAction::triggered, this, &AlertsPanel::editNote);
    m_view->addAction(m_editNote);
    m_view->setContextMenuPolicy(Qt::ActionsContextMenu);

    auto *revert = new QAction(m_note);
    revert->setShortcut(QKeySequence(Qt::Key_Escape));
    revert->setShortcutContext(Qt::WidgetShortcut);
    connect(revert, &QAction::triggered, this, [this] {
        m_note->setModified(false);
        onCurrentChanged(); // back to the stored note
        m_view->setFocus(Qt::OtherFocusReason);
    });
    m_note->addAction(revert);
}

QWidget *AlertsPanel::createFilters()
{
    m_stateFilter->addItem(tr("All states"), -1);
    for (const TriageState s : kStates)
        m_stateFilter->addItem(model::TriageStore::stateLabel(s), int(s));
    m_ruleFilter->addItem(tr("All rules"), -1);
    for (const AlertRule r : {AlertRule::Sentinel, AlertRule::Esql})
        m_ruleFilter->addItem(model::AlertsTableModel::ruleLabel(r), int(r));
    connect(m_stateFilter, &QComboBox::currentIndexChanged, this, &AlertsPanel::applyFilters);
    connect(m_ruleFilter, &QComboBox::currentIndexChanged, this, &AlertsPanel::applyFilters);

    auto *bar = new QWidget(this);
    auto *layout = new QHBoxLayout(bar);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(new QLabel(tr("State"), bar));
    layout->addWidget(m_stateFilter);
    layout->addWidget(new QLabel(tr("Rule"), bar));
    layout->addWidget(m_ruleFilter);
    layout->addStretch(1);
    return bar;
}

void AlertsPanel::applyFilters()
{
    const int state = m_stateFilter->currentData().toInt();
    const int rule = m_ruleFilter->currentData().toInt();
    m_proxy->setStateFilter(state < 0 ? std::nullopt : std::optional(static_cast<TriageState>(state)));
    m_proxy->setRuleFilter(rule < 0 ? std::nullopt : std::optional(static_cast<AlertRule>(rule)));
    // One rule shown: its own columns only, as that rule's output has them.
    for (int c = 0; c < int(Column::Count); ++c) {
        const auto owner = model::AlertsTableModel::columnRule(static_cast<Column>(c));
        m_view->setColumnHidden(c, rule >= 0 && owner && int(*owner) != rule);
    }
    showSummary();
}

// "30 alerts: 28 new, 1 true positive, … · Sentinel 25, ES|QL 5": the triage backlog at a glance.
void AlertsPanel::showSummary()
{
    if (!m_model->results()) {
        m_summary->setText(tr("The rules have not run yet."));
        return;
    }
    std::array<int, model::kTriageStateCount> states {};
    int sentinel = 0;
    const int total = m_model->rowCount();
    for (int r = 0; r < total; ++r) {
        const QModelIndex index = m_model->index(r, 0);
        ++states[static_cast<std::size_t>(index.data(model::AlertsTableModel::StateRole).toInt())];
        sentinel += m_model->rule(r) == AlertRule::Sentinel ? 1 : 0;
    }
    QString text = tr("%n alert(s)", nullptr, total)
        + tr(": %1 new, %2 true positive, %3 benign positive, %4 false positive · Sentinel %5, ES|QL %6")
              .arg(states[0])
              .arg(states[1])
              .arg(states[2])
              .arg(states[3])
              .arg(sentinel)
              .arg(total - sentinel);
    if (m_proxy->rowCount() != total)
        text += tr(" · %1 shown").arg(m_proxy->rowCount());
    m_summary->setText(text);
}

void AlertsPanel::onCurrentChanged()
{
    const QModelIndex current = m_proxy->mapToSource(m_view->currentIndex());
    if (m_hasNote && m_note->isModified()
        && (!current.isValid() || !(m_model->identity(current.row()) == m_noteIdentity)))
        commitNote(); // typed for the alert being left, which editingFinished did not save
    m_hasNote = current.isValid();
    m_note->setEnabled(m_hasNote);
    if (!m_hasNote) {
        m_note->clear();
        return;
    }
    m_noteIdentity = m_model->identity(current.row());
    const QString note = m_store->triage(m_noteIdentity).note;
    if (m_note->text() != note)
        m_note->setText(note);
}

void AlertsPanel::emitActivated(const QModelIndex &proxyIndex)
{
    const QModelIndex source = m_proxy->mapToSource(proxyIndex);
    if (m_restoring || !source.isValid())
        return;
    Q_EMIT alertActivated(m_model->rule(source.row()), m_model->sourceIndex(source.row()));
}

void AlertsPanel::commitNote()
{
    // The identity the edit was loaded for, not the current row: focus leaves the edit when a
    // click on another row is about to change the current one.
    if (!m_hasNote)
        return;
    m_note->setModified(false);
    m_store->setNote(m_noteIdentity, m_note->text());
}

void AlertsPanel::setSelectedState(TriageState state)
{
    QModelIndexList rows = m_view->selectionModel()->selectedRows();
    if (rows.isEmpty() && m_view->currentIndex().isValid())
        rows.append(m_view->currentIndex());
    std::vector<model::AlertIdentity> identities;
    for (const QModelIndex &row : rows)
        identities.push_back(m_model->identity(m_proxy->mapToSource(row).row()));
    m_store->setState(identities, state);
}

void AlertsPanel::editNote()
{
    if (!m_hasNote)
        return;
    m_note->setFocus(Qt::ShortcutFocusReason);
    m_note->selectAll();
}

bool AlertsPanel::showAlert(AlertRule rule, int index)
{
    const int row = m_model->rowOf(rule, index);
    if (row < 0)
        return false;
    QModelIndex proxyIndex = m_proxy->mapFromSource(m_model->index(row, 0));
    if (!proxyIndex.isValid()) {
        m_stateFilter->setCurrentIndex(0);
        m_ruleFilter->setCurrentIndex(0);
        proxyIndex = m_proxy->mapFromSource(m_model->index(row, 0));
    }
    m_restoring = true;
    m_view->selectionModel()->setCurrentIndex(
        proxyIndex, QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
    m_restoring = false;
    m_view->scrollTo(proxyIndex);
    return true;
}

void AlertsPanel::rememberSelection()
{
    const auto identityOf = [this](const QModelIndex &proxyIndex) {
        return proxyIndex.isValid() ? proxyIndex.data(model::AlertsTableModel::IdentityRole).toString() : QString();
    };
    m_keptCurrent = identityOf(m_view->currentIndex());
    m_keptSelected.clear();
    for (const QModelIndex &row : m_view->selectionModel()->selectedRows())
        m_keptSelected.append(identityOf(row));
}

void AlertsPanel::restoreSelection()
{
    // A rescore renumbers the rows; the alerts that are still there stay current and selected.
    m_restoring = true;
    QItemSelection selection;
    for (const QString &identity : std::as_const(m_keptSelected)) {
        const QModelIndex index = m_proxy->mapFromSource(m_model->index(m_model->rowOf(identity), 0));
        if (index.isValid())
            selection.select(index, index);
    }
    const int current = m_keptCurrent.isEmpty() ? -1 : m_model->rowOf(m_keptCurrent);
    const QModelIndex currentIndex = current < 0 ? QModelIndex() : m_proxy->mapFromSource(m_model->index(current, 0));
    if (currentIndex.isValid())
        m_view->selectionModel()->setCurrentIndex(currentIndex, QItemSelectionModel::NoUpdate);
    m_view->selectionModel()->select(selection, QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
    m_restoring = false;
    onCurrentChanged();

    m_view->resizeColumnsToContents();
    for (int c = 0; c < int(Column::Count); ++c)
        m_view->setColumnWidth(c, std::min(m_view->columnWidth(c), kMaxColumnWidth));
    showSummary();
}

} // namespace kvt::ui
