// SPDX-License-Identifier: MIT
#include <QAbstractItemModelTester>
#include <QtTest>

#include "model/loaded_files_model.h"

using namespace kvt;
using Column = model::LoadedFilesModel::Column;

class TestLoadedFilesModel : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void filesAndTheirFields();
};

void TestLoadedFilesModel::filesAndTheirFields()
{
    model::LoadedFilesModel m;
    QAbstractItemModelTester tester(&m, QAbstractItemModelTester::FailureReportingMode::QtTest);
    engine::FileReport csv;
    csv.path = "/exports/sentinel.csv";
    csv.format = "csv";
    csv.records = 1200;
    csv.rejected = 2;
    csv.columns = {{"TimeGenerated [UTC]", "TimeGenerated"}, {"CallerIPAddress", "CallerIPAddress"}, {"TenantId", ""}};
    engine::FileReport raw;
    raw.path = "/blobs/PT1H.json.gz";
    raw.format = "azure-diagnostics-json";
    raw.layout = "json-lines";
    raw.compressed = true;
    raw.records = 7;
    raw.columns = {{"callerIpAddress", "CallerIPAddress"}};
    engine::FileReport unreadable;
    unreadable.path = "/exports/README.md";
    unreadable.format = "unknown";
    unreadable.error = "not a recognised Key Vault export";
    m.setReports({csv, raw, unreadable});

    QCOMPARE(m.rowCount(), 3);
    const QModelIndex first = m.index(0, 0);
    QCOMPARE(m.data(first).toString(), QStringLiteral("sentinel.csv"));
    QCOMPARE(m.data(first, Qt::ToolTipRole).toString(), QStringLiteral("/exports/sentinel.csv"));
    QCOMPARE(m.data(m.index(0, int(Column::Records))).toULongLong(), 1200ULL);
    QCOMPARE(m.data(m.index(0, int(Column::Rejected))).toULongLong(), 2ULL);
    QCOMPARE(m.data(m.index(1, int(Column::Format))).toString(),
        QStringLiteral("azure-diagnostics-json (json-lines), gzip"));
    QCOMPARE(m.data(m.index(2, int(Column::Format)), Qt::ToolTipRole).toString(),
        QStringLiteral("not a recognised Key Vault export"));

    // Under each file, its own field names and what they fill.
    QCOMPARE(m.rowCount(first), 3);
    QCOMPARE(m.data(m.index(0, 0, first)).toString(), QStringLiteral("TimeGenerated [UTC]"));
    QCOMPARE(m.data(m.index(0, int(Column::Format), first)).toString(), QStringLiteral("TimeGenerated"));
    QCOMPARE(m.data(m.index(2, int(Column::Format), first)).toString(), QStringLiteral("(not used)"));
    QCOMPARE(m.parent(m.index(2, 1, first)), first);
    QCOMPARE(m.rowCount(m.index(1, 0)), 1);
    QCOMPARE(m.rowCount(m.index(2, 0)), 0);
    QCOMPARE(m.rowCount(m.index(0, 0, first)), 0);

    m.setReports({});
    QCOMPARE(m.rowCount(), 0);
}

QTEST_GUILESS_MAIN(TestLoadedFilesModel)
#include "tst_loaded_files_model.moc"
