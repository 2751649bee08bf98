// SPDX-License-Identifier: MIT
// The engine speaks UTF-8 std::string and ticks; Qt speaks QString and milliseconds.
#pragma once

#include <QDateTime>
#include <QString>

#include <string>
#include <string_view>
#include <vector>

#include "engine/core/ticks.h"

namespace kvt::model {

inline QString toQString(std::string_view s)
{
    return QString::fromUtf8(s.data(), static_cast<qsizetype>(s.size()));
}
inline std::string toStdString(const QString &s)
{
    return s.toStdString();
}
/// Engine ticks (100 ns since the Unix epoch) to milliseconds since the epoch, as Qt counts.
inline qint64 ticksToMs(engine::Ticks t)
{
    return t / 10'000;
}
QDateTime ticksToDateTime(engine::Ticks t);
/// A multi-valued cell as the tables show it: "a, b, c".
QString joinedText(const std::vector<std::string> &values);
/// Kusto's print form, e.g. "2026-11-22T00:00:00.0000000Z".
QString formatTicks(engine::Ticks t);

} // namespace kvt::model
