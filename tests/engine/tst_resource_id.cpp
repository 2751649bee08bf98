// SPDX-License-Identifier: MIT
#include <QtTest>

#include "engine/ingest/resource_id.h"

using namespace kvt::engine;

class TestResourceId : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void parse_data();
    void parse();
};

void TestResourceId::parse_data()
{
    QTest::addColumn<QString>("id");
    QTest::addColumn<QStringList>("parts"); // subscription, group, provider, type, resource
    QTest::newRow("upper-case vault") << "/SUBSCRIPTIONS/S1/RESOURCEGROUPS/RG/PROVIDERS/MICROSOFT.KEYVAULT/VAULTS/KV1"
                                      << QStringList {"S1", "RG", "MICROSOFT.KEYVAULT", "VAULTS", "KV1"};
    QTest::newRow("lower-case _ResourceId")
        << "/subscriptions/s1/resourcegroups/rg/providers/microsoft.keyvault/vaults/kv1"
        << QStringList {"S1", "RG", "MICROSOFT.KEYVAULT", "VAULTS", "KV1"};
    QTest::newRow("managed hsm") << "/SUBSCRIPTIONS/S1/RESOURCEGROUPS/RG/PROVIDERS/MICROSOFT.KEYVAULT/MANAGEDHSMS/HSM1"
                                 << QStringList {"S1", "RG", "MICROSOFT.KEYVAULT", "MANAGEDHSMS", "HSM1"};
    QTest::newRow("nested type") << "/SUBSCRIPTIONS/S1/RESOURCEGROUPS/RG/PROVIDERS/NS/TYPEA/A/TYPEB/B"
                                 << QStringList {"S1", "RG", "NS", "TYPEB", "B"};
    QTest::newRow("empty") << "" << QStringList {"", "", "", "", ""};
    QTest::newRow("no provider") << "/SUBSCRIPTIONS/S1" << QStringList {"S1", "", "", "", ""};
}

void TestResourceId::parse()
{
    QFETCH(QString, id);
    QFETCH(QStringList, parts);
    const ResourceParts p = parseResourceId(id.toStdString());
    QCOMPARE(QString::fromStdString(p.subscriptionId), parts[0]);
    QCOMPARE(QString::fromStdString(p.resourceGroup), parts[1]);
    QCOMPARE(QString::fromStdString(p.resourceProvider), parts[2]);
    QCOMPARE(QString::fromStdString(p.resourceType), parts[3]);
    QCOMPARE(QString::fromStdString(p.resource), parts[4]);
}

QTEST_APPLESS_MAIN(TestResourceId)
#include "tst_resource_id.moc"
