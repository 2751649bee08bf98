// SPDX-License-Identifier: MIT
// Linked into every model and ui test (kvt_add_test): installs the English numerus forms as
// app/gui_main.cpp does, so a test reads "1 key" and "2 keys" where the window does.
#include <QCoreApplication>

#include "model/translations.h"

namespace {

void installForTest()
{
    if (!kvt::model::installTranslations(*QCoreApplication::instance()))
        qFatal("cannot load the embedded :/i18n/kvtriage_en.qm");
}

} // namespace

Q_COREAPP_STARTUP_FUNCTION(installForTest)
