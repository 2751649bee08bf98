// SPDX-License-Identifier: MIT
#include "model/text_conversions.h"

#include <QStringList>

namespace kvt::model {

QDateTime ticksToDateTime(engine::Ticks t)
{
    return QDateTime::fromMSecsSinceEpoch(ticksToMs(t), Qt::UTC);
}

QString formatTicks(engine::Ticks t)
{
    return toQString(engine::formatIsoDateTime(t));
}

QString joinedText(const std::vector<std::string> &values)
{
    QStringList parts;
    parts.reserve(static_cast<qsizetype>(values.size()));
    for (const auto &v : values)
        parts.append(toQString(v));
    return parts.join(QStringLiteral(", "));
}

} // namespace kvt::model
