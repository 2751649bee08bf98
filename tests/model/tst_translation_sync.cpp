// SPDX-License-Identifier: MIT
// resources/translations/kvtriage_en.ts does not drift from the sources: every %n string of model/
// and ui/ has finished English forms there, and the file holds nothing the sources no longer say.
// lupdate extracts the strings as `update_translations` would; a plain scan of the sources' literals
// then catches a %n string lupdate cannot see (a tr() helper, a cast inside translate()).
#include <QtTest>

#include <QDirIterator>
#include <QProcess>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QXmlStreamReader>

namespace {

struct TsMessage {
    QString context;
    QString source;
    bool finished = false;
    QStringList forms;
};

const QString kSourceDir = QStringLiteral(KVT_SOURCE_DIR);
const QString kTsFile = kSourceDir + QStringLiteral("/resources/translations/kvtriage_en.ts");

// The numerus messages of a .ts file, keyed "context|source".
QMap<QString, TsMessage> readNumerus(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        qFatal("cannot read %s", qPrintable(path));
    QMap<QString, TsMessage> out;
    QXmlStreamReader xml(&file);
    QString context;
    TsMessage m;
    bool numerus = false;
    while (!xml.atEnd()) {
        if (xml.readNext() != QXmlStreamReader::StartElement)
            continue;
        const auto name = xml.name();
        if (name == QLatin1String("name")) {
            context = xml.readElementText();
        } else if (name == QLatin1String("message")) {
            numerus = xml.attributes().value(QLatin1String("numerus")) == QLatin1String("yes");
            m = TsMessage {context, {}, false, {}};
        } else if (name == QLatin1String("source")) {
            m.source = xml.readElementText();
        } else if (name == QLatin1String("translation")) {
            m.finished = !xml.attributes().hasAttribute(QLatin1String("type"));
        } else if (name == QLatin1String("numerusform")) {
            m.forms.append(xml.readElementText());
            if (numerus)
                out.insert(m.context + QLatin1Char('|') + m.source, m);
        }
    }
    if (xml.hasError())
        qFatal("%s: %s", qPrintable(path), qPrintable(xml.errorString()));
    return out;
}

// Every string literal of model/ and ui/ that holds %n, with where it is.
QList<QPair<QString, QString>> percentNLiterals()
{
    static const QRegularExpression literal(QStringLiteral(R"re("((?:[^"\\\n]|\\.)*%n(?:[^"\\\n]|\\.)*)")re"));
    QList<QPair<QString, QString>> out;
    for (const char *dir : {"model", "ui"}) {
        QDirIterator it(kSourceDir + QLatin1Char('/') + QLatin1String(dir),
            {QStringLiteral("*.cpp"), QStringLiteral("*.h")}, QDir::Files, QDirIterator::Subdirectories);
        while (it.hasNext()) {
            QFile file(it.next());
            if (!file.open(QIODevice::ReadOnly))
                qFatal("cannot read %s", qPrintable(file.fileName()));
            const QString text = QString::fromUtf8(file.readAll());
            for (auto m = literal.globalMatch(text); m.hasNext();) {
                QString s = m.next().captured(1);
                s.replace(QLatin1String("\\\""), QLatin1String("\""))
                    .replace(QLatin1String("\\\\"), QLatin1String("\\"));
                out.append({QDir(kSourceDir).relativeFilePath(file.fileName()), s});
            }
        }
    }
    return out;
}

} // namespace

class TestTranslationSync : public QObject {
    Q_OBJECT
private slots:
    void initTestCase();
    void committedFormsFinished_data();
    void committedFormsFinished();
    void lupdateFindsNothingNew();
    void everyPercentNLiteralExtracted_data();
    void everyPercentNLiteralExtracted();

private:
    QTemporaryDir m_dir;
    QMap<QString, TsMessage> m_committed;
    QMap<QString, TsMessage> m_extracted;
};

void TestTranslationSync::initTestCase()
{
    QVERIFY(m_dir.isValid());
    const QString fresh = m_dir.filePath(QStringLiteral("kvtriage_en.ts"));
    QProcess lupdate;
    lupdate.setProcessChannelMode(QProcess::MergedChannels);
    // The options of qt_add_translations in model/CMakeLists.txt.
    lupdate.start(QStringLiteral(KVT_LUPDATE),
        {QStringLiteral("-I"), kSourceDir, QStringLiteral("-pluralonly"), QStringLiteral("-locations"),
            QStringLiteral("none"), QStringLiteral("-no-obsolete"), kSourceDir + QStringLiteral("/model"),
            kSourceDir + QStringLiteral("/ui"), QStringLiteral("-ts"), fresh});
    QVERIFY2(lupdate.waitForFinished(120000), "lupdate did not finish");
    QVERIFY2(lupdate.exitStatus() == QProcess::NormalExit && lupdate.exitCode() == 0, lupdate.readAll().constData());
    m_extracted = readNumerus(fresh);
    m_committed = readNumerus(kTsFile);
    QVERIFY(!m_extracted.isEmpty());
}

void TestTranslationSync::committedFormsFinished_data()
{
    QTest::addColumn<QString>("key");
    for (auto it = m_committed.cbegin(); it != m_committed.cend(); ++it)
        QTest::newRow(qPrintable(it.key())) << it.key();
}

void TestTranslationSync::committedFormsFinished()
{
    QFETCH(QString, key);
    const TsMessage &m = m_committed[key];
    QVERIFY2(m.finished, "still type=\"unfinished\" in resources/translations/kvtriage_en.ts");
    // English has two forms: n == 1, and every other n.
    QCOMPARE(m.forms.size(), 2);
    for (const QString &form : m.forms)
        QVERIFY2(!form.isEmpty(), "an empty numerus form");
    QVERIFY2(!m.forms[1].contains(QLatin1String("(s)")), "the plural form still reads (s)");
}

void TestTranslationSync::lupdateFindsNothingNew()
{
    QStringList missing, stale;
    for (auto it = m_extracted.cbegin(); it != m_extracted.cend(); ++it)
        if (!m_committed.contains(it.key()))
            missing.append(it.key());
    for (auto it = m_committed.cbegin(); it != m_committed.cend(); ++it)
        if (!m_extracted.contains(it.key()))
            stale.append(it.key());
    const QString fix
        = QStringLiteral("\nrun: cmake --build <build dir> --target update_translations, then fill in the forms in %1")
              .arg(kTsFile);
    QVERIFY2(
        missing.isEmpty(), qPrintable(QStringLiteral("not in the .ts: ") + missing.join(QStringLiteral("; ")) + fix));
    QVERIFY2(stale.isEmpty(),
        qPrintable(QStringLiteral("no longer in the sources: ") + stale.join(QStringLiteral("; ")) + fix));
}

void TestTranslationSync::everyPercentNLiteralExtracted_data()
{
    QTest::addColumn<QString>("literal");
    const auto literals = percentNLiterals();
    QVERIFY(!literals.isEmpty());
    for (const auto &[file, text] : literals)
        QTest::addRow("%s: %s", qPrintable(file), qPrintable(text)) << text;
}

void TestTranslationSync::everyPercentNLiteralExtracted()
{
    // A literal may be one piece of a source split over lines ("..." "..."), so a substring will do.
    QFETCH(QString, literal);
    const bool found = std::any_of(
        m_extracted.cbegin(), m_extracted.cend(), [&](const TsMessage &m) { return m.source.contains(literal); });
    QVERIFY2(found,
        "lupdate did not extract this %n string: call tr() or QCoreApplication::translate() with literal "
        "arguments and a plain int n, not through a helper");
}

QTEST_GUILESS_MAIN(TestTranslationSync)
#include "tst_translation_sync.moc"
