// SPDX-License-Identifier: MIT
// kvtriage: the desktop app. Command-line handling and wiring only.
#include <QApplication>
#include <QCommandLineParser>
#include <QTimer>

#include <cstdio>

#include "model/analysis_session.h"
#include "ui/main_window.h"

namespace {

// Parses "WxH"; an invalid size yields an empty QSize.
QSize parseSize(const QString &text)
{
    const QStringList parts = text.split(QLatin1Char('x'));
    bool okW = false, okH = false;
    const QSize size = parts.size() == 2 ? QSize(parts[0].toInt(&okW), parts[1].toInt(&okH)) : QSize();
    return okW && okH && size.width() > 0 && size.height() > 0 ? size : QSize();
}

} // namespace

int main(int argc, char **argv)
{
    QApplication app(argc, argv);
    QApplication::setOrganizationName(QStringLiteral("kvtriage"));
    QApplication::setApplicationName(QStringLiteral("kvtriage"));
    QApplication::setApplicationVersion(QStringLiteral(KVT_VERSION));

    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral("Offline triage of Azure Key Vault audit logs."));
    parser.addHelpOption();
    parser.addVersionOption();
    const QCommandLineOption screenshot(QStringLiteral("screenshot"),
        QStringLiteral("Render the main window after loading into <png> and exit."), QStringLiteral("png"));
    const QCommandLineOption size(QStringLiteral("size"), QStringLiteral("Window size WxH (default 1280x800)."),
        QStringLiteral("WxH"), QStringLiteral("1280x800"));
    parser.addOption(screenshot);
    parser.addOption(size);
    parser.addPositionalArgument(
        QStringLiteral("files"), QStringLiteral("Audit exports or folders to open."), QStringLiteral("[FILE...]"));
    parser.process(app);

    const QSize windowSize = parseSize(parser.value(size));
    if (!windowSize.isValid()) {
        std::fprintf(stderr, "kvtriage: --size expects WxH, e.g. 1280x800\n");
        return 2;
    }

    kvt::model::AnalysisSession session;
    kvt::ui::MainWindow window(&session);
    window.resize(windowSize);
    const QStringList files = parser.positionalArguments();

    if (parser.isSet(screenshot)) {
        const QString target = parser.value(screenshot);
        auto capture = [&window, target] {
            const bool saved = window.grab().save(target, "PNG");
            if (!saved)
                std::fprintf(stderr, "kvtriage: cannot write %s\n", qPrintable(target));
            QApplication::exit(saved ? 0 : 1);
        };
        window.show();
        // Render once what the analyst would see is on screen: the rules' results, or the reason
        // there are none (a failed or empty load).
        auto captureLater = [&window, capture] { QTimer::singleShot(300, &window, capture); };
        QObject::connect(&session, &kvt::model::AnalysisSession::resultsChanged, &window, captureLater);
        QObject::connect(&session, &kvt::model::AnalysisSession::loadFinished, &window,
            [captureLater](kvt::engine::JobStatus status) {
                if (status != kvt::engine::JobStatus::Ok)
                    captureLater();
            });
        if (files.isEmpty())
            captureLater();
        session.openPaths(files);
        return QApplication::exec();
    }

    window.show();
    session.openPaths(files);
    return QApplication::exec();
}
