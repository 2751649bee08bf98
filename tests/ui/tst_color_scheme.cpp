// SPDX-License-Identifier: MIT
// View > Colours: dark and light palettes reach every widget, including those that draw their own
// colours (the chart's QtCharts theme), and "Follow the system" restores the start-up look.
#include <QApplication>
#include <QStyle>
#include <QtTest>

#include "ui/chart/time_series_chart.h"
#include "ui/color_scheme.h"

using namespace kvt;
using model::ColorScheme;

class TestColorScheme : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void schemesReachWidgetsAndSystemRestores();
};

void TestColorScheme::schemesReachWidgetsAndSystemRestores()
{
    const QString startStyle = QApplication::style()->name();
    const QColor startWindow = QApplication::palette().color(QPalette::Window);
    ui::TimeSeriesChart chart;
    chart.resize(400, 300);
    QCOMPARE(chart.isDark(), startWindow.lightness() < 128);

    ui::applyColorScheme(ColorScheme::Dark);
    QVERIFY(QApplication::palette().color(QPalette::Window).lightness() < 128);
    QVERIFY(QApplication::palette().color(QPalette::Text).lightness() > 128); // readable on it
    QCOMPARE(QApplication::style()->name().toLower(), QStringLiteral("fusion"));
    QTRY_VERIFY(chart.isDark());

    ui::applyColorScheme(ColorScheme::Light);
    QVERIFY(QApplication::palette().color(QPalette::Window).lightness() >= 128);
    QTRY_VERIFY(!chart.isDark());

    ui::applyColorScheme(ColorScheme::System);
    QCOMPARE(QApplication::style()->name(), startStyle);
    QCOMPARE(QApplication::palette().color(QPalette::Window), startWindow);
    QCOMPARE(ui::colorSchemePalette(ColorScheme::System).color(QPalette::Window), startWindow);
}

QTEST_MAIN(TestColorScheme)
#include "tst_color_scheme.moc"
