// SPDX-License-Identifier: MIT
#include "model/text_conversions.h"

namespace kvt::model {

QDateTime ticksToDateTime(engine::Ticks t)
{
    return QDateTime::fromMSecsSinceEpoch(ticksToMs(t), Qt::UTC);
}

QString formatTicks(engine::Ticks t)
{
    return toQString(engine::formatIsoDateTime(t));
}

} // namespace kvt::model
