// SPDX-License-Identifier: MIT
// kvtriage: the desktop app. Command-line handling and wiring only.
#include <QApplication>
#include <QCommandLineParser>
#include <QSettings>

#include <cstdio>
#include <memory>
#include <string_view>

#include "model/analysis_session.h"
#include "model/app_settings.h"
#include "model/params_file.h"
#include "model/translations.h"
#include "ui/color_scheme.h"
#include "ui/main_window.h"
#include "ui/screenshot_capture.h"

namespace {

namespace engine = kvt::engine;

// Parses "WxH"; an invalid size yields an empty QSize.
QSize parseSize(const QString &text)
{
    const QStringList parts = text.split(QLatin1Char('x'));
    bool okW = false, okH = false;
    const QSize size = parts.size() == 2 ? QSize(parts[0].toInt(&okW), parts[1].toInt(&okH)) : QSize();
    return okW && okH && size.width() > 0 && size.height() > 0 ? size : QSize();
}

// --help and --version print and exit: they need no display, so no QApplication either.
bool onlyPrints(int argc, char **argv)
{
    for (int i = 1; i < argc; ++i) {
        const std::string_view a = argv[i];
        if (a == "-h" || a == "--help" || a == "--help-all" || a == "-v" || a == "--version")
            return true;
    }
    return false;
}

} // namespace

int main(int argc, char **argv)
{
    const std::unique_ptr<QCoreApplication> app = onlyPrints(argc, argv)
        ? std::make_unique<QCoreApplication>(argc, argv)
        : std::make_unique<QApplication>(argc, argv);
    kvt::model::installTranslations(*app);
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
    const QCommandLineOption select(QStringLiteral("select"),
        QStringLiteral("With --screenshot: select this series key (a caller IP, or a vault) first."),
        QStringLiteral("key"));
    const QCommandLineOption params(QStringLiteral("params"),
        QStringLiteral("Rule parameters from a JSON file, as kvtriage-cli --params reads them."),
        QStringLiteral("file.json"));
    const QCommandLineOption colors(QStringLiteral("colors"),
        QStringLiteral("Colour scheme: system (the desktop's), light or dark. Default: the last one chosen in "
                       "View > Colours, or system."),
        QStringLiteral("scheme"));
    const QCommandLineOption show(QStringLiteral("show"),
        QStringLiteral("With --screenshot: bring this panel to the front (%1); repeatable.")
            .arg(kvt::ui::MainWindow::panelNames().join(QStringLiteral(", "))),
        QStringLiteral("panel"));
    parser.addOption(screenshot);
    parser.addOption(show);
    parser.addOption(colors);
    parser.addOption(size);
    parser.addOption(select);
    parser.addOption(params);
    parser.addPositionalArgument(
        QStringLiteral("files"), QStringLiteral("Audit exports or folders to open."), QStringLiteral("[FILE...]"));
    parser.process(*app);

    for (const QString &panel : parser.values(show))
        if (!kvt::ui::MainWindow::panelNames().contains(panel)) {
            std::fprintf(stderr, "kvtriage: --show expects one of %s\n",
                qPrintable(kvt::ui::MainWindow::panelNames().join(QStringLiteral(", "))));
            return 2;
        }
    const QSize windowSize = parseSize(parser.value(size));
    if (!windowSize.isValid()) {
        std::fprintf(stderr, "kvtriage: --size expects WxH, e.g. 1280x800\n");
        return 2;
    }

    QSettings store;
    kvt::model::AppSettings settings(store);
    std::optional<kvt::model::ColorScheme> scheme
        = parser.isSet(screenshot) ? kvt::model::ColorScheme::System : settings.colorScheme();
    if (parser.isSet(colors)) {
        scheme = kvt::model::colorSchemeFromName(parser.value(colors));
        if (!scheme) {
            std::fprintf(stderr, "kvtriage: --colors expects system, light or dark\n");
            return 2;
        }
    }
    kvt::ui::applyColorScheme(*scheme);
    kvt::model::AnalysisSession session;
    // The last tuning comes back, unless a --params file says otherwise.
    engine::SentinelParams sentinel;
    engine::ElasticBurstParams burst;
    if (!parser.isSet(screenshot))
        settings.restoreParameters(sentinel, burst);
    if (parser.isSet(params)) {
        const QString error = kvt::model::readParamsFile(parser.value(params), sentinel, burst);
        if (!error.isEmpty()) {
            std::fprintf(stderr, "kvtriage: --params: %s\n", qPrintable(error));
            return 2;
        }
    }
    session.setSentinelParams(sentinel, kvt::model::AnalysisSession::Apply::Now);
    session.setBurstParams(burst, kvt::model::AnalysisSession::Apply::Now);
    if (!parser.isSet(screenshot))
        QObject::connect(&session, &kvt::model::AnalysisSession::parametersChanged, &settings,
            [&] { settings.saveParameters(session.sentinelParams(), session.burstParams()); });

    kvt::ui::MainWindow window(&session, parser.isSet(screenshot) ? nullptr : &settings);
    window.resize(windowSize);
    const QStringList files = parser.positionalArguments();
    if (parser.isSet(screenshot)) {
        auto *capture
            = new kvt::ui::ScreenshotCapture(&window, &session, parser.value(screenshot), parser.value(select));
        capture->setPanels(parser.values(show));
        capture->start(files);
        return QApplication::exec();
    }
    window.show();
    session.openPaths(files);
    return QApplication::exec();
}
