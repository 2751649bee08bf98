// SPDX-License-Identifier: MIT
#include "model/translations.h"

#include <QCoreApplication>
#include <QTranslator>

namespace kvt::model {

bool installTranslations(QCoreApplication &app)
{
    auto *translator = new QTranslator(&app);
    // English only: the .qm holds numerus forms alone, every other string falls back to its source.
    if (!translator->load(QStringLiteral(":/i18n/kvtriage_en.qm"))) {
        delete translator;
        return false;
    }
    return QCoreApplication::installTranslator(translator);
}

} // namespace kvt::model
