// SPDX-License-Identifier: MIT
#include <QAbstractItemModelTester>
#include <QtTest>

#include "engine/ingest/loader.h"
#include "model/import_issues_model.h"
#include "model/issue_words.h"

using namespace kvt;

class TestImportIssuesModel : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void rows();
    void guiWordsNameNoCommandLineFlag_data();
    void guiWordsNameNoCommandLineFlag();
};

void TestImportIssuesModel::rows()
{
    model::ImportIssuesModel m;
    QAbstractItemModelTester tester(&m, QAbstractItemModelTester::FailureReportingMode::QtTest);
    engine::FileReport bad;
    bad.path = "a.json";
    bad.error = "a.json: not a recognised Key Vault export";
    bad.errorCode = engine::IssueCode::UnrecognisedFormat;
    engine::FileReport partial;
    partial.path = "b.json";
    partial.rejected = 3;
    partial.issues = {{"b.json", 17, 5, "missing comma", 812, engine::IssueCode::InvalidJson, engine::Severity::Error}};
    m.setReports({bad, partial});
    QCOMPARE(m.rowCount(), 3); // file error, one listed issue, "2 more not listed"
    QCOMPARE(m.rejectedRecords(), quint64(3));
    QCOMPARE(m.data(m.index(1, int(model::ImportIssuesModel::Column::Line))).toULongLong(), 17ULL);
    QCOMPARE(m.data(m.index(1, int(model::ImportIssuesModel::Column::Column))).toULongLong(), 5ULL);
    QVERIFY(m.data(m.index(2, int(model::ImportIssuesModel::Column::Message)))
                .toString()
                .contains(QStringLiteral("2 more")));
    QVERIFY(!m.data(m.index(0, int(model::ImportIssuesModel::Column::Line))).isValid());
    QCOMPARE(m.data(m.index(1, int(model::ImportIssuesModel::Column::Message))).toString(),
        QStringLiteral("Invalid JSON: missing comma"));
    QCOMPARE(m.data(m.index(1, 0), model::ImportIssuesModel::CodeRole).toInt(), int(engine::IssueCode::InvalidJson));
    QCOMPARE(m.data(m.index(1, int(model::ImportIssuesModel::Column::Severity))).toString(), QStringLiteral("Error"));
    QVERIFY(m.data(m.index(1, 0), Qt::ToolTipRole).toString().contains(QStringLiteral("byte 812")));
    QVERIFY(m.data(m.index(0, int(model::ImportIssuesModel::Column::Message)))
                .toString()
                .startsWith(QStringLiteral("Not a Key Vault audit export kvtriage knows: not a recognised")));
    m.setReports({});
    QCOMPARE(m.rowCount(), 0);
}

void TestImportIssuesModel::guiWordsNameNoCommandLineFlag_data()
{
    QTest::addColumn<QByteArray>("content");
    QTest::addColumn<int>("code");
    QTest::newRow("headerless CSV without names")
        << QByteArray("2026-11-01T00:00:00Z,SecretGet,203.0.113.7\n") << int(engine::IssueCode::CsvColumnsNeeded);
    QTest::newRow("portal CSV in local time")
        << QByteArray("\"TimeGenerated [Local Time]\",OperationName,CallerIPAddress,ResultType\n"
                      "\"11/1/2026, 1:00:00.000 AM\",SecretGet,203.0.113.7,Success\n")
        << int(engine::IssueCode::LocalTimeAsUtc);
}

void TestImportIssuesModel::guiWordsNameNoCommandLineFlag()
{
    // What the engine really says, shown to a GUI user: never a command-line flag (issue 10).
    QFETCH(QByteArray, content);
    QFETCH(int, code);
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("export.csv"));
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write(content);
    file.close();
    engine::LoadOptions options;
    if (code == int(engine::IssueCode::CsvColumnsNeeded))
        options.forcedFormat = engine::InputFormat::CsvHeaderless;
    const auto load = engine::loadInputs({path.toStdString()}, options);
    model::ImportIssuesModel m;
    QAbstractItemModelTester tester(&m, QAbstractItemModelTester::FailureReportingMode::QtTest);
    m.setReports(load.files);
    QVERIFY(m.rowCount() > 0);
    bool found = false;
    for (int r = 0; r < m.rowCount(); ++r) {
        const QString text = m.data(m.index(r, int(model::ImportIssuesModel::Column::Message))).toString();
        QVERIFY2(!text.contains(QStringLiteral("--")), qPrintable(text));
        found = found || m.data(m.index(r, 0), model::ImportIssuesModel::CodeRole).toInt() == code;
    }
    QVERIFY(found);
}

QTEST_GUILESS_MAIN(TestImportIssuesModel)
#include "tst_import_issues_model.moc"
