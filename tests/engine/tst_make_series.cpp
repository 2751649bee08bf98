// SPDX-License-Identifier: MIT
#include <QtTest>

#include <fstream>

#include <nlohmann/json.hpp>

#include "engine/rules/series_binning.h"
#include "engine/series/make_series.h"

using namespace kvt::engine;

namespace {

Ticks at(const char *iso)
{
    return *parseIsoDateTime(iso);
}

void addEvent(Dataset &d, Ticks t, std::string_view ip)
{
    EventDraft e;
    e.time = t;
    e[TextField::CallerIPAddress] = ip;
    d.append(e, {});
}

} // namespace

class TestMakeSeries : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void axisBins_data();
    void axisBins();
    void goldenMicrosoftLearnExample();
    void countsPerKey_data();
    void countsPerKey();
    void rowFilter();
    void plainArrays_data();
    void plainArrays();
};

void TestMakeSeries::axisBins_data()
{
    QTest::addColumn<QString>("from");
    QTest::addColumn<QString>("to");
    QTest::addColumn<QString>("step");
    QTest::addColumn<int>("bins");
    QTest::newRow("rule: 14 daily bins") << "2026-11-09"
                                         << "2026-11-23"
                                         << "1d" << 14;
    QTest::newRow("to is exclusive") << "2017-01-01"
                                     << "2017-01-10"
                                     << "1d" << 9;
    QTest::newRow("partial last step still a bin") << "2026-11-01"
                                                   << "2026-11-01T05:30Z"
                                                   << "1h" << 6;
    QTest::newRow("empty range") << "2026-11-02"
                                 << "2026-11-01"
                                 << "1d" << 0;
}

void TestMakeSeries::axisBins()
{
    QFETCH(QString, from);
    QFETCH(QString, to);
    QFETCH(QString, step);
    QFETCH(int, bins);
    const auto axis = TimeAxis::fromRange(at(from.toUtf8()), at(to.toUtf8()), *parseDuration(step.toStdString()));
    QCOMPARE(int(axis.bins), bins);
}

// Microsoft Learn's make-series example (real engine output): bin alignment, `to` exclusive,
// rows outside [from, to) ignored, default 0. The golden prints avg(); we check avg from our binning.
void TestMakeSeries::goldenMicrosoftLearnExample()
{
    std::ifstream in(KVT_TEST_DATA "/golden/make_series_example.json");
    const auto golden = nlohmann::json::parse(in);
    const auto axis = TimeAxis::fromRange(at("2017-01-01"), at("2017-01-10"), kTicksPerDay);
    const auto &expectedAvg = golden["output"]["avg_metric"];
    const auto &expectedBins = golden["output"]["timestamp"];
    QCOMPARE(axis.bins, expectedAvg.size());
    std::vector<double> sum(axis.bins, 0), count(axis.bins, 0);
    Dataset d;
    for (const auto &row : golden["input"]) {
        const Ticks t = at(row[0].get<std::string>().c_str());
        addEvent(d, t, "k");
        const auto bin = axis.binOf(t);
        if (bin >= 0) {
            sum[std::size_t(bin)] += row[1].get<double>();
            count[std::size_t(bin)] += 1;
        }
    }
    const SeriesTable table = makeDatasetSeries(d, TextField::CallerIPAddress, axis);
    QCOMPARE(table.keys.size(), std::size_t {1});
    for (std::size_t b = 0; b < axis.bins; ++b) {
        QCOMPARE(axis.binStart(b), at(expectedBins[b].get<std::string>().c_str()));
        const double avg = count[b] ? sum[b] / count[b] : 0.0;
        QCOMPARE(avg, expectedAvg[b].get<double>());
        QCOMPARE(table.row(0)[b], count[b]);
    }
    QCOMPARE(table.row(0)[3], 0.0); // the empty day gets the default
}

void TestMakeSeries::countsPerKey_data()
{
    QTest::addColumn<bool>("viaDataset");
    QTest::newRow("Dataset column (the rule's binning)") << true;
    QTest::newRow("plain arrays (engine/series)") << false;
}

void TestMakeSeries::countsPerKey()
{
    QFETCH(bool, viaDataset);
    Dataset d;
    const auto axis = TimeAxis::fromRange(at("2026-11-01"), at("2026-11-04"), kTicksPerDay);
    addEvent(d, at("2026-11-01T00:00:00Z"), "b");
    addEvent(d, at("2026-11-01T23:59:59.9999999Z"), "b");
    addEvent(d, at("2026-11-03T12:00Z"), "a");
    addEvent(d, at("2026-11-04T00:00Z"), "a"); // == to: outside
    addEvent(d, at("2026-10-31T23:59:59.9999999Z"), "c"); // before from: c gets no series
    addEvent(d, at("2026-11-02T00:00Z"), ""); // empty key: ignored
    const TextField f = TextField::CallerIPAddress;
    const SeriesTable t
        = viaDataset ? makeDatasetSeries(d, f, axis) : makeSeriesCount(d.times(), d.column(f), d.pool(f).views(), axis);
    QCOMPARE(t.keys, (std::vector<std::string> {"a", "b"}));
    QCOMPARE(std::vector<double>(t.row(0).begin(), t.row(0).end()), (std::vector<double> {0, 0, 1}));
    QCOMPARE(std::vector<double>(t.row(1).begin(), t.row(1).end()), (std::vector<double> {2, 0, 0}));
}

void TestMakeSeries::rowFilter()
{
    Dataset d;
    const auto axis = TimeAxis::fromRange(at("2026-11-01"), at("2026-11-02"), kTicksPerDay);
    addEvent(d, at("2026-11-01T01:00Z"), "a");
    addEvent(d, at("2026-11-01T02:00Z"), "a");
    const std::vector<std::uint8_t> keep {0, 1};
    const SeriesTable t = makeDatasetSeries(d, TextField::CallerIPAddress, axis, keep);
    QCOMPARE(t.row(0)[0], 1.0);
}

// engine/series knows no store: ids index the names, 0 is "no key", keys come out sorted by name
// (not by id), and a filter or an empty id column leaves keys out.
void TestMakeSeries::plainArrays_data()
{
    QTest::addColumn<std::vector<std::uint32_t>>("ids");
    QTest::addColumn<std::vector<std::uint8_t>>("keep");
    QTest::addColumn<std::vector<std::string>>("keys");
    QTest::addColumn<std::vector<double>>("counts");
    // Rows at hours 0, 1, 25, 26, 49 of a 3-day axis; names: 0 "", 1 "zeta", 2 "alpha".
    QTest::newRow("sorted by name, not id")
        << std::vector<std::uint32_t> {1, 2, 1, 2, 2} << std::vector<std::uint8_t> {}
        << std::vector<std::string> {"alpha", "zeta"} << std::vector<double> {1, 1, 1, 1, 1, 0};
    QTest::newRow("id 0 is no key") << std::vector<std::uint32_t> {0, 0, 1, 0, 1} << std::vector<std::uint8_t> {}
                                    << std::vector<std::string> {"zeta"} << std::vector<double> {0, 1, 1};
    QTest::newRow("filter drops a whole key")
        << std::vector<std::uint32_t> {1, 2, 1, 2, 2} << std::vector<std::uint8_t> {1, 0, 1, 0, 0}
        << std::vector<std::string> {"zeta"} << std::vector<double> {1, 1, 0};
    QTest::newRow("no key column") << std::vector<std::uint32_t> {} << std::vector<std::uint8_t> {}
                                   << std::vector<std::string> {} << std::vector<double> {};
}

void TestMakeSeries::plainArrays()
{
    QFETCH(std::vector<std::uint32_t>, ids);
    QFETCH(std::vector<std::uint8_t>, keep);
    QFETCH(std::vector<std::string>, keys);
    QFETCH(std::vector<double>, counts);
    const Ticks from = at("2026-11-01");
    const auto axis = TimeAxis::fromRange(from, at("2026-11-04"), kTicksPerDay);
    const std::vector<Ticks> times {
        from, from + kTicksPerHour, from + 25 * kTicksPerHour, from + 26 * kTicksPerHour, from + 49 * kTicksPerHour};
    const std::vector<std::string_view> names {"", "zeta", "alpha"};
    const SeriesTable t = makeSeriesCount(times, ids, names, axis, keep);
    QCOMPARE(t.axis.bins, std::size_t {3});
    QCOMPARE(t.keys, keys);
    QCOMPARE(t.counts, counts);
}

QTEST_APPLESS_MAIN(TestMakeSeries)
#include "tst_make_series.moc"
