// SPDX-License-Identifier: MIT
#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QSortFilterProxyModel>
#include <QtTest>

#include "model/series_list_model.h"

using namespace kvt;
using Model = model::SeriesListModel;

namespace {

std::shared_ptr<engine::SeriesTable> makeTable(const std::vector<std::pair<std::string, std::vector<double>>> &rows)
{
    auto t = std::make_shared<engine::SeriesTable>();
    t->axis = engine::TimeAxis::fromRange(
        0, engine::Ticks(rows.empty() ? 0 : rows[0].second.size()) * engine::kTicksPerDay, engine::kTicksPerDay);
    for (const auto &[key, values] : rows) {
        t->keys.push_back(key);
        t->counts.insert(t->counts.end(), values.begin(), values.end());
    }
    return t;
}

} // namespace

class TestSeriesListModel : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void statistics_data();
    void statistics();
    void initialChecksAreTheLargest();
    void checkingEmitsAndRecolours();
    void proxyFiltersAndSorts();
    void emptyAndReset();
};

void TestSeriesListModel::statistics_data()
{
    QTest::addColumn<QVector<double>>("values");
    QTest::addColumn<qint64>("total");
    QTest::addColumn<qint64>("peak");
    QTest::addColumn<int>("active");
    QTest::newRow("mixed") << QVector<double> {0, 3, 10, 0} << qint64(13) << qint64(10) << 2;
    QTest::newRow("all zero") << QVector<double> {0, 0, 0, 0} << qint64(0) << qint64(0) << 0;
    QTest::newRow("flat") << QVector<double> {5, 5, 5, 5} << qint64(20) << qint64(5) << 4;
}

void TestSeriesListModel::statistics()
{
    QFETCH(QVector<double>, values);
    QFETCH(qint64, total);
    QFETCH(qint64, peak);
    QFETCH(int, active);
    Model m;
    QAbstractItemModelTester tester(&m, QAbstractItemModelTester::FailureReportingMode::QtTest);
    m.setSeries(makeTable({{"192.0.2.1", std::vector<double>(values.begin(), values.end())}}));
    QCOMPARE(m.rowCount(), 1);
    const QModelIndex i = m.index(0, 0);
    QCOMPARE(m.data(i, Model::KeyRole).toString(), QStringLiteral("192.0.2.1"));
    QCOMPARE(m.data(i, Model::TotalRole).toLongLong(), total);
    QCOMPARE(m.data(i, Model::PeakRole).toLongLong(), peak);
    QCOMPARE(m.data(i, Model::ActiveBinsRole).toInt(), active);
    QCOMPARE(m.data(m.index(0, int(Model::Column::Total))).toLongLong(), total);
}

void TestSeriesListModel::initialChecksAreTheLargest()
{
    Model m;
    QAbstractItemModelTester tester(&m, QAbstractItemModelTester::FailureReportingMode::QtTest);
    m.setSeries(makeTable({{"a", {1, 1}}, {"b", {9, 9}}, {"c", {5, 5}}, {"d", {0, 2}}}), 2);
    QCOMPARE(m.checkedRows(), (std::vector<int> {1, 2}));
    QCOMPARE(m.data(m.index(0, 0), Qt::CheckStateRole).value<Qt::CheckState>(), Qt::Unchecked);
    QCOMPARE(m.data(m.index(1, 0), Model::ColorIndexRole).toInt(), 0);
    QCOMPARE(m.data(m.index(2, 0), Model::ColorIndexRole).toInt(), 1);
    QCOMPARE(m.data(m.index(0, 0), Model::ColorIndexRole).toInt(), -1);
}

void TestSeriesListModel::checkingEmitsAndRecolours()
{
    Model m;
    QAbstractItemModelTester tester(&m, QAbstractItemModelTester::FailureReportingMode::QtTest);
    m.setSeries(makeTable({{"a", {1}}, {"b", {9}}, {"c", {5}}}), 1);
    QSignalSpy spy(&m, &QAbstractItemModel::dataChanged);
    QVERIFY(m.flags(m.index(0, 0)).testFlag(Qt::ItemIsUserCheckable));
    QVERIFY(!m.flags(m.index(0, 1)).testFlag(Qt::ItemIsUserCheckable));
    QVERIFY(m.setData(m.index(0, 0), Qt::Checked, Qt::CheckStateRole));
    QCOMPARE(spy.count(), 1);
    QVERIFY(spy.first().at(2).value<QList<int>>().contains(Qt::CheckStateRole));
    QCOMPARE(m.checkedRows(), (std::vector<int> {0, 1}));
    QCOMPARE(m.data(m.index(1, 0), Model::ColorIndexRole).toInt(), 1); // b moved to the second colour
    QVERIFY(!m.setData(m.index(0, 1), Qt::Checked, Qt::CheckStateRole)); // only the key column checks
    m.setAllChecked(false);
    QVERIFY(m.checkedRows().empty());
}

void TestSeriesListModel::proxyFiltersAndSorts()
{
    Model m;
    QSortFilterProxyModel proxy;
    proxy.setSourceModel(&m);
    QAbstractItemModelTester tester(&proxy, QAbstractItemModelTester::FailureReportingMode::QtTest);
    m.setSeries(makeTable({{"10.0.0.1", {1}}, {"192.0.2.7", {9}}, {"10.0.0.2", {5}}}));
    proxy.setFilterFixedString(QStringLiteral("10.0"));
    QCOMPARE(proxy.rowCount(), 2);
    proxy.setFilterFixedString({});
    proxy.sort(int(Model::Column::Total), Qt::DescendingOrder);
    QCOMPARE(proxy.data(proxy.index(0, 0)).toString(), QStringLiteral("192.0.2.7"));
}

void TestSeriesListModel::emptyAndReset()
{
    Model m;
    QAbstractItemModelTester tester(&m, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QCOMPARE(m.rowCount(), 0);
    QSignalSpy reset(&m, &QAbstractItemModel::modelReset);
    m.setSeries(makeTable({}));
    m.setSeries(nullptr);
    QCOMPARE(reset.count(), 2);
    QCOMPARE(m.rowCount(), 0);
    m.setAllChecked(true);
}

QTEST_GUILESS_MAIN(TestSeriesListModel)
#include "tst_series_list_model.moc"
