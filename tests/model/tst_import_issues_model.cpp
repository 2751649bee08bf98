// SPDX-License-Identifier: MIT
#include <QAbstractItemModelTester>
#include <QtTest>

#include "model/import_issues_model.h"

using namespace kvt;

class TestImportIssuesModel : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void rows();
};

void TestImportIssuesModel::rows()
{
    model::ImportIssuesModel m;
    QAbstractItemModelTester tester(&m, QAbstractItemModelTester::FailureReportingMode::QtTest);
    engine::FileReport bad;
    bad.path = "a.json";
    bad.error = "a.json: not a recognised Key Vault export";
    engine::FileReport partial;
    partial.path = "b.json";
    partial.rejected = 3;
    partial.issues = {{"b.json", 17, 5, "invalid JSON"}};
    m.setReports({bad, partial});
    QCOMPARE(m.rowCount(), 3); // file error, one listed issue, "2 more not listed"
    QCOMPARE(m.rejectedRecords(), quint64(3));
    QCOMPARE(m.data(m.index(1, int(model::ImportIssuesModel::Column::Line))).toULongLong(), 17ULL);
    QCOMPARE(m.data(m.index(1, int(model::ImportIssuesModel::Column::Column))).toULongLong(), 5ULL);
    QVERIFY(m.data(m.index(2, int(model::ImportIssuesModel::Column::Message)))
                .toString()
                .contains(QStringLiteral("2 more")));
    QVERIFY(!m.data(m.index(0, int(model::ImportIssuesModel::Column::Line))).isValid());
    m.setReports({});
    QCOMPARE(m.rowCount(), 0);
}

QTEST_GUILESS_MAIN(TestImportIssuesModel)
#include "tst_import_issues_model.moc"
