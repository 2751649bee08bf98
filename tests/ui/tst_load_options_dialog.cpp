// SPDX-License-Identifier: MIT
#include <QComboBox>
#include <QDialogButtonBox>
#include <QLineEdit>
#include <QPushButton>
#include <QtTest>

#include "ui/load_options_dialog.h"

using namespace kvt;

class TestLoadOptionsDialog : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void offsetValidation_data();
    void offsetValidation();
    void optionsRoundTrip();
};

void TestLoadOptionsDialog::offsetValidation_data()
{
    QTest::addColumn<QString>("offset");
    QTest::addColumn<bool>("accepted");
    QTest::addColumn<qint64>("ticks");
    QTest::newRow("empty: read as UTC") << QString() << true << qint64(0);
    QTest::newRow("+02:00") << QStringLiteral("+02:00") << true << qint64(2 * engine::kTicksPerHour);
    QTest::newRow("-05:30") << QStringLiteral("-05:30") << true
                            << qint64(-(5 * engine::kTicksPerHour + 30 * engine::kTicksPerMinute));
    QTest::newRow("no sign") << QStringLiteral("02:00") << false << qint64(0);
    QTest::newRow("no minutes") << QStringLiteral("+2") << false << qint64(0);
    QTest::newRow("minutes out of range") << QStringLiteral("+02:75") << false << qint64(0);
}

void TestLoadOptionsDialog::offsetValidation()
{
    QFETCH(QString, offset);
    QFETCH(bool, accepted);
    QFETCH(qint64, ticks);
    ui::LoadOptionsDialog dialog({}, false);
    dialog.offsetEdit()->setText(offset);
    QCOMPARE(dialog.buttons()->button(QDialogButtonBox::Ok)->isEnabled(), accepted);
    if (accepted) {
        QCOMPARE(dialog.options().csv.localOffsetGiven, !offset.isEmpty());
        QCOMPARE(dialog.options().csv.localTimeOffset, ticks);
    }
}

void TestLoadOptionsDialog::optionsRoundTrip()
{
    engine::LoadOptions given;
    given.forcedFormat = engine::InputFormat::CsvHeaderless;
    given.csv.columns = {"TimeGenerated", "OperationName", "CallerIPAddress"};
    given.csv.localTimeOffset = -3 * engine::kTicksPerHour;
    given.csv.localOffsetGiven = true;
    ui::LoadOptionsDialog dialog(given, true);
    QCOMPARE(dialog.buttons()->button(QDialogButtonBox::Ok)->text(), QStringLiteral("Reload"));
    QCOMPARE(dialog.offsetEdit()->text(), QStringLiteral("-03:00"));
    QCOMPARE(dialog.columnsEdit()->text(), QStringLiteral("TimeGenerated,OperationName,CallerIPAddress"));
    const engine::LoadOptions back = dialog.options();
    QCOMPARE(back.forcedFormat, given.forcedFormat);
    QCOMPARE(back.csv.columns, given.csv.columns);
    QCOMPARE(back.csv.localTimeOffset, given.csv.localTimeOffset);

    dialog.formatBox()->setCurrentIndex(0); // detect from content
    dialog.columnsEdit()->clear();
    QVERIFY(!dialog.options().forcedFormat);
    QVERIFY(dialog.options().csv.columns.empty());
}

QTEST_MAIN(TestLoadOptionsDialog)
#include "tst_load_options_dialog.moc"
