// SPDX-License-Identifier: MIT
// The words for the issue codes: every code has a stable, unique machine name and an English title,
// and each code's severity is the one its kind implies.
#include <QtTest>

#include <set>

#include "engine/report/issue_text.h"

using namespace kvt::engine;

Q_DECLARE_METATYPE(kvt::engine::IssueCode)
Q_DECLARE_METATYPE(kvt::engine::Severity)

class TestIssueText : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void everyCodeHasWords_data();
    void everyCodeHasWords();
    void namesAreUnique();
    void severities_data();
    void severities();
};

void TestIssueText::everyCodeHasWords_data()
{
    QTest::addColumn<IssueCode>("code");
    for (std::size_t i = 0; i < kIssueCodeCount; ++i) {
        const auto code = static_cast<IssueCode>(i);
        QTest::newRow(issueCodeName(code).data()) << code;
    }
}

void TestIssueText::everyCodeHasWords()
{
    QFETCH(IssueCode, code);
    const std::string_view name = issueCodeName(code);
    QVERIFY(!name.empty());
    for (const char c : name)
        QVERIFY2((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-', name.data()); // kebab-case
    QCOMPARE(issueCodeByName(name), std::optional {code});
    const std::string_view title = issueCodeTitle(code);
    QVERIFY(!title.empty());
    QVERIFY(title.front() >= 'A' && title.front() <= 'Z');
    QVERIFY(title.back() != '.');
}

void TestIssueText::namesAreUnique()
{
    std::set<std::string_view> names, titles;
    for (std::size_t i = 0; i < kIssueCodeCount; ++i) {
        names.insert(issueCodeName(static_cast<IssueCode>(i)));
        titles.insert(issueCodeTitle(static_cast<IssueCode>(i)));
    }
    QCOMPARE(names.size(), kIssueCodeCount);
    QCOMPARE(titles.size(), kIssueCodeCount);
    QCOMPARE(issueCodeByName("no-such-code"), std::optional<IssueCode> {});
}

// A record or file that cannot be read is an Error, a file read in part a Warning, a notice a Note.
void TestIssueText::severities_data()
{
    QTest::addColumn<IssueCode>("code");
    QTest::addColumn<Severity>("severity");
    QTest::addColumn<QString>("name");
    QTest::newRow("rejected record") << IssueCode::InvalidJson << Severity::Error << "error";
    QTest::newRow("unreadable file") << IssueCode::FileNotFound << Severity::Error << "error";
    QTest::newRow("cut-short document") << IssueCode::DocumentCutShort << Severity::Error << "error";
    QTest::newRow("gzip cut short") << IssueCode::GzipTruncated << Severity::Warning << "warning";
    QTest::newRow("gzip damaged") << IssueCode::GzipCorrupt << Severity::Warning << "warning";
    QTest::newRow("CSV local time") << IssueCode::LocalTimeAsUtc << Severity::Note << "note";
}

void TestIssueText::severities()
{
    QFETCH(IssueCode, code);
    QFETCH(Severity, severity);
    QFETCH(QString, name);
    QCOMPARE(severityOf(code), severity);
    QCOMPARE(QString::fromUtf8(severityName(severity)), name);
}

QTEST_APPLESS_MAIN(TestIssueText)
#include "tst_issue_text.moc"
