// SPDX-License-Identifier: MIT
// The records panel on a real session: the records behind every point equal its count, a header
// click sorts through the engine, the quick filter narrows and says so, copies reach the clipboard,
// and the detail pane shows the selected record's original text with its file and line.
#include <QApplication>
#include <QClipboard>
#include <QComboBox>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QSignalSpy>
#include <QTableView>
#include <QtTest>

#include "engine/report/record_documents.h"
#include "engine/rules/record_query.h"
#include "model/analysis_session.h"
#include "model/record_table_model.h"
#include "model/record_text.h"
#include "ui/records_panel.h"

using namespace kvt;
using model::AnalysisSession;
using model::RecordTableModel;

namespace {

const QString kCase = QStringLiteral(KVT_TEST_DATA "/rules/first-hour-join/input.jsonl.gz");
const QString kKey = QStringLiteral("203.0.113.7");
const engine::Ticks kLastDay = *engine::parseIsoDateTime("2026-11-22T00:00Z");

bool openAndScore(AnalysisSession &session)
{
    engine::SentinelParams p;
    p.now = engine::parseIsoDateTime("2026-11-23T00:05Z");
    session.setSentinelParams(p, AnalysisSession::Apply::Now);
    QSignalSpy results(&session, &AnalysisSession::resultsChanged);
    session.openPaths({kCase});
    return results.wait(120000);
}

// Asks the session for @p query's records and waits for them.
std::shared_ptr<const model::RecordSet> recordsOf(AnalysisSession &session, const engine::RecordQuery &query)
{
    QSignalSpy changed(&session, &AnalysisSession::recordsChanged);
    session.showRecords(query);
    if (!changed.wait(60000))
        return nullptr;
    return session.records();
}

std::vector<std::size_t> shownRecords(const RecordTableModel &m)
{
    std::vector<std::size_t> rows;
    for (int r = 0; r < m.rowCount(); ++r)
        rows.push_back(m.recordIndex(r));
    return rows;
}

int columnOf(const RecordTableModel &m, engine::RecordColumn c)
{
    const auto &v = m.visibleColumns();
    return static_cast<int>(std::find(v.begin(), v.end(), c) - v.begin());
}

void clickHeader(QTableView *view, int section)
{
    QHeaderView *header = view->horizontalHeader();
    const QPoint at(header->sectionViewportPosition(section) + header->sectionSize(section) / 2, header->height() / 2);
    QTest::mouseClick(header->viewport(), Qt::LeftButton, {}, at);
}

} // namespace

class TestRecordsPanel : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void emptyState();
    void recordsBehindEveryPointEqualItsCount();
    void headerClickSortsInTheEngine();
    void quickFilterNarrowsAndSaysSo();
    void valueFiltersOnEveryRecordOfTheDay();
    void copiesReachTheClipboard();
    void detailShowsOriginalTextFileAndLine();

private:
    AnalysisSession m_session;
    std::shared_ptr<const model::RecordSet> m_point; ///< the alerting key's last day
};

void TestRecordsPanel::initTestCase()
{
    QVERIFY(openAndScore(m_session));
    const auto results = m_session.results();
    QVERIFY(results);
    const auto &series = results->sentinel.series;
    const auto it
        = std::find_if(series.begin(), series.end(), [](const auto &s) { return s.key == kKey.toStdString(); });
    QVERIFY(it != series.end());
    const auto bin = static_cast<std::size_t>((kLastDay - results->sentinel.axis.from) / results->sentinel.axis.step);
    m_point = recordsOf(m_session, engine::seriesPointQuery(results->sentinel, kKey.toStdString(), bin));
    QVERIFY(m_point);
    QCOMPARE(static_cast<double>(m_point->rows.size()), it->counts[bin]);
    QVERIFY(m_point->rows.size() > 100); // tests/data/rules/first-hour-join/README.md: 305
}

void TestRecordsPanel::emptyState()
{
    ui::RecordsPanel panel;
    QVERIFY(panel.isShowingEmptyState());
    QVERIFY(panel.findChild<QLabel *>() != nullptr);
    bool found = false;
    for (const QLabel *label : panel.findChildren<QLabel *>())
        found
            = found || label->text().startsWith(QStringLiteral("Click a point, a heat-strip cell, a key or an alert"));
    QVERIFY(found);
    panel.setRecords(m_point, QStringLiteral("a point"));
    QVERIFY(!panel.isShowingEmptyState());
    panel.setRecords(nullptr, QStringLiteral("ignored"));
    QVERIFY(panel.isShowingEmptyState());
    QVERIFY(panel.countLabel()->text().isEmpty());
    QCOMPARE(panel.model()->rowCount(), 0);
}

void TestRecordsPanel::recordsBehindEveryPointEqualItsCount()
{
    ui::RecordsPanel panel;
    const auto results = m_session.results();
    int points = 0;
    for (const auto &s : results->sentinel.series) {
        for (std::size_t bin = 0; bin < s.counts.size(); ++bin) {
            const auto set = recordsOf(m_session, engine::seriesPointQuery(results->sentinel, s.key, bin));
            QVERIFY(set);
            const QString title = QStringLiteral("What make-series counted for %1").arg(QString::fromStdString(s.key));
            panel.setRecords(set, title);
            QCOMPARE(static_cast<double>(panel.model()->rowCount()), s.counts[bin]);
            QCOMPARE(panel.titleLabel()->text(), title);
            const auto n = static_cast<int>(s.counts[bin]);
            QCOMPARE(
                panel.countLabel()->text(), n == 1 ? QStringLiteral("1 record") : QStringLiteral("%1 records").arg(n));
            ++points;
        }
    }
    QCOMPARE(points, 3 * 14);
}

void TestRecordsPanel::headerClickSortsInTheEngine()
{
    ui::RecordsPanel panel;
    panel.resize(1200, 500);
    panel.show();
    QVERIFY(QTest::qWaitForWindowExposed(&panel));
    panel.setRecords(m_point, QStringLiteral("a point"));
    const engine::Dataset &d = *m_point->results->dataset;
    const int time = columnOf(*panel.model(), engine::kTimeColumn);
    clickHeader(panel.view(), time); // ascending
    clickHeader(panel.view(), time); // descending
    QTRY_VERIFY(!panel.model()->isBusy());
    QCOMPARE(panel.model()->sortOrder(), std::optional(engine::RecordSort {engine::kTimeColumn, true}));
    QCOMPARE(shownRecords(*panel.model()), *engine::sortRecords(d, m_point->rows, {engine::kTimeColumn, true}));
    QVERIFY(d.time(panel.model()->recordIndex(0)) > d.time(panel.model()->recordIndex(panel.model()->rowCount() - 1)));

    // Columns move; the indicator stays on the column the engine sorted.
    auto columns = panel.model()->visibleColumns();
    std::rotate(columns.begin(), columns.begin() + 1, columns.end()); // TimeGenerated goes last
    panel.model()->setVisibleColumns(columns);
    QTRY_VERIFY(!panel.model()->isBusy());
    QCOMPARE(panel.view()->horizontalHeader()->sortIndicatorSection(), static_cast<int>(columns.size()) - 1);
    QCOMPARE(panel.view()->horizontalHeader()->sortIndicatorOrder(), Qt::DescendingOrder);
}

void TestRecordsPanel::quickFilterNarrowsAndSaysSo()
{
    ui::RecordsPanel panel;
    panel.setRecords(m_point, QStringLiteral("a point"));
    const engine::Dataset &d = *m_point->results->dataset;
    const auto total = m_point->rows.size();
    // The README's anomalous day: 260 records by 1111... at 12:00:00-12:04:19.
    QTest::keyClicks(panel.filterEdit(), QStringLiteral("T12:0"));
    QCOMPARE(static_cast<std::size_t>(panel.model()->rowCount()), total); // debounced: not yet
    QTRY_COMPARE(panel.model()->rowCount(), 260);
    QTRY_VERIFY(!panel.model()->isBusy());
    QCOMPARE(panel.countLabel()->text(), QStringLiteral("260 of %1 shown").arg(total));
    for (int r = 0; r < panel.model()->rowCount(); ++r)
        QVERIFY(engine::formatIsoDateTime(d.time(panel.model()->recordIndex(r))).find("T12:0") != std::string::npos);

    // The key, operation and result choices list the set's own values.
    QCOMPARE(panel.keyFilter()->findData(kKey), 1);
    QVERIFY(panel.operationFilter()->findData(QStringLiteral("SecretGet")) > 0);
    panel.filterEdit()->clear();
    panel.toEdit()->setText(QStringLiteral("2026-11-22T01:00Z"));
    Q_EMIT panel.toEdit()->editingFinished();
    QTRY_COMPARE(panel.model()->rowCount(), 40); // the first hour: 39 + 1 records
    panel.toEdit()->clear();
    Q_EMIT panel.toEdit()->editingFinished();
    // make-series counted successes only: the result choice lists none of the failures.
    QCOMPARE(panel.resultFilter()->findData(QStringLiteral("Failure")), -1);
    QTRY_COMPARE(static_cast<std::size_t>(panel.model()->rowCount()), total);
    QCOMPARE(panel.countLabel()->text(), QStringLiteral("%1 records").arg(total));
}

void TestRecordsPanel::valueFiltersOnEveryRecordOfTheDay()
{
    // Every record of the key's last day, whatever the rule made of it: failures, other operations.
    engine::RecordQuery query;
    query.from = kLastDay;
    query.to = kLastDay + engine::kTicksPerDay;
    query.key = kKey.toStdString();
    const auto day = recordsOf(m_session, query);
    QVERIFY(day);
    const engine::Dataset &d = *day->results->dataset;
    ui::RecordsPanel panel;
    panel.setRecords(day, QStringLiteral("the whole day"));
    const auto countOf
        = [&](auto pred) { return static_cast<int>(std::count_if(day->rows.begin(), day->rows.end(), pred)); };
    const int failures = countOf([&](std::size_t r) {
        return d.text(engine::TextField::ResultType, r) == "Failure"
            || d.text(engine::TextField::ResultSignature, r) == "Failure";
    });
    const int lists
        = countOf([&](std::size_t r) { return d.text(engine::TextField::OperationName, r) == "SecretList"; });
    QVERIFY(failures > 0 && lists > 0);
    QVERIFY(static_cast<std::size_t>(failures + lists) < day->rows.size());
    panel.resultFilter()->setCurrentIndex(panel.resultFilter()->findData(QStringLiteral("Failure")));
    QTRY_COMPARE(panel.model()->rowCount(), failures);
    QTRY_VERIFY(!panel.model()->isBusy());
    panel.resultFilter()->setCurrentIndex(0);
    panel.operationFilter()->setCurrentIndex(panel.operationFilter()->findData(QStringLiteral("SecretList")));
    QTRY_COMPARE(panel.model()->rowCount(), lists);
    QTRY_VERIFY(!panel.model()->isBusy());
    QCOMPARE(panel.countLabel()->text(), QStringLiteral("%1 of %2 shown").arg(lists).arg(day->rows.size()));
    // A new set without the chosen value falls back to any operation.
    panel.setRecords(m_point, QStringLiteral("a point"));
    QCOMPARE(panel.operationFilter()->currentIndex(), 0);
    QTRY_COMPARE(static_cast<std::size_t>(panel.model()->rowCount()), m_point->rows.size());
}

void TestRecordsPanel::copiesReachTheClipboard()
{
    ui::RecordsPanel panel;
    panel.resize(1200, 500);
    panel.show();
    QVERIFY(QTest::qWaitForWindowExposed(&panel));
    panel.setRecords(m_point, QStringLiteral("a point"));
    const engine::Dataset &d = *m_point->results->dataset;
    panel.view()->setFocus();
    panel.view()->selectRow(2);
    panel.view()->selectionModel()->select(
        panel.model()->index(0, 0), QItemSelectionModel::Select | QItemSelectionModel::Rows);
    const std::vector<std::size_t> rows {panel.model()->recordIndex(0), panel.model()->recordIndex(2)}; // view order
    QApplication::clipboard()->clear();
    QTest::keyClick(panel.view(), Qt::Key_C, Qt::ControlModifier);
    QCOMPARE(QApplication::clipboard()->text(), model::recordsTsv(d, rows, panel.model()->visibleColumns()));
    QVERIFY(QApplication::clipboard()->text().startsWith(QStringLiteral("TimeGenerated\tOperationName\t")));
    QCOMPARE(QApplication::clipboard()->text().count(QLatin1Char('\n')), 3);
    QTest::keyClick(panel.view(), Qt::Key_C, Qt::ControlModifier | Qt::ShiftModifier);
    QCOMPARE(QApplication::clipboard()->text(), model::recordsJson(d, rows));
    QVERIFY(QApplication::clipboard()->text().contains(QStringLiteral("\"CallerIPAddress\":\"203.0.113.7\"")));
}

void TestRecordsPanel::detailShowsOriginalTextFileAndLine()
{
    ui::RecordsPanel panel;
    panel.setRecords(m_point, QStringLiteral("a point"));
    QVERIFY(panel.detailText()->toPlainText().isEmpty());
    QSignalSpy activated(&panel, &ui::RecordsPanel::recordActivated);
    const std::size_t record = panel.model()->recordIndex(3);
    panel.view()->setCurrentIndex(panel.model()->index(3, 0));
    const std::array<std::size_t, 1> one {record};
    const auto line = engine::recordLines(*m_point->results->dataset, one).front();
    QCOMPARE(panel.detailSource()->text(), QStringLiteral("%1, line %2").arg(kCase).arg(line));
    const QString text = panel.detailText()->toPlainText();
    QVERIFY2(text.startsWith(QStringLiteral("{\n  \"time\": \"2026-11-22T")), qPrintable(text));
    QVERIFY(text.contains(QStringLiteral("\"callerIpAddress\": \"203.0.113.7\"")));
    // The record being read stays current through a sort.
    panel.model()->sort(0, Qt::DescendingOrder);
    QTRY_VERIFY(!panel.model()->isBusy());
    QCOMPARE(panel.model()->recordIndex(panel.view()->currentIndex().row()), record);
    QCOMPARE(panel.detailText()->toPlainText(), text);
    QTest::keyClick(panel.view(), Qt::Key_Return);
    QCOMPARE(activated.count(), 1);
    QCOMPARE(activated.first().first().toULongLong(), static_cast<qulonglong>(record));
}

QTEST_MAIN(TestRecordsPanel)
#include "tst_records_panel.moc"
