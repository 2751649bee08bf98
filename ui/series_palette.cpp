// SPDX-License-Identifier: MIT
#include "ui/series_palette.h"

#include <array>

namespace kvt::ui {

QColor seriesColor(int colorIndex)
{
    // Tableau 10: distinct on white and readable for most colour-vision deficiencies.
    static constexpr std::array<QRgb, 10> kPalette {
        0x4e79a7, 0xf28e2b, 0xe15759, 0x76b7b2, 0x59a14f, 0xedc948, 0xb07aa1, 0xff9da7, 0x9c755f, 0xbab0ac};
    const auto i = static_cast<std::size_t>(colorIndex < 0 ? -colorIndex : colorIndex) % kPalette.size();
    return QColor(kPalette[i]);
}

QColor keyStatusColor(engine::KeyStatus status)
{
    switch (status) {
    case engine::KeyStatus::Alerting: return QColor(0xc6, 0x28, 0x28);
    case engine::KeyStatus::SilencedByJoin: return QColor(0xef, 0x6c, 0x00);
    case engine::KeyStatus::DroppedByBaseline: return QColor(0xf9, 0xa8, 0x25);
    case engine::KeyStatus::FlaggedOutsideWindow: return QColor(0x78, 0x90, 0x9c);
    case engine::KeyStatus::Quiet: break;
    }
    return QColor(Qt::transparent);
}

} // namespace kvt::ui
