// SPDX-License-Identifier: MIT
// The rules' parameter tables: every row reads its default and its own formatted text back, rejects
// what is out of range with a message naming the option, and the echo and changeLevel follow the rows.
#include <QtTest>

#include <nlohmann/json.hpp>

#include "engine/report/json_writer.h"
#include "engine/report/params_json.h"
#include "engine/rules/rule_parameters.h"

using namespace kvt::engine;

Q_DECLARE_METATYPE(std::string)

namespace {

template <typename P> const ParamSpec<P> &row(const std::vector<ParamSpec<P>> &table, const std::string &option)
{
    for (const auto &r : table)
        if (r.option == option)
            return r;
    qFatal("no row %s", option.c_str());
}

template <typename P> void addRows(const std::vector<ParamSpec<P>> &table, const char *rule)
{
    for (const auto &r : table)
        QTest::newRow((std::string(rule) + ":" + r.option).c_str()) << QString::fromLatin1(rule) << r.option;
}

template <typename P> void checkDefault(const ParamSpec<P> &r)
{
    P params;
    const P defaults;
    QVERIFY(!r.help.empty());
    QVERIFY(!r.ruleName.empty());
    QVERIFY(r.invalidation == Invalidation::Rescore);
    const std::vector<std::string> texts {r.defaultText};
    const std::string error = r.parse(params, texts);
    QVERIFY2(error.empty(), error.c_str());
    QVERIFY(r.value(params) == r.value(defaults));
    QCOMPARE(formatParam(r, params), r.defaultText);
    if (r.type == ParamType::Choice)
        QVERIFY(std::find(r.choices.begin(), r.choices.end(), r.defaultText) != r.choices.end());
}

// parse(text), format, parse again: the same value, and format is stable.
template <typename P> void checkRoundTrip(const ParamSpec<P> &r, const std::string &text)
{
    P params;
    const P defaults;
    const std::vector<std::string> texts {text};
    QVERIFY(r.parse(params, texts).empty());
    QVERIFY(!(r.value(params) == r.value(defaults)));
    const std::string formatted = formatParam(r, params);
    P again;
    const std::vector<std::string> back {formatted};
    QVERIFY2(r.parse(again, back).empty(), formatted.c_str());
    QVERIFY(r.value(again) == r.value(params));
    QCOMPARE(formatParam(r, again), formatted);
}

template <typename P> void checkRejected(const ParamSpec<P> &r, const std::string &text, const QString &message)
{
    P params;
    const P before;
    const std::vector<std::string> texts {text};
    const QString error = QString::fromStdString(r.parse(params, texts));
    QVERIFY2(error.startsWith(message), qPrintable(error));
    QVERIFY(r.value(params) == r.value(before)); // a rejected value leaves the parameters alone
}

bool isSentinel(const QString &rule)
{
    return rule == QLatin1String("sentinel");
}

} // namespace

class TestRuleParameters : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void defaults_data();
    void defaults();
    void roundTrip_data();
    void roundTrip();
    void rejected_data();
    void rejected();
    void repeatableList();
    void changeLevelFollowsRows_data();
    void changeLevelFollowsRows();
    void echoKeysAreTheTable();
    void presetSetsItsDefaults();
    void readParamsReadsTheEcho();
    void readParamsErrors_data();
    void readParamsErrors();
    void formatDurationTexts_data();
    void formatDurationTexts();
};

void TestRuleParameters::defaults_data()
{
    QTest::addColumn<QString>("rule");
    QTest::addColumn<std::string>("option");
    addRows(sentinelParameters(), "sentinel");
    addRows(elasticBurstParameters(), "elastic");
}

// The default text parses, and gives the struct's default value: the table and the struct agree.
void TestRuleParameters::defaults()
{
    QFETCH(QString, rule);
    QFETCH(std::string, option);
    if (isSentinel(rule))
        checkDefault(row(sentinelParameters(), option));
    else
        checkDefault(row(elasticBurstParameters(), option));
}

void TestRuleParameters::roundTrip_data()
{
    QTest::addColumn<QString>("rule");
    QTest::addColumn<std::string>("option");
    QTest::addColumn<std::string>("text");
    QTest::newRow("now") << "sentinel" << std::string("now") << std::string("2026-11-23T05:00Z");
    QTest::newRow("lookback-days") << "sentinel" << std::string("lookback-days") << std::string("3650");
    QTest::newRow("bin 1h") << "sentinel" << std::string("bin") << std::string("1h");
    QTest::newRow("bin 90s") << "sentinel" << std::string("bin") << std::string("90s");
    QTest::newRow("bin 1.5h") << "sentinel" << std::string("bin") << std::string("1.5h");
    QTest::newRow("score 0.1") << "sentinel" << std::string("score-threshold") << std::string("0.1");
    QTest::newRow("score 2.5") << "sentinel" << std::string("score-threshold") << std::string("2.5");
    QTest::newRow("baseline") << "sentinel" << std::string("baseline-threshold") << std::string("1e-07");
    QTest::newRow("allow none") << "sentinel" << std::string("allow-appid") << std::string("none");
    QTest::newRow("allow two") << "sentinel" << std::string("allow-appid") << std::string("a,b");
    QTest::newRow("operations") << "sentinel" << std::string("operations") << std::string("SecretList");
    QTest::newRow("seasonality") << "sentinel" << std::string("seasonality") << std::string("7");
    QTest::newRow("trend") << "sentinel" << std::string("trend") << std::string("none");
    QTest::newRow("method") << "sentinel" << std::string("method") << std::string("tukey");
    QTest::newRow("series-key") << "sentinel" << std::string("series-key") << std::string("Resource");
    QTest::newRow("drilldown") << "sentinel" << std::string("drilldown") << std::string("full-bin");
    QTest::newRow("claim-backfill") << "sentinel" << std::string("claim-backfill") << std::string("true");
    QTest::newRow("window") << "elastic" << std::string("window") << std::string("5m");
    QTest::newRow("min-actions") << "elastic" << std::string("min-actions") << std::string("10");
    QTest::newRow("group-by") << "elastic" << std::string("group-by") << std::string("ip");
    QTest::newRow("sliding") << "elastic" << std::string("sliding") << std::string("true");
    QTest::newRow("preset") << "elastic" << std::string("preset") << std::string("published");
}

void TestRuleParameters::roundTrip()
{
    QFETCH(QString, rule);
    QFETCH(std::string, option);
    QFETCH(std::string, text);
    if (isSentinel(rule))
        checkRoundTrip(row(sentinelParameters(), option), text);
    else
        checkRoundTrip(row(elasticBurstParameters(), option), text);
}

void TestRuleParameters::rejected_data()
{
    QTest::addColumn<QString>("rule");
    QTest::addColumn<std::string>("option");
    QTest::addColumn<std::string>("text");
    QTest::addColumn<QString>("message");
    QTest::newRow("lookback 0") << "sentinel" << std::string("lookback-days") << std::string("0")
                                << "--lookback-days: 0 is outside 1..3650";
    QTest::newRow("lookback text") << "sentinel" << std::string("lookback-days") << std::string("two")
                                   << "--lookback-days: 'two' is not an integer";
    QTest::newRow("seasonality -2") << "sentinel" << std::string("seasonality") << std::string("-2")
                                    << "--seasonality: -2 is outside -1..1048576";
    QTest::newRow("bin 0") << "sentinel" << std::string("bin") << std::string("0s") << "--bin: '0s' is not a duration";
    QTest::newRow("bin word") << "sentinel" << std::string("bin") << std::string("fortnight") << "--bin: 'fortnight'";
    QTest::newRow("score inf") << "sentinel" << std::string("score-threshold") << std::string("inf")
                               << "--score-threshold: 'inf' is not a number";
    QTest::newRow("now") << "sentinel" << std::string("now") << std::string("yesterday") << "--now: 'yesterday'";
    QTest::newRow("score negative") << "sentinel" << std::string("score-threshold") << std::string("-1")
                                    << "--score-threshold: -1 is below 0";
    QTest::newRow("trend") << "sentinel" << std::string("trend") << std::string("cubic")
                           << "--trend: 'cubic' is not linefit, avg or none";
    QTest::newRow("operations empty") << "sentinel" << std::string("operations") << std::string(",")
                                      << "--operations: give at least one";
    QTest::newRow("flag") << "sentinel" << std::string("claim-backfill") << std::string("maybe")
                          << "--claim-backfill: 'maybe'";
    QTest::newRow("min-actions 0") << "elastic" << std::string("min-actions") << std::string("0")
                                   << "--min-actions: 0 is outside 1..";
    QTest::newRow("group-by") << "elastic" << std::string("group-by") << std::string("tenant")
                              << "--group-by: 'tenant' is not upn, appid, oid or ip";
}

void TestRuleParameters::rejected()
{
    QFETCH(QString, rule);
    QFETCH(std::string, option);
    QFETCH(std::string, text);
    QFETCH(QString, message);
    if (isSentinel(rule))
        checkRejected(row(sentinelParameters(), option), text, message);
    else
        checkRejected(row(elasticBurstParameters(), option), text, message);
}

void TestRuleParameters::repeatableList()
{
    SentinelParams p;
    const std::vector<std::string> texts {"a", "b,c"};
    QVERIFY(applyParam(p, "allow-appid", texts).empty());
    QCOMPARE(p.allowAppIds, (std::vector<std::string> {"a", "b", "c"}));
    const std::vector<std::string> cleared {"x", "none"};
    QVERIFY(applyParam(p, "allow-appid", cleared).empty());
    QCOMPARE(p.allowAppIds, std::vector<std::string> {"x"});
    QCOMPARE(formatParam(row(sentinelParameters(), "allow-appid"), SentinelParams {}),
        std::string(kResourceGraphAppIdDefault));
    const std::vector<std::string> last {"KeyGet", "SecretGet,SecretList"};
    QVERIFY(applyParam(p, "operations", last).empty()); // not repeatable: the last occurrence wins
    QCOMPARE(p.operations, (std::vector<std::string> {"SecretGet", "SecretList"}));
    QVERIFY(QString::fromStdString(applyParam(p, "bogus", last)).contains(QLatin1String("bogus")));
}

void TestRuleParameters::changeLevelFollowsRows_data()
{
    QTest::addColumn<std::string>("option");
    for (const auto &r : sentinelParameters())
        QTest::newRow(r.option.c_str()) << r.option;
}

void TestRuleParameters::changeLevelFollowsRows()
{
    QFETCH(std::string, option);
    const SentinelParams a;
    QVERIFY(!changeLevel(a, a));
    SentinelParams b;
    const auto &r = row(sentinelParameters(), option);
    // A value other than the default, of the row's own type.
    std::string text;
    switch (r.type) {
    case ParamType::Integer: text = "2"; break;
    case ParamType::Number: text = "4.5"; break;
    case ParamType::Duration: text = "3h"; break;
    case ParamType::DateTime: text = "2026-11-23"; break;
    case ParamType::Choice: text = r.choices.back(); break;
    case ParamType::TextList: text = "SecretList"; break;
    case ParamType::Flag: text = "true"; break;
    }
    const std::vector<std::string> texts {text};
    QVERIFY(r.parse(b, texts).empty());
    const auto level = changeLevel(a, b);
    QVERIFY(level.has_value());
    QVERIFY(*level == r.invalidation);
    QVERIFY(changeLevel(b, a) == level);
}

void TestRuleParameters::echoKeysAreTheTable()
{
    SentinelParams p;
    p.now = parseIsoDateTime("2026-11-23T00:05Z");
    JsonWriter w;
    writeParams(w, p);
    const auto j = nlohmann::ordered_json::parse(w.take());
    // Every row in table order, but the analyst's exclusions while they are empty (the deployed
    // rule's echo keeps its shape).
    std::vector<std::string> echoed;
    for (const auto &row : sentinelParameters())
        if (row.echoWhenDefault)
            echoed.push_back(row.option);
    QCOMPARE(j.size(), echoed.size());
    QCOMPARE(echoed.size(), sentinelParameters().size() - 2);
    std::size_t i = 0;
    for (const auto &[key, value] : j.items()) {
        Q_UNUSED(value);
        QCOMPARE(key, echoed[i++]);
    }
    QCOMPARE(j["score-threshold"].dump(), std::string("3.0"));
    QCOMPARE(j["lookback-days"].dump(), std::string("14"));
    QCOMPARE(j["claim-backfill"].dump(), std::string("false"));
    // The preset is echoed only when it is not the default (the proposed rule's echo is unchanged).
    JsonWriter e;
    writeParams(e, ElasticBurstParams {});
    const auto je = nlohmann::json::parse(e.take());
    QCOMPARE(je.size(), elasticBurstParameters().size() - 4); // the preset and three exclusion lists
    QVERIFY(!je.contains("preset"));
    JsonWriter pub;
    writeParams(pub, burstPresetParams(BurstPreset::Published));
    const auto jp = nlohmann::ordered_json::parse(pub.take());
    QCOMPARE(jp.begin().key(), std::string("preset"));
    QCOMPARE(jp["preset"].get<std::string>(), std::string("published"));
    QCOMPARE(jp["min-actions"].get<int>(), 10);
    QCOMPARE(je["operations"].size(), std::size_t {20});
    QCOMPARE(je["window"].get<std::string>(), std::string("1m"));
}

void TestRuleParameters::presetSetsItsDefaults()
{
    ElasticBurstParams p;
    const std::vector<std::string> published {"published"};
    QVERIFY(applyParam(p, "preset", published).empty());
    QVERIFY(p.preset == BurstPreset::Published);
    QCOMPARE(p.minActions, 10);
    QVERIFY(changeLevel(p, ElasticBurstParams {}) == Invalidation::Rescore);
    QVERIFY(row(elasticBurstParameters(), "preset").preset);
    QCOMPARE(elasticBurstParameters().front().option, std::string("preset")); // applied first
    const std::vector<std::string> proposed {"proposed"};
    QVERIFY(applyParam(p, "preset", proposed).empty());
    QCOMPARE(p.minActions, 5);
    QVERIFY(!changeLevel(p, ElasticBurstParams {}));
}

// A case file or a --params file holds the echo: reading it back gives the very parameters.
void TestRuleParameters::readParamsReadsTheEcho()
{
    SentinelParams p;
    p.now = parseIsoDateTime("2026-11-23T05:00Z");
    p.bin = kTicksPerHour;
    p.scoreThreshold = 0.1;
    p.allowAppIds.clear();
    p.operations = {"SecretGet", "SecretList"};
    p.seriesKey = SeriesKey::Resource;
    p.claimBackfill = true;
    JsonWriter w;
    writeParams(w, p);
    SentinelParams back;
    QVERIFY(readParams(nlohmann::json::parse(w.take()), back).empty());
    QVERIFY(!changeLevel(p, back));

    // Presets first, whatever the key order: the explicit value wins over the preset's.
    ElasticBurstParams e;
    QVERIFY(readParams(nlohmann::json::parse(R"({"min-actions": 3, "preset": "published", "rule": "x"})"), e).empty());
    QVERIFY(e.preset == BurstPreset::Published);
    QCOMPARE(e.minActions, 3);
    JsonWriter we;
    writeParams(we, e);
    ElasticBurstParams eb;
    QVERIFY(readParams(nlohmann::json::parse(we.take()), eb).empty());
    QVERIFY(!changeLevel(e, eb));
}

void TestRuleParameters::readParamsErrors_data()
{
    QTest::addColumn<QString>("json");
    QTest::addColumn<QString>("message");
    QTest::newRow("unknown key") << R"({"window": "1m"})"
                                 << "unknown key 'window'";
    QTest::newRow("range") << R"({"lookback-days": 0})"
                           << "--lookback-days: 0 is outside 1..3650";
    QTest::newRow("type") << R"({"score-threshold": "high"})"
                          << "--score-threshold: 'high' is not a number";
    QTest::newRow("empty list") << R"({"operations": []})"
                                << "--operations: give at least one";
    QTest::newRow("not an object") << "[]"
                                   << "the parameters are not a JSON object";
}

void TestRuleParameters::readParamsErrors()
{
    QFETCH(QString, json);
    QFETCH(QString, message);
    SentinelParams p;
    const QString error = QString::fromStdString(readParams(nlohmann::json::parse(json.toStdString()), p));
    QVERIFY2(error.startsWith(message), qPrintable(error));
}

void TestRuleParameters::formatDurationTexts_data()
{
    QTest::addColumn<std::string>("text");
    QTest::addColumn<std::string>("formatted");
    QTest::newRow("day") << std::string("1d") << std::string("1d");
    QTest::newRow("hours") << std::string("48h") << std::string("2d");
    QTest::newRow("minutes") << std::string("90m") << std::string("90m");
    QTest::newRow("seconds") << std::string("45s") << std::string("45.0s");
    QTest::newRow("fraction") << std::string("0.5s") << std::string("0.5s");
}

void TestRuleParameters::formatDurationTexts()
{
    QFETCH(std::string, text);
    QFETCH(std::string, formatted);
    QCOMPARE(formatDuration(*parseDuration(text)), formatted);
    QCOMPARE(*parseDuration(formatted), *parseDuration(text));
}

QTEST_APPLESS_MAIN(TestRuleParameters)
#include "tst_rule_parameters.moc"
