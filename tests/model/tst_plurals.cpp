// SPDX-License-Identifier: MIT
// The English numerus forms reach the strings the window shows: "1 key", "2 keys", never "key(s)".
// The (context, source) pairs are the ones tr() looks up, so a changed source fails here.
#include <QtTest>

#include "engine/core/ticks.h"
#include "model/rule_text.h"

class TestPlurals : public QObject {
    Q_OBJECT
private slots:
    void translated_data();
    void translated();
    void binLabels_data();
    void binLabels();
};

void TestPlurals::translated_data()
{
    QTest::addColumn<QString>("context");
    QTest::addColumn<QString>("source");
    QTest::addColumn<int>("n");
    QTest::addColumn<QString>("expected");

    // "#" stands for n in the expected texts; %1, %2 are the sources' own placeholders, filled later.
    struct Case {
        const char *name;
        const char *context;
        const char *source;
        const char *one;
        const char *many;
    };
    const Case cases[] = {
        {"keys", "kvt::ui::HeatStrip", "%n key(s)", "# key", "# keys"},
        {"files", "kvt::ui::SessionStatusLabel", "%1 records from %n file(s)", "%1 records from # file",
            "%1 records from # files"},
        {"anomalies", "kvt::ui::SessionStatusLabel", " │ Sentinel, run %1 UTC%2: %n anomaly(ies)",
            " │ Sentinel, run %1 UTC%2: # anomaly", " │ Sentinel, run %1 UTC%2: # anomalies"},
        {"alerts", "kvt::ui::SessionStatusLabel", ", %n alert(s)", ", # alert", ", # alerts"},
        {"ES|QL alerts", "kvt::ui::SessionStatusLabel", " │ ES|QL: %n alert(s)", " │ ES|QL: # alert",
            " │ ES|QL: # alerts"},
        {"tuned values", "kvt::ui::TuningPanel", "%n value(s) differ from the deployed rules (bold).",
            "# value differs from the deployed rules (bold).", "# values differ from the deployed rules (bold)."},
        {"alert rows", "kvt::model::ExplainText", "%n final alert row(s).", "# final alert row.",
            "# final alert rows."},
    };
    for (const Case &c : cases)
        for (const int n : {0, 1, 2, 21})
            QTest::addRow("%s, %d", c.name, n)
                << QString::fromUtf8(c.context) << QString::fromUtf8(c.source) << n
                << QString::fromUtf8(n == 1 ? c.one : c.many).replace(QLatin1Char('#'), QString::number(n));
}

void TestPlurals::translated()
{
    QFETCH(QString, context);
    QFETCH(QString, source);
    QFETCH(int, n);
    QFETCH(QString, expected);
    const QByteArray c = context.toUtf8();
    const QByteArray s = source.toUtf8();
    QCOMPARE(QCoreApplication::translate(c.constData(), s.constData(), nullptr, n), expected);
}

void TestPlurals::binLabels_data()
{
    QTest::addColumn<qint64>("step");
    QTest::addColumn<QString>("expected");
    QTest::newRow("1 day") << qint64(kvt::engine::kTicksPerDay) << QStringLiteral("day");
    QTest::newRow("2 days") << qint64(2 * kvt::engine::kTicksPerDay) << QStringLiteral("2 days");
    QTest::newRow("21 days") << qint64(21 * kvt::engine::kTicksPerDay) << QStringLiteral("21 days");
    QTest::newRow("2 hours") << qint64(2 * kvt::engine::kTicksPerHour) << QStringLiteral("2 hours");
    QTest::newRow("1 minute") << qint64(kvt::engine::kTicksPerMinute) << QStringLiteral("1 minute");
    QTest::newRow("21 minutes") << qint64(21 * kvt::engine::kTicksPerMinute) << QStringLiteral("21 minutes");
}

void TestPlurals::binLabels()
{
    QFETCH(qint64, step);
    QFETCH(QString, expected);
    QCOMPARE(kvt::model::binLabel(step), expected);
}

QTEST_GUILESS_MAIN(TestPlurals)
#include "tst_plurals.moc"
