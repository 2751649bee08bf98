// SPDX-License-Identifier: MIT
// The settings facade (style.md section 8): every key and default in one place, typed accessors,
// over an injected QSettings so tests use a temporary file.
#pragma once

#include <QObject>
#include <QSettings>
#include <QStringList>

#include <optional>

#include "engine/rules/elastic_burst.h"
#include "engine/rules/sentinel_params.h"

namespace kvt::model {

/// Which palette the window uses: the desktop's (the default), or one of ours.
enum class ColorScheme { System, Light, Dark };
/// "system", "light", "dark" (settings and the command line); nullopt for anything else.
std::optional<ColorScheme> colorSchemeFromName(const QString &name);
QString colorSchemeName(ColorScheme scheme);

/// GUI thread only. Parameters are stored as the CLI's --params JSON, so a saved tuning can be
/// copied into a file and run headless.
class AppSettings : public QObject {
    Q_OBJECT
public:
    static constexpr int kMaxRecentFiles = 10;

    explicit AppSettings(QSettings &settings, QObject *parent = nullptr);

    QStringList recentFiles() const;
    /// Puts @p paths first in the recent list (without duplicates, at most kMaxRecentFiles).
    void addRecentFiles(const QStringList &paths);
    void clearRecentFiles();

    /// The last parameters; false (and nothing changed) when none are saved or they no longer parse.
    bool restoreParameters(engine::SentinelParams &sentinel, engine::ElasticBurstParams &burst) const;
    void saveParameters(const engine::SentinelParams &sentinel, const engine::ElasticBurstParams &burst);

    QByteArray windowGeometry() const;
    QByteArray windowState() const;
    void saveWindow(const QByteArray &geometry, const QByteArray &state);

    ColorScheme colorScheme() const; ///< System when unset or unreadable
    void setColorScheme(ColorScheme scheme);

Q_SIGNALS:
    void recentFilesChanged();

private:
    QSettings &m_settings;
};

} // namespace kvt::model
