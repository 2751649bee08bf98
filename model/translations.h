// SPDX-License-Identifier: MIT
// The English numerus forms ("1 key", "2 keys") behind every tr("%n key(s)", nullptr, n).
#pragma once

class QCoreApplication;

namespace kvt::model {

/// Installs a QTranslator, owned by @p app, with the English numerus forms embedded at
/// :/i18n/kvtriage_en.qm (built from resources/translations/kvtriage_en.ts). Without it every
/// plural reads "%n key(s)". Returns false when the resource cannot be loaded. Call once, right
/// after the application object exists; GUI thread only.
bool installTranslations(QCoreApplication &app);

} // namespace kvt::model
