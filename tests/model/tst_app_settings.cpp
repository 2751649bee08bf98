// SPDX-License-Identifier: MIT
#include <QTemporaryDir>
#include <QtTest>

#include "engine/rules/rule_parameters.h"
#include "model/app_settings.h"
#include "model/params_file.h"

using namespace kvt;

class TestAppSettings : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void recentFiles();
    void colorScheme_data();
    void colorScheme();
    void parametersRoundTrip();
    void paramsFiles_data();
    void paramsFiles();
};

void TestAppSettings::recentFiles()
{
    QTemporaryDir dir;
    QSettings store(dir.filePath(QStringLiteral("s.ini")), QSettings::IniFormat);
    model::AppSettings settings(store);
    QSignalSpy changed(&settings, &model::AppSettings::recentFilesChanged);
    for (int i = 0; i < 12; ++i)
        settings.addRecentFiles({QStringLiteral("/f%1").arg(i)});
    settings.addRecentFiles({QStringLiteral("/f3")}); // again: moves to the front, no duplicate
    const QStringList recent = settings.recentFiles();
    QCOMPARE(recent.size(), model::AppSettings::kMaxRecentFiles);
    QCOMPARE(recent.first(), QStringLiteral("/f3"));
    QCOMPARE(recent.count(QStringLiteral("/f3")), 1);
    QCOMPARE(recent.at(1), QStringLiteral("/f11"));
    QCOMPARE(changed.count(), 13);
    settings.clearRecentFiles();
    QVERIFY(settings.recentFiles().isEmpty());
}

void TestAppSettings::colorScheme_data()
{
    QTest::addColumn<QString>("stored");
    QTest::addColumn<int>("expected");
    QTest::newRow("unset") << QString() << int(model::ColorScheme::System);
    QTest::newRow("system") << QStringLiteral("system") << int(model::ColorScheme::System);
    QTest::newRow("light") << QStringLiteral("light") << int(model::ColorScheme::Light);
    QTest::newRow("dark") << QStringLiteral("dark") << int(model::ColorScheme::Dark);
    QTest::newRow("unknown falls back") << QStringLiteral("Dark") << int(model::ColorScheme::System);
}

void TestAppSettings::colorScheme()
{
    QFETCH(QString, stored);
    QFETCH(int, expected);
    QTemporaryDir dir;
    QSettings store(dir.filePath(QStringLiteral("s.ini")), QSettings::IniFormat);
    if (!stored.isNull())
        store.setValue(QStringLiteral("ui/colorScheme"), stored);
    model::AppSettings settings(store);
    QCOMPARE(int(settings.colorScheme()), expected);
    settings.setColorScheme(model::ColorScheme::Dark);
    QCOMPARE(settings.colorScheme(), model::ColorScheme::Dark);
    QCOMPARE(model::colorSchemeFromName(model::colorSchemeName(model::ColorScheme::Light)), model::ColorScheme::Light);
}

void TestAppSettings::parametersRoundTrip()
{
    QTemporaryDir dir;
    QSettings store(dir.filePath(QStringLiteral("s.ini")), QSettings::IniFormat);
    model::AppSettings settings(store);
    engine::SentinelParams s;
    engine::ElasticBurstParams b;
    QVERIFY(!settings.restoreParameters(s, b)); // nothing saved yet

    s.scoreThreshold = 2.25;
    s.allowAppIds.clear();
    s.drilldown = engine::Drilldown::FullBin;
    s.now = engine::kTicksPerDay * 20000; // belongs to the data: not kept
    b.minActions = 7;
    settings.saveParameters(s, b);
    engine::SentinelParams s2;
    engine::ElasticBurstParams b2;
    QVERIFY(settings.restoreParameters(s2, b2));
    QVERIFY(!s2.now.has_value());
    s2.now = s.now;
    QVERIFY(!engine::changeLevel(s, s2));
    QVERIFY(!engine::changeLevel(b, b2));

    store.setValue(QStringLiteral("detector/sentinel"), QByteArray("{\"score-threshold\": \"high\"}"));
    engine::SentinelParams s3;
    QVERIFY(!settings.restoreParameters(s3, b2)); // no longer valid: defaults stand, nothing half-applied
    QCOMPARE(s3.scoreThreshold, engine::SentinelParams {}.scoreThreshold);
}

void TestAppSettings::paramsFiles_data()
{
    QTest::addColumn<QByteArray>("json");
    QTest::addColumn<QString>("error"); // a part of the message, or empty for success
    QTest::newRow("sentinel") << QByteArray(R"({"score-threshold": 2.5, "allow-appid": []})") << QString();
    QTest::newRow("elastic") << QByteArray(R"({"rule": "elastic-burst", "min-actions": 3})") << QString();
    QTest::newRow("unknown key") << QByteArray(R"({"scorethreshold": 2})") << QStringLiteral("scorethreshold");
    QTest::newRow("bad value") << QByteArray(R"({"lookback-days": 0})") << QStringLiteral("lookback-days");
    QTest::newRow("not an object") << QByteArray("[1,2]") << QStringLiteral("not a JSON object");
}

void TestAppSettings::paramsFiles()
{
    QFETCH(QByteArray, json);
    QFETCH(QString, error);
    engine::SentinelParams s;
    engine::ElasticBurstParams b;
    const QString message = model::readParamsJson(json, QStringLiteral("p.json"), s, b);
    if (!error.isEmpty()) {
        QVERIFY2(message.contains(error), qPrintable(message));
        QVERIFY(message.startsWith(QStringLiteral("p.json: ")));
        QVERIFY(!engine::changeLevel(s, engine::SentinelParams {})); // nothing changed
        return;
    }
    QVERIFY2(message.isEmpty(), qPrintable(message));
    QVERIFY(engine::changeLevel(s, engine::SentinelParams {}) || engine::changeLevel(b, engine::ElasticBurstParams {}));
    // What is written reads back to the same parameters.
    engine::SentinelParams s2;
    engine::ElasticBurstParams b2;
    QVERIFY(model::readParamsJson(model::sentinelParamsJson(s), {}, s2, b2).isEmpty());
    QVERIFY(model::readParamsJson(model::burstParamsJson(b), {}, s2, b2).isEmpty());
    QVERIFY(!engine::changeLevel(s, s2));
    QVERIFY(!engine::changeLevel(b, b2));
}

QTEST_GUILESS_MAIN(TestAppSettings)
#include "tst_app_settings.moc"
