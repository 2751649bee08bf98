// SPDX-License-Identifier: MIT
// The alerts panel driven from the keyboard, offscreen: letters set the state of the selected rows,
// F2 / Enter edit the note, the combo boxes filter by state and rule, and the current row names its
// alert (rule and index into that rule's result) however the table is sorted.
#include <QAbstractItemModelTester>
#include <QAction>
#include <QComboBox>
#include <QHeaderView>
#include <QItemSelectionModel>
#include <QLabel>
#include <QLineEdit>
#include <QSignalSpy>
#include <QTableView>
#include <QtTest>

#include "engine/ingest/loader.h"
#include "model/alerts_table_model.h"
#include "ui/alerts_panel.h"

using namespace kvt;
using Column = model::AlertsTableModel::Column;
using model::AlertRule;
using model::AlertsTableModel;
using model::TriageState;

namespace {

const std::string kDemo = KVT_SOURCE_DIR "/resources/demo/keyvault-audit-demo.jsonl.gz";

} // namespace

class TestAlertsPanel : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();
    void keysSetTheStateOfSelectedRows_data();
    void keysSetTheStateOfSelectedRows();
    void contextMenuHasTheStateActions();
    void noteEditedFromTheKeyboard();
    void filtersByStateAndRule_data();
    void filtersByStateAndRule();
    void currentRowNamesItsAlert_data();
    void currentRowNamesItsAlert();
    void rescoreKeepsTheCurrentAlertQuietly();
    void showAlertSelectsWithoutSignal();

private:
    std::shared_ptr<const model::RuleResults> score(const engine::SentinelParams &params);
    void makeCurrent(int proxyRow);
    int sentinelRows() const;

    std::shared_ptr<const engine::Dataset> m_demo;
    std::shared_ptr<engine::SentinelRule> m_rule;
    std::shared_ptr<const model::RuleResults> m_results;
    std::unique_ptr<model::TriageStore> m_store;
    std::unique_ptr<AlertsTableModel> m_model;
    std::unique_ptr<ui::AlertsPanel> m_panel;
};

void TestAlertsPanel::initTestCase()
{
    qRegisterMetaType<kvt::model::AlertRule>();
    m_demo = engine::loadInputs({kDemo}, engine::LoadOptions {}).dataset;
    QVERIFY(m_demo && !m_demo->empty());
    m_rule = std::make_shared<engine::SentinelRule>(m_demo);
    m_results = score({});
    QVERIFY(m_results->sentinel.alerts.size() >= 2 && m_results->burst->alerts.size() >= 3);
}

std::shared_ptr<const model::RuleResults> TestAlertsPanel::score(const engine::SentinelParams &params)
{
    return model::runRules({m_demo, m_rule, params, {}, nullptr}, 1);
}

void TestAlertsPanel::init()
{
    m_store = std::make_unique<model::TriageStore>();
    m_model = std::make_unique<AlertsTableModel>(m_store.get());
    m_model->setResults(m_results);
    m_panel = std::make_unique<ui::AlertsPanel>(m_model.get(), m_store.get());
    m_panel->resize(1000, 500);
    m_panel->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_panel.get()));
    m_panel->activateWindow();
    QVERIFY(QTest::qWaitForWindowActive(m_panel.get()));
    m_panel->view()->setFocus();
    QTRY_VERIFY(m_panel->view()->hasFocus());
}

void TestAlertsPanel::cleanup()
{
    m_panel.reset();
    m_model.reset();
    m_store.reset();
}

int TestAlertsPanel::sentinelRows() const
{
    return static_cast<int>(m_results->sentinel.alerts.size());
}

void TestAlertsPanel::makeCurrent(int proxyRow)
{
    m_panel->view()->selectionModel()->setCurrentIndex(
        m_panel->proxy()->index(proxyRow, 0), QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
}

void TestAlertsPanel::keysSetTheStateOfSelectedRows_data()
{
    QTest::addColumn<int>("key");
    QTest::addColumn<int>("state");
    QTest::newRow("T") << int(Qt::Key_T) << int(TriageState::TruePositive);
    QTest::newRow("B") << int(Qt::Key_B) << int(TriageState::BenignPositive);
    QTest::newRow("F") << int(Qt::Key_F) << int(TriageState::FalsePositive);
}

void TestAlertsPanel::keysSetTheStateOfSelectedRows()
{
    QFETCH(int, key);
    QFETCH(int, state);
    // Rows 1 and 3 selected (one Sentinel alert and one burst, or two of a kind): both get the state.
    auto *view = m_panel->view();
    makeCurrent(1);
    view->selectionModel()->select(
        m_panel->proxy()->index(3, 0), QItemSelectionModel::Select | QItemSelectionModel::Rows);
    QTest::keyClick(view, static_cast<Qt::Key>(key));
    for (int r = 0; r < m_model->rowCount(); ++r)
        QCOMPARE(m_model->index(r, 0).data(AlertsTableModel::StateRole).toInt(),
            r == 1 || r == 3 ? state : int(TriageState::New));
    const QString label = model::TriageStore::stateLabel(static_cast<TriageState>(state)).toLower();
    QVERIFY2(
        m_panel->summary()->text().contains(QStringLiteral("2 %1").arg(label)), qPrintable(m_panel->summary()->text()));
    QVERIFY(m_panel->summary()->text().contains(QStringLiteral("%1 new").arg(m_model->rowCount() - 2)));

    // N takes the current row back to New (only it is selected now).
    makeCurrent(1);
    QTest::keyClick(view, Qt::Key_N);
    QCOMPARE(m_model->index(1, 0).data(AlertsTableModel::StateRole).toInt(), int(TriageState::New));
    QCOMPARE(m_model->index(3, 0).data(AlertsTableModel::StateRole).toInt(), state);
    QCOMPARE(m_store->size(), 1);
}

void TestAlertsPanel::contextMenuHasTheStateActions()
{
    auto *view = m_panel->view();
    QCOMPARE(view->contextMenuPolicy(), Qt::ActionsContextMenu);
    const QList<QKeySequence> keys {
        QKeySequence(Qt::Key_N), QKeySequence(Qt::Key_T), QKeySequence(Qt::Key_B), QKeySequence(Qt::Key_F)};
    for (int s = 0; s < model::kTriageStateCount; ++s) {
        QAction *action = m_panel->stateAction(static_cast<TriageState>(s));
        QVERIFY(view->actions().contains(action));
        QCOMPARE(action->shortcut(), keys[s]);
        QCOMPARE(action->text(), model::TriageStore::stateLabel(static_cast<TriageState>(s)));
    }
    makeCurrent(2);
    m_panel->stateAction(TriageState::FalsePositive)->trigger();
    QCOMPARE(m_model->index(2, 0).data(AlertsTableModel::StateRole).toInt(), int(TriageState::FalsePositive));
}

void TestAlertsPanel::noteEditedFromTheKeyboard()
{
    auto *view = m_panel->view();
    auto *note = m_panel->noteEdit();
    makeCurrent(0);
    QVERIFY(note->isEnabled());
    QTest::keyClick(view, Qt::Key_F2);
    QTRY_VERIFY(note->hasFocus());
    QTest::keyClicks(note, QStringLiteral("Test for T")); // letters type here, they set no state
    QTest::keyClick(note, Qt::Key_Return);
    QTRY_VERIFY(view->hasFocus());
    QCOMPARE(m_model->index(0, int(Column::Note)).data().toString(), QStringLiteral("Test for T"));
    QCOMPARE(m_model->index(0, 0).data(AlertsTableModel::StateRole).toInt(), int(TriageState::New));

    // Enter also opens it; Esc throws the typing away.
    QTest::keyClick(view, Qt::Key_Return);
    QTRY_VERIFY(note->hasFocus());
    QTest::keyClicks(note, QStringLiteral("discarded"));
    QTest::keyClick(note, Qt::Key_Escape);
    QTRY_VERIFY(view->hasFocus());
    QCOMPARE(note->text(), QStringLiteral("Test for T"));
    QCOMPARE(m_model->index(0, int(Column::Note)).data().toString(), QStringLiteral("Test for T"));

    // The edit follows the current row.
    makeCurrent(1);
    QVERIFY(note->text().isEmpty());
    makeCurrent(0);
    QCOMPARE(note->text(), QStringLiteral("Test for T"));
}

void TestAlertsPanel::filtersByStateAndRule_data()
{
    QTest::addColumn<QString>("state"); ///< the state combo's text
    QTest::addColumn<QString>("rule"); ///< the rule combo's text
    QTest::addColumn<int>("sentinelShown");
    QTest::addColumn<int>("esqlShown");
    const int s = static_cast<int>(m_results->sentinel.alerts.size());
    const int e = static_cast<int>(m_results->burst->alerts.size());
    // Rows 0 (Sentinel) and the first two bursts are true positives.
    QTest::newRow("all") << QStringLiteral("All states") << QStringLiteral("All rules") << s << e;
    QTest::newRow("Sentinel") << QStringLiteral("All states") << QStringLiteral("Sentinel") << s << 0;
    QTest::newRow("ES|QL") << QStringLiteral("All states") << QStringLiteral("ES|QL") << 0 << e;
    QTest::newRow("true positives") << QStringLiteral("True positive") << QStringLiteral("All rules") << 1 << 2;
    QTest::newRow("new ES|QL") << QStringLiteral("New") << QStringLiteral("ES|QL") << 0 << e - 2;
    QTest::newRow("false positives") << QStringLiteral("False positive") << QStringLiteral("All rules") << 0 << 0;
}

void TestAlertsPanel::filtersByStateAndRule()
{
    QFETCH(QString, state);
    QFETCH(QString, rule);
    QFETCH(int, sentinelShown);
    QFETCH(int, esqlShown);
    m_store->setState({m_model->identity(0), m_model->identity(sentinelRows()), m_model->identity(sentinelRows() + 1)},
        TriageState::TruePositive);
    QAbstractItemModelTester tester(m_panel->proxy(), QAbstractItemModelTester::FailureReportingMode::QtTest);
    QVERIFY(m_panel->stateFilter()->findText(state) >= 0 && m_panel->ruleFilter()->findText(rule) >= 0);
    m_panel->stateFilter()->setCurrentIndex(m_panel->stateFilter()->findText(state));
    m_panel->ruleFilter()->setCurrentIndex(m_panel->ruleFilter()->findText(rule));
    int sentinel = 0, esql = 0;
    for (int r = 0; r < m_panel->proxy()->rowCount(); ++r)
        (m_panel->proxy()->index(r, 0).data(AlertsTableModel::RuleRole).toInt() == int(AlertRule::Sentinel) ? sentinel
                                                                                                            : esql)++;
    QCOMPARE(sentinel, sentinelShown);
    QCOMPARE(esql, esqlShown);
    // One rule shown: the other rule's columns are hidden; State and Note never are.
    auto *view = m_panel->view();
    QCOMPARE(view->isColumnHidden(int(Column::Resource)), rule == QLatin1String("ES|QL"));
    QCOMPARE(view->isColumnHidden(int(Column::ActionCount)), rule == QLatin1String("Sentinel"));
    QVERIFY(!view->isColumnHidden(int(Column::State)) && !view->isColumnHidden(int(Column::Note)));
    const QString summary = m_panel->summary()->text();
    QVERIFY2(
        summary.startsWith(
            QStringLiteral("%1 alerts: %2 new, 3 true positive").arg(m_model->rowCount()).arg(m_model->rowCount() - 3)),
        qPrintable(summary));
    QVERIFY(summary.contains(
        QStringLiteral("Sentinel %1, ES|QL %2").arg(sentinelRows()).arg(m_model->rowCount() - sentinelRows())));
    QCOMPARE(summary.contains(QStringLiteral("shown")), sentinelShown + esqlShown != m_model->rowCount());
}

void TestAlertsPanel::currentRowNamesItsAlert_data()
{
    QTest::addColumn<int>("sortColumn"); ///< -1: the engine's order
    QTest::addColumn<int>("order");
    QTest::newRow("engine order") << -1 << int(Qt::AscendingOrder);
    QTest::newRow("by records, descending") << int(Column::Records) << int(Qt::DescendingOrder);
    QTest::newRow("by rule, ES|QL first") << int(Column::Rule) << int(Qt::AscendingOrder);
}

void TestAlertsPanel::currentRowNamesItsAlert()
{
    QFETCH(int, sortColumn);
    QFETCH(int, order);
    auto *view = m_panel->view();
    view->sortByColumn(sortColumn, static_cast<Qt::SortOrder>(order));
    // Focus gave the view a current row; start from none, so row 0 is a change too.
    view->selectionModel()->clearCurrentIndex();
    QSignalSpy activated(m_panel.get(), &ui::AlertsPanel::alertActivated);
    makeCurrent(0);
    // Down the table with the arrow key: every row says which alert it is.
    for (int r = 0; r < m_panel->proxy()->rowCount(); ++r) {
        if (r > 0)
            QTest::keyClick(view, Qt::Key_Down);
        QCOMPARE(view->currentIndex().row(), r);
        QCOMPARE(activated.count(), r + 1);
        const auto args = activated.last();
        const auto rule = args[0].value<AlertRule>();
        const int index = args[1].toInt();
        const QModelIndex source = m_panel->proxy()->mapToSource(view->currentIndex());
        QCOMPARE(rule, m_model->rule(source.row()));
        QCOMPARE(index, m_model->sourceIndex(source.row()));
        // The index reaches the right row of the rule's own result.
        const QString shown
            = m_panel->proxy()
                  ->index(r, int(rule == AlertRule::Sentinel ? Column::CallerIpAddress : Column::Identity))
                  .data()
                  .toString();
        const std::string &expected = rule == AlertRule::Sentinel
            ? m_results->sentinel.alerts.at(static_cast<std::size_t>(index)).callerIp
            : m_results->burst->alerts.at(static_cast<std::size_t>(index)).identity;
        QCOMPARE(shown, QString::fromStdString(expected));
    }
    if (sortColumn == int(Column::Rule))
        QCOMPARE(m_model->rule(m_panel->proxy()->mapToSource(m_panel->proxy()->index(0, 0)).row()), AlertRule::Esql);
}

void TestAlertsPanel::rescoreKeepsTheCurrentAlertQuietly()
{
    // Make the last Sentinel alert current, then rescore with a threshold that keeps it and adds
    // others before it: its row moves, it stays current, and the session is not told anything new.
    const int last = sentinelRows() - 1;
    makeCurrent(last);
    const QString identity = m_panel->proxy()->index(last, 0).data(AlertsTableModel::IdentityRole).toString();
    m_store->setNote(m_model->identity(last), QStringLiteral("watch"));
    QSignalSpy activated(m_panel.get(), &ui::AlertsPanel::alertActivated);
    engine::SentinelParams lower;
    lower.scoreThreshold = 1; // another caller's alerts come first: every row renumbers
    m_model->setResults(score(lower));
    QVERIFY(m_model->rowCount() > sentinelRows() + static_cast<int>(m_results->burst->alerts.size()));
    QCOMPARE(activated.count(), 0);
    const QModelIndex current = m_panel->view()->currentIndex();
    QVERIFY(current.isValid());
    QCOMPARE(current.data(AlertsTableModel::IdentityRole).toString(), identity);
    QCOMPARE(m_panel->noteEdit()->text(), QStringLiteral("watch"));
    QCOMPARE(m_panel->view()->selectionModel()->selectedRows().size(), 1);
}

void TestAlertsPanel::showAlertSelectsWithoutSignal()
{
    QSignalSpy activated(m_panel.get(), &ui::AlertsPanel::alertActivated);
    m_panel->ruleFilter()->setCurrentIndex(m_panel->ruleFilter()->findText(QStringLiteral("Sentinel")));
    QVERIFY(m_panel->showAlert(AlertRule::Esql, 2)); // hidden by the filter: the filter clears
    QCOMPARE(m_panel->ruleFilter()->currentIndex(), 0);
    const QModelIndex source = m_panel->proxy()->mapToSource(m_panel->view()->currentIndex());
    QCOMPARE(m_model->rule(source.row()), AlertRule::Esql);
    QCOMPARE(m_model->sourceIndex(source.row()), 2);
    QCOMPARE(activated.count(), 0);
    QVERIFY(!m_panel->showAlert(AlertRule::Sentinel, 100000));
}

QTEST_MAIN(TestAlertsPanel)
#include "tst_alerts_panel.moc"
