// SPDX-License-Identifier: MIT
#include <QtTest>

#include "engine/core/ticks.h"
#include "engine/ingest/field_mapper.h"

using namespace kvt::engine;

class TestTicks : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void parseIso_data();
    void parseIso();
    void formatRoundTrip_data();
    void formatRoundTrip();
    void parseDuration_data();
    void parseDuration();
    void floorToNegative();
    void exportDateTime_data();
    void exportDateTime();
};

void TestTicks::parseIso_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<bool>("valid");
    QTest::addColumn<qint64>("ticks");
    const qint64 day = kTicksPerDay;
    const qint64 d20261122 = daysFromCivil(2026, 11, 22) * day;
    QTest::newRow("epoch date") << "1970-01-01" << true << qint64(0);
    QTest::newRow("kusto 7 digits") << "2026-11-22T00:00:00.0000000Z" << true << d20261122;
    QTest::newRow("7 digits kept to the tick")
        << "2016-01-05T01:32:01.2691226Z" << true
        << daysFromCivil(2016, 1, 5) * day + kTicksPerHour + 32 * kTicksPerMinute + kTicksPerSecond + 2691226;
    QTest::newRow("9 digits truncated") << "1970-01-01T00:00:00.123456789Z" << true << qint64(1234567);
    QTest::newRow("3 digits") << "1970-01-01T00:00:00.5Z" << true << qint64(5000000);
    QTest::newRow("no seconds") << "2026-11-23T05:00Z" << true << daysFromCivil(2026, 11, 23) * day + 5 * kTicksPerHour;
    QTest::newRow("space separator") << "1970-01-02 00:00:00" << true << qint64(day);
    QTest::newRow("positive offset") << "1970-01-01T02:00:00+02:00" << true << qint64(0);
    QTest::newRow("negative offset no colon") << "1969-12-31T22:00:00-0200" << true << qint64(0);
    QTest::newRow("leap day") << "2024-02-29T00:00:00Z" << true << daysFromCivil(2024, 2, 29) * day;
    QTest::newRow("not a leap day") << "2026-02-29T00:00:00Z" << false << qint64(0);
    QTest::newRow("month 13") << "2026-13-01" << false << qint64(0);
    QTest::newRow("hour 24") << "2026-11-01T24:00:00Z" << false << qint64(0);
    QTest::newRow("garbage suffix") << "2026-11-01T00:00:00Zx" << false << qint64(0);
    QTest::newRow("empty") << "" << false << qint64(0);
    QTest::newRow("locale text") << "5/12/2024, 10:39:53.540 AM" << false << qint64(0);
}

void TestTicks::parseIso()
{
    QFETCH(QString, text);
    QFETCH(bool, valid);
    QFETCH(qint64, ticks);
    const auto parsed = parseIsoDateTime(text.toStdString());
    QCOMPARE(parsed.has_value(), valid);
    if (valid)
        QCOMPARE(*parsed, ticks);
}

void TestTicks::formatRoundTrip_data()
{
    QTest::addColumn<QString>("text");
    QTest::newRow("kusto") << "2026-11-22T00:00:00.0000000Z";
    QTest::newRow("ticks") << "2016-01-05T01:32:01.2691226Z";
    QTest::newRow("before epoch") << "1969-07-20T20:17:40.0000001Z";
    QTest::newRow("year 1") << "0001-01-01T00:00:00.0000000Z";
    QTest::newRow("end of day") << "2024-12-31T23:59:59.9999999Z";
}

void TestTicks::formatRoundTrip()
{
    QFETCH(QString, text);
    const auto parsed = parseIsoDateTime(text.toStdString());
    QVERIFY(parsed);
    QCOMPARE(QString::fromStdString(formatIsoDateTime(*parsed)), text);
}

void TestTicks::parseDuration_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<qint64>("ticks"); // -1 = invalid
    QTest::newRow("1d") << "1d" << qint64(kTicksPerDay);
    QTest::newRow("2h") << "2h" << qint64(2 * kTicksPerHour);
    QTest::newRow("30m") << "30m" << qint64(30 * kTicksPerMinute);
    QTest::newRow("1.5h") << "1.5h" << qint64(90 * kTicksPerMinute);
    QTest::newRow("kql timespan") << "1.02:00:00" << qint64(kTicksPerDay + 2 * kTicksPerHour);
    QTest::newRow("hh:mm:ss") << "00:05:00" << qint64(5 * kTicksPerMinute);
    QTest::newRow("no unit") << "5" << qint64(-1);
    QTest::newRow("bad unit") << "5w" << qint64(-1);
}

void TestTicks::parseDuration()
{
    QFETCH(QString, text);
    QFETCH(qint64, ticks);
    const auto parsed = kvt::engine::parseDuration(text.toStdString());
    if (ticks < 0)
        QVERIFY(!parsed);
    else
        QCOMPARE(parsed.value_or(-1), ticks);
}

void TestTicks::floorToNegative()
{
    QCOMPARE(floorTo(-1, kTicksPerDay), -kTicksPerDay);
    QCOMPARE(floorTo(kTicksPerDay + 5, kTicksPerDay), kTicksPerDay);
    QCOMPARE(startOfDay(0), Ticks {0});
}

// The date-times exports hold: ISO 8601 and the portal's locale display forms.
void TestTicks::exportDateTime_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("iso"); // empty = rejected
    QTest::newRow("ISO, 7 digits") << "2026-11-02T00:00:00.3829157Z"
                                   << "2026-11-02T00:00:00.3829157Z";
    QTest::newRow("US, AM") << "11/2/2026, 12:00:00.382 AM"
                            << "2026-11-02T00:00:00.3820000Z";
    QTest::newRow("US, PM") << "5/12/2024, 10:39:53.540 PM"
                            << "2024-05-12T22:39:53.5400000Z";
    QTest::newRow("US, noon") << "5/12/2024, 12:00:00 PM"
                              << "2024-05-12T12:00:00.0000000Z";
    QTest::newRow("day first, 24 h") << "16/07/2026 20:26:12.030"
                                     << "2026-07-16T20:26:12.0300000Z";
    QTest::newRow("no seconds") << "7/16/2026 8:26 AM"
                                << "2026-07-16T08:26:00.0000000Z";
    QTest::newRow("leap day") << "2/29/2024, 1:00:00 AM"
                              << "2024-02-29T01:00:00.0000000Z";
    QTest::newRow("not a leap year") << "2/29/2026, 1:00:00 AM"
                                     << "";
    QTest::newRow("month 13") << "13/13/2026 10:00:00"
                              << "";
    QTest::newRow("hour 24") << "1/2/2026 24:00:00"
                             << "";
    QTest::newRow("trailing text") << "1/2/2026 10:00:00 XM"
                                   << "";
    QTest::newRow("words") << "yesterday"
                           << "";
}

void TestTicks::exportDateTime()
{
    QFETCH(QString, text);
    QFETCH(QString, iso);
    const auto t = parseExportDateTime(text.toStdString());
    if (iso.isEmpty())
        QVERIFY(!t);
    else
        QCOMPARE(QString::fromStdString(t ? formatIsoDateTime(*t) : "(rejected)"), iso);
}

QTEST_APPLESS_MAIN(TestTicks)
#include "tst_ticks.moc"
