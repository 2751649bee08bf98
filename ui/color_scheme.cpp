// SPDX-License-Identifier: MIT
#include "ui/color_scheme.h"

#include <QApplication>
#include <QPalette>
#include <QStyle>
#include <QStyleFactory>

namespace kvt::ui {
namespace {

// What the application started with, captured before the first change.
struct StartUp {
    QString styleName;
    QPalette palette;
};

const StartUp &startUp()
{
    static const StartUp s {QApplication::style()->name(), QApplication::palette()};
    return s;
}

QPalette darkPalette()
{
    // Fusion's dark defaults as desktop dark themes (Breeze Dark, Adwaita dark) choose them: a grey
    // window, darker bases, light text, a blue highlight; disabled text dimmed.
    const QColor window(0x2b, 0x2b, 0x2b), base(0x1e, 0x1e, 0x1e), text(0xe6, 0xe6, 0xe6), dim(0x80, 0x80, 0x80);
    QPalette p;
    p.setColor(QPalette::Window, window);
    p.setColor(QPalette::WindowText, text);
    p.setColor(QPalette::Base, base);
    p.setColor(QPalette::AlternateBase, QColor(0x26, 0x26, 0x26));
    p.setColor(QPalette::ToolTipBase, QColor(0x3a, 0x3a, 0x3a));
    p.setColor(QPalette::ToolTipText, text);
    p.setColor(QPalette::PlaceholderText, dim);
    p.setColor(QPalette::Text, text);
    p.setColor(QPalette::Button, QColor(0x35, 0x35, 0x35));
    p.setColor(QPalette::ButtonText, text);
    p.setColor(QPalette::BrightText, Qt::white);
    p.setColor(QPalette::Light, QColor(0x45, 0x45, 0x45));
    p.setColor(QPalette::Midlight, QColor(0x3a, 0x3a, 0x3a));
    p.setColor(QPalette::Mid, QColor(0x30, 0x30, 0x30));
    p.setColor(QPalette::Dark, QColor(0x18, 0x18, 0x18));
    p.setColor(QPalette::Shadow, Qt::black);
    p.setColor(QPalette::Highlight, QColor(0x2f, 0x6f, 0xb5));
    p.setColor(QPalette::HighlightedText, Qt::white);
    p.setColor(QPalette::Link, QColor(0x6c, 0xb4, 0xff));
    p.setColor(QPalette::LinkVisited, QColor(0xb4, 0x8c, 0xff));
    for (const auto role : {QPalette::WindowText, QPalette::Text, QPalette::ButtonText})
        p.setColor(QPalette::Disabled, role, dim);
    p.setColor(QPalette::Disabled, QPalette::Highlight, QColor(0x45, 0x45, 0x45));
    return p;
}

} // namespace

QPalette colorSchemePalette(model::ColorScheme scheme)
{
    switch (scheme) {
    case model::ColorScheme::Dark: return darkPalette();
    case model::ColorScheme::Light:
        if (QStyle *fusion = QStyleFactory::create(QStringLiteral("Fusion"))) {
            const QPalette p = fusion->standardPalette();
            delete fusion;
            return p;
        }
        return {};
    case model::ColorScheme::System: break;
    }
    return startUp().palette;
}

void applyColorScheme(model::ColorScheme scheme)
{
    const StartUp &original = startUp();
    const QString style = scheme == model::ColorScheme::System ? original.styleName : QStringLiteral("Fusion");
    if (QApplication::style()->name().compare(style, Qt::CaseInsensitive) != 0)
        QApplication::setStyle(style);
    QApplication::setPalette(colorSchemePalette(scheme));
}

} // namespace kvt::ui
