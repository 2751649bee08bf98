// SPDX-License-Identifier: MIT
// Rule parameters as the JSON the CLI's --params files use (keys are the long option names), read
// and written through the engine's parameter tables, for the app's --params and its saved settings.
#pragma once

#include <QByteArray>
#include <QString>

#include "engine/rules/elastic_burst.h"
#include "engine/rules/sentinel_params.h"

namespace kvt::model {

/// Reads a --params object into @p sentinel, or into @p burst when its "rule" is "elastic-burst".
/// Returns an error in words (naming the file, the key or the option); empty on success. Nothing
/// is changed on error.
QString readParamsJson(
    const QByteArray &json, const QString &source, engine::SentinelParams &sentinel, engine::ElasticBurstParams &burst);
QString readParamsFile(const QString &path, engine::SentinelParams &sentinel, engine::ElasticBurstParams &burst);

/// The parameters as a --params object. `now` is left out: it belongs to the data, not the tuning.
QByteArray sentinelParamsJson(const engine::SentinelParams &params);
QByteArray burstParamsJson(const engine::ElasticBurstParams &params);

} // namespace kvt::model
