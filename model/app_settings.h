// SPDX-License-Identifier: MIT
// The settings facade (style.md section 8): every key and default in one place, typed accessors,
// over an injected QSettings so tests use a temporary file.
#pragma once

#include <QObject>
#include <QSettings>
#include <QStringList>

#include "engine/rules/elastic_burst.h"
#include "engine/rules/sentinel_params.h"

namespace kvt::model {

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

Q_SIGNALS:
    void recentFilesChanged();

private:
    QSettings &m_settings;
};

} // namespace kvt::model
