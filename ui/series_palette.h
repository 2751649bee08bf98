// SPDX-License-Identifier: MIT
// Colour of a series from its model colour index (the model knows no QColor).
#pragma once

#include <QColor>

namespace kvt::ui {

QColor seriesColor(int colorIndex);

} // namespace kvt::ui
