// SPDX-License-Identifier: MIT
// The window's colours: the desktop's palette, or a light or dark one of ours for desktops whose
// theme Qt cannot read (and for screenshots and reviews of either look).
#pragma once

#include "model/app_settings.h"

namespace kvt::ui {

/// Applies @p scheme to the whole application. System restores the style and palette the
/// application started with; Light and Dark use the Fusion style (the only built-in style that
/// draws every control from the palette) with a full palette. Widgets that draw their own colours
/// (charts, heat strip) follow through their PaletteChange events. GUI thread only.
void applyColorScheme(model::ColorScheme scheme);

/// The palette of @p scheme as applyColorScheme sets it (System: the start-up palette).
QPalette colorSchemePalette(model::ColorScheme scheme);

} // namespace kvt::ui
