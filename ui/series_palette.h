// SPDX-License-Identifier: MIT
// Colour of a series from its model colour index (the model knows no QColor).
#pragma once

#include <QColor>

#include "engine/rules/key_summary.h"

namespace kvt::ui {

QColor seriesColor(int colorIndex);

/// The chip colour of a key's status, shared by the keys list and the heat strip so a status reads
/// the same in both places (transparent for quiet keys).
QColor keyStatusColor(engine::KeyStatus status);

} // namespace kvt::ui
