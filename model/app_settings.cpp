// SPDX-License-Identifier: MIT
#include "model/app_settings.h"

#include "model/params_file.h"

namespace kvt::model {
namespace {

// Every key in one place; groups as style.md section 8 names them.
const QString kRecentFiles = QStringLiteral("ui/recentFiles");
const QString kGeometry = QStringLiteral("ui/geometry");
const QString kState = QStringLiteral("ui/state");
const QString kSentinel = QStringLiteral("detector/sentinel");
const QString kBurst = QStringLiteral("detector/burst");
const QString kColorScheme = QStringLiteral("ui/colorScheme");

} // namespace

std::optional<ColorScheme> colorSchemeFromName(const QString &name)
{
    for (const ColorScheme scheme : {ColorScheme::System, ColorScheme::Light, ColorScheme::Dark})
        if (name == colorSchemeName(scheme))
            return scheme;
    return std::nullopt;
}

QString colorSchemeName(ColorScheme scheme)
{
    switch (scheme) {
    case ColorScheme::Light: return QStringLiteral("light");
    case ColorScheme::Dark: return QStringLiteral("dark");
    case ColorScheme::System: break;
    }
    return QStringLiteral("system");
}

ColorScheme AppSettings::colorScheme() const
{
    return colorSchemeFromName(m_settings.value(kColorScheme).toString()).value_or(ColorScheme::System);
}

void AppSettings::setColorScheme(ColorScheme scheme)
{
    m_settings.setValue(kColorScheme, colorSchemeName(scheme));
}

AppSettings::AppSettings(QSettings &settings, QObject *parent) : QObject(parent), m_settings(settings) { }

QStringList AppSettings::recentFiles() const
{
    return m_settings.value(kRecentFiles).toStringList();
}

void AppSettings::addRecentFiles(const QStringList &paths)
{
    QStringList list = recentFiles();
    for (auto it = paths.rbegin(); it != paths.rend(); ++it) {
        list.removeAll(*it);
        list.prepend(*it);
    }
    while (list.size() > kMaxRecentFiles)
        list.removeLast();
    m_settings.setValue(kRecentFiles, list);
    Q_EMIT recentFilesChanged();
}

void AppSettings::clearRecentFiles()
{
    m_settings.remove(kRecentFiles);
    Q_EMIT recentFilesChanged();
}

bool AppSettings::restoreParameters(engine::SentinelParams &sentinel, engine::ElasticBurstParams &burst) const
{
    engine::SentinelParams s = sentinel;
    engine::ElasticBurstParams b = burst;
    const QByteArray savedSentinel = m_settings.value(kSentinel).toByteArray();
    const QByteArray savedBurst = m_settings.value(kBurst).toByteArray();
    if (savedSentinel.isEmpty() && savedBurst.isEmpty())
        return false;
    if ((!savedSentinel.isEmpty() && !readParamsJson(savedSentinel, kSentinel, s, b).isEmpty())
        || (!savedBurst.isEmpty() && !readParamsJson(savedBurst, kBurst, s, b).isEmpty()))
        return false; // saved by another version and no longer valid: the defaults stand
    sentinel = s;
    burst = b;
    return true;
}

void AppSettings::saveParameters(const engine::SentinelParams &sentinel, const engine::ElasticBurstParams &burst)
{
    m_settings.setValue(kSentinel, sentinelParamsJson(sentinel));
    m_settings.setValue(kBurst, burstParamsJson(burst));
}

QByteArray AppSettings::windowGeometry() const
{
    return m_settings.value(kGeometry).toByteArray();
}

QByteArray AppSettings::windowState() const
{
    return m_settings.value(kState).toByteArray();
}

void AppSettings::saveWindow(const QByteArray &geometry, const QByteArray &state)
{
    m_settings.setValue(kGeometry, geometry);
    m_settings.setValue(kState, state);
}

} // namespace kvt::model
