// SPDX-License-Identifier: MIT
// The heat strip's data: keys most urgent first, one cell per key and bin, and buckets of keys (or
// bins) that keep their most extreme score when there are more keys than pixel rows.
#include <QtTest>

#include <algorithm>
#include <cmath>
#include <limits>
#include <map>

#include "engine/ingest/loader.h"
#include "model/heat_strip_builder.h"

using namespace kvt;

Q_DECLARE_METATYPE(kvt::engine::KeyStatus)

namespace {

// Loads a golden rule case and runs the rule at its documented run time.
const engine::SentinelResult &runCase(const QString &name)
{
    static std::map<QString, engine::SentinelResult> cache;
    auto it = cache.find(name);
    if (it == cache.end()) {
        const std::string path = QStringLiteral(KVT_TEST_DATA "/rules/%1/input.jsonl.gz").arg(name).toStdString();
        const auto load = engine::loadInputs({path}, engine::LoadOptions {});
        engine::SentinelParams params;
        params.now = *engine::parseIsoDateTime("2026-11-23T00:05:00Z");
        engine::SentinelRule rule(load.dataset);
        it = cache.emplace(name, rule.run(params)).first;
    }
    return it->second;
}

// A result without alerts or outcomes: statuses come from the flags alone (flagged bins before the
// alert window, or quiet). Key k scores k - keys/2 on bin k % bins and 0 elsewhere.
engine::SentinelResult syntheticResult(int keys, int bins)
{
    engine::SentinelResult r;
    r.axis.from = *engine::parseIsoDateTime("2026-11-01T00:00:00Z");
    r.axis.bins = static_cast<std::size_t>(bins);
    r.params.now = r.axis.end() + 10 * engine::kTicksPerDay; // every bin is before the alert window
    for (int k = 0; k < keys; ++k) {
        engine::ScoredSeries s;
        s.key = QStringLiteral("10.0.%1.%2").arg(k / 256).arg(k % 256).toStdString();
        s.counts.assign(r.axis.bins, 1.0);
        s.result.scores.assign(r.axis.bins, 0.0);
        s.result.flags.assign(r.axis.bins, 0);
        s.result.parts.baseline.assign(r.axis.bins, 1.0); // summarizeKeys reads the last baseline
        const double score = k - keys / 2;
        s.result.scores[static_cast<std::size_t>(k % bins)] = score;
        s.result.flags[static_cast<std::size_t>(k % bins)] = score > 3 ? 1 : (score < -3 ? -1 : 0);
        r.series.push_back(std::move(s));
    }
    return r;
}

int orderedKeyOf(const engine::SentinelResult &r, const model::HeatStripData &d, const QString &key)
{
    for (int k = 0; k < d.keyCount(); ++k)
        if (model::heatStripKeyName(r, d, k) == key)
            return k;
    return -1;
}

// The most extreme score over the ordered keys and bins of one cell, by plain loops.
double bruteForceCell(const engine::SentinelResult &r, const model::HeatStripData &d, int row, int column)
{
    double best = std::numeric_limits<double>::quiet_NaN();
    const model::HeatStripRow &hr = d.rows[static_cast<std::size_t>(row)];
    for (int k = hr.firstKey; k < hr.firstKey + hr.keyCount; ++k) {
        const auto &scores = r.series[d.keys.series[static_cast<std::size_t>(k)]].result.scores;
        for (int b = d.firstBin(column); b < d.firstBin(column + 1); ++b) {
            const double s = scores[static_cast<std::size_t>(b)];
            if (std::isnan(best) || std::abs(s) > std::abs(best) || (std::abs(s) == std::abs(best) && s > best))
                best = s;
        }
    }
    return best;
}

} // namespace

class TestHeatStripBuilder : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void mostUrgentFirst_data();
    void mostUrgentFirst();
    void oneCellPerKeyAndBin_data();
    void oneCellPerKeyAndBin();
    void aggregationKeepsTheMax_data();
    void aggregationKeepsTheMax();
    void bucketsCoverEveryKey_data();
    void bucketsCoverEveryKey();
    void nanNeverHidesAnOutlier();
    void shadeScale_data();
    void shadeScale();
    void bucketOfInvertsBucketStart_data();
    void bucketOfInvertsBucketStart();
    void emptyResult();
};

void TestHeatStripBuilder::mostUrgentFirst_data()
{
    QTest::addColumn<QString>("rulesCase");
    QTest::addColumn<int>("position");
    QTest::addColumn<QString>("key");
    QTest::addColumn<engine::KeyStatus>("status");
    // The cases' hand derivations (tests/data/rules/*/README.md). 192.0.2.10 has the greatest max
    // score of its case (6.149) but the baseline drops it: status comes before score.
    QTest::newRow("alerting first") << "first-hour-join" << 0 << "203.0.113.7" << engine::KeyStatus::Alerting;
    QTest::newRow("then silenced by the join")
        << "first-hour-join" << 1 << "192.0.2.20" << engine::KeyStatus::SilencedByJoin;
    QTest::newRow("then dropped by the baseline")
        << "first-hour-join" << 2 << "192.0.2.10" << engine::KeyStatus::DroppedByBaseline;
    QTest::newRow("split over two vaults alerts")
        << "drops-and-splits" << 0 << "198.51.100.3" << engine::KeyStatus::Alerting;
    QTest::newRow("flag on the first bin")
        << "drops-and-splits" << 1 << "198.51.100.4" << engine::KeyStatus::FlaggedOutsideWindow;
    QTest::newRow("a drop is quiet, last") << "drops-and-splits" << 2 << "198.51.100.2" << engine::KeyStatus::Quiet;
}

void TestHeatStripBuilder::mostUrgentFirst()
{
    QFETCH(QString, rulesCase);
    QFETCH(int, position);
    QFETCH(QString, key);
    QFETCH(engine::KeyStatus, status);
    const engine::SentinelResult &r = runCase(rulesCase);
    const model::HeatStripData d = model::buildHeatStrip(r, 1000);
    QCOMPARE(d.keyCount(), static_cast<int>(r.series.size()));
    QCOMPARE(d.rowCount(), d.keyCount()); // room for every key: one row each
    QCOMPARE(model::heatStripKeyName(r, d, position), key);
    QCOMPARE(d.keys.status[static_cast<std::size_t>(position)], status);
    QCOMPARE(d.rows[static_cast<std::size_t>(position)].status, status);
    QCOMPARE(d.rows[static_cast<std::size_t>(position)].keyCount, 1);
    QCOMPARE(d.rowOfKey(position), position);
}

void TestHeatStripBuilder::oneCellPerKeyAndBin_data()
{
    QTest::addColumn<QString>("rulesCase");
    QTest::addColumn<QString>("key");
    QTest::addColumn<int>("lastFlag");
    QTest::addColumn<double>("lastScore");
    // The spec's worked example scores 5.430269 on its last bin (kql-semantics.md 1.7).
    QTest::newRow("worked example + 5") << "first-hour-join"
                                        << "203.0.113.7" << 1 << 5.430269;
    QTest::newRow("worked example, silenced") << "first-hour-join"
                                              << "192.0.2.20" << 1 << 5.430269;
    QTest::newRow("split over two vaults") << "drops-and-splits"
                                           << "198.51.100.3" << 1 << 5.430269;
    QTest::newRow("400 - A: the drop") << "drops-and-splits"
                                       << "198.51.100.2" << -1 << -5.430269;
}

void TestHeatStripBuilder::oneCellPerKeyAndBin()
{
    QFETCH(QString, rulesCase);
    QFETCH(QString, key);
    QFETCH(int, lastFlag);
    QFETCH(double, lastScore);
    const engine::SentinelResult &r = runCase(rulesCase);
    const model::HeatStripData d = model::buildHeatStrip(r, 1000, 1000);
    QCOMPARE(d.columnCount(), 14); // 14 daily bins 2026-11-09 .. 2026-11-22
    QCOMPARE(d.threshold, 3.0);
    const int k = orderedKeyOf(r, d, key);
    QVERIFY(k >= 0);
    const int row = d.rowOfKey(k);
    const model::HeatStripCell &last = d.cell(row, d.columnCount() - 1);
    QCOMPARE(qRound(last.score * 1e6), qRound(lastScore * 1e6));
    QCOMPARE(int(last.flag), lastFlag);
    QCOMPARE(last.key, k);
    const auto &series = r.series[d.keys.series[static_cast<std::size_t>(k)]];
    for (int c = 0; c < d.columnCount(); ++c) {
        QCOMPARE(d.firstBin(c), c);
        QCOMPARE(d.cell(row, c).score, series.result.scores[static_cast<std::size_t>(c)]);
        QCOMPARE(d.cell(row, c).bin, c);
    }
}

void TestHeatStripBuilder::aggregationKeepsTheMax_data()
{
    QTest::addColumn<QString>("rulesCase");
    QTest::addColumn<int>("maxRows");
    QTest::addColumn<int>("maxColumns");
    QTest::addColumn<QString>("lastColumnKey");
    QTest::addColumn<double>("lastColumnScore");
    // One row for three keys: the last bin's 6.149176 of the dropped small caller outshines the
    // alerting 5.430269 above it, and the cell says whose it is.
    QTest::newRow("three keys, one row") << "first-hour-join" << 1 << 0 << "192.0.2.10" << 6.149176;
    QTest::newRow("three keys, two rows") << "first-hour-join" << 2 << 0 << "192.0.2.10" << 6.149176;
    QTest::newRow("one row, one column") << "first-hour-join" << 1 << 1 << "192.0.2.10" << 6.149176;
    QTest::newRow("two rows, five columns") << "drops-and-splits" << 2 << 5 << "" << 0.0;
    QTest::newRow("one row, three columns") << "drops-and-splits" << 1 << 3 << "" << 0.0;
}

void TestHeatStripBuilder::aggregationKeepsTheMax()
{
    QFETCH(QString, rulesCase);
    QFETCH(int, maxRows);
    QFETCH(int, maxColumns);
    QFETCH(QString, lastColumnKey);
    QFETCH(double, lastColumnScore);
    const engine::SentinelResult &r = runCase(rulesCase);
    const model::HeatStripData d = model::buildHeatStrip(r, maxRows, maxColumns);
    QCOMPARE(d.rowCount(), std::min(maxRows, d.keyCount()));
    QCOMPARE(d.columnCount(), maxColumns > 0 ? maxColumns : 14);
    for (int row = 0; row < d.rowCount(); ++row) {
        for (int c = 0; c < d.columnCount(); ++c) {
            const model::HeatStripCell &cell = d.cell(row, c);
            QCOMPARE(cell.score, bruteForceCell(r, d, row, c));
            const auto &holder = r.series[d.keys.series[static_cast<std::size_t>(cell.key)]];
            QCOMPARE(d.rowOfKey(cell.key), row); // the key that holds the score is one of the row's
            QVERIFY(cell.bin >= d.firstBin(c) && cell.bin < d.firstBin(c + 1)); // and its bin is the column's
            QCOMPARE(d.columnOfBin(cell.bin), c);
            QCOMPARE(holder.result.scores[static_cast<std::size_t>(cell.bin)], cell.score);
        }
    }
    // Every bucket row takes the most urgent status of its keys: the first row holds the alerting key.
    QCOMPARE(d.rows.front().status, engine::KeyStatus::Alerting);
    if (!lastColumnKey.isEmpty()) {
        const model::HeatStripCell &last = d.cell(d.rowCount() - 1, d.columnCount() - 1);
        QCOMPARE(model::heatStripKeyName(r, d, last.key), lastColumnKey);
        QCOMPARE(qRound(last.score * 1e6), qRound(lastColumnScore * 1e6));
        QCOMPARE(int(last.flag), 1);
    }
}

void TestHeatStripBuilder::bucketsCoverEveryKey_data()
{
    QTest::addColumn<int>("keys");
    QTest::addColumn<int>("maxRows");
    QTest::newRow("fewer keys than rows") << 7 << 100;
    QTest::newRow("as many") << 50 << 50;
    QTest::newRow("one more") << 51 << 50;
    QTest::newRow("uneven buckets") << 1000 << 300;
    QTest::newRow("10,000 keys on 200 pixel rows") << 10000 << 200;
    QTest::newRow("no limit") << 300 << 0;
}

void TestHeatStripBuilder::bucketsCoverEveryKey()
{
    QFETCH(int, keys);
    QFETCH(int, maxRows);
    const engine::SentinelResult r = syntheticResult(keys, 90);
    const model::HeatStripData d = model::buildHeatStrip(r, maxRows);
    QCOMPARE(d.rowCount(), maxRows > 0 ? std::min(keys, maxRows) : keys);
    QCOMPARE(d.columnCount(), 90);
    // Buckets are consecutive, never empty, and differ in size by at most one key.
    int next = 0, smallest = keys, largest = 0;
    for (int row = 0; row < d.rowCount(); ++row) {
        const model::HeatStripRow &hr = d.rows[static_cast<std::size_t>(row)];
        QCOMPARE(hr.firstKey, next);
        QVERIFY(hr.keyCount > 0);
        smallest = std::min(smallest, hr.keyCount);
        largest = std::max(largest, hr.keyCount);
        for (int k = hr.firstKey; k < hr.firstKey + hr.keyCount; ++k)
            QCOMPARE(d.rowOfKey(k), row);
        next += hr.keyCount;
    }
    QCOMPARE(next, keys);
    QVERIFY(largest - smallest <= 1);
    // The strongest score of all (keys - 1 - keys / 2) survives whatever the bucket size.
    double strongest = 0;
    for (const auto &c : d.cells)
        strongest = std::max(strongest, c.score);
    QCOMPARE(strongest, double(keys - 1 - keys / 2));
}

void TestHeatStripBuilder::nanNeverHidesAnOutlier()
{
    engine::SentinelResult r = syntheticResult(2, 4);
    r.series[0].result.scores = {std::nan(""), std::nan(""), 0.5, 1.0};
    r.series[1].result.scores = {std::nan(""), 4.0, std::nan(""), -2.0};
    const model::HeatStripData d = model::buildHeatStrip(r, 1, 2);
    QVERIFY(std::isnan(d.cell(0, 0).score) == false);
    QCOMPARE(d.cell(0, 0).score, 4.0); // bins 0 and 1 of both keys
    QCOMPARE(d.cell(0, 1).score, -2.0); // bins 2 and 3: |-2| beats 1.0
    const model::HeatStripData single = model::buildHeatStrip(r, 2, 4);
    QVERIFY(std::isnan(single.cell(0, 0).score)); // nothing else to show: the NaN stays
}

void TestHeatStripBuilder::shadeScale_data()
{
    QTest::addColumn<double>("score");
    QTest::addColumn<int>("flag");
    QTest::addColumn<double>("threshold");
    QTest::addColumn<int>("shade");
    const int top = model::kHeatStripLevels, saturated = model::kHeatStripLevels + 1;
    const double inf = std::numeric_limits<double>::infinity();
    QTest::newRow("zero is neutral") << 0.0 << 0 << 3.0 << 0;
    QTest::newRow("NaN: no score, neutral") << std::nan("") << 0 << 3.0 << 0;
    QTest::newRow("half way up") << 1.5 << 0 << 3.0 << top / 2;
    QTest::newRow("half way down") << -1.5 << 0 << 3.0 << -top / 2;
    QTest::newRow("at the threshold: not flagged (strict)") << 3.0 << 0 << 3.0 << top;
    QTest::newRow("the worked example's rise") << 5.430269 << 1 << 3.0 << saturated;
    QTest::newRow("its negation's drop") << -5.430269 << -1 << 3.0 << -saturated;
    QTest::newRow("beyond the threshold, unflagged cell") << 4.0 << 0 << 3.0 << saturated;
    QTest::newRow("+inf") << inf << 0 << 3.0 << saturated;
    QTest::newRow("-inf") << -inf << 0 << 3.0 << -saturated;
    QTest::newRow("no threshold, no flag") << 1.0 << 0 << 0.0 << 0;
}

void TestHeatStripBuilder::shadeScale()
{
    QFETCH(double, score);
    QFETCH(int, flag);
    QFETCH(double, threshold);
    QFETCH(int, shade);
    QCOMPARE(model::heatStripShade(score, flag, threshold), shade);
}

void TestHeatStripBuilder::bucketOfInvertsBucketStart_data()
{
    QTest::addColumn<int>("count");
    QTest::addColumn<int>("parts");
    QTest::newRow("one each") << 14 << 14;
    QTest::newRow("pixels per bin") << 600 << 14;
    QTest::newRow("keys per pixel row") << 10000 << 140;
    QTest::newRow("uneven") << 97 << 13;
    QTest::newRow("one bucket") << 5 << 1;
}

void TestHeatStripBuilder::bucketOfInvertsBucketStart()
{
    QFETCH(int, count);
    QFETCH(int, parts);
    QCOMPARE(model::heatStripBucketStart(0, count, parts), 0);
    QCOMPARE(model::heatStripBucketStart(parts, count, parts), count);
    for (int item = 0; item < count; ++item) {
        const int b = model::heatStripBucketOf(item, count, parts);
        QVERIFY(b >= 0 && b < parts);
        QVERIFY(model::heatStripBucketStart(b, count, parts) <= item);
        QVERIFY(item < model::heatStripBucketStart(b + 1, count, parts));
    }
}

void TestHeatStripBuilder::emptyResult()
{
    const engine::SentinelResult r;
    const model::HeatStripData d = model::buildHeatStrip(r, 100, 100);
    QCOMPARE(d.rowCount(), 0);
    QCOMPARE(d.columnCount(), 0);
    QCOMPARE(d.rowOfKey(0), -1);
    QCOMPARE(d.columnOfBin(0), -1);
    QVERIFY(model::heatStripKeyName(r, d, 0).isEmpty());
}

QTEST_GUILESS_MAIN(TestHeatStripBuilder)
#include "tst_heat_strip_builder.moc"
