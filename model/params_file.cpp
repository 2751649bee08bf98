// SPDX-License-Identifier: MIT
#include "model/params_file.h"

#include <QFile>

#include <nlohmann/json.hpp>

#include "engine/report/params_json.h"
#include "model/text_conversions.h"

namespace kvt::model {

QString readParamsJson(
    const QByteArray &json, const QString &source, engine::SentinelParams &sentinel, engine::ElasticBurstParams &burst)
{
    const auto object = nlohmann::json::parse(json.begin(), json.end(), nullptr, false);
    if (object.is_discarded() || !object.is_object())
        return QStringLiteral("%1: not a JSON object of rule parameters").arg(source);
    const bool elastic = object.contains("rule") && object["rule"] == "elastic-burst";
    // Parse into copies: a file that fails half-way changes nothing.
    engine::SentinelParams s = sentinel;
    engine::ElasticBurstParams b = burst;
    const std::string error = elastic ? engine::readParams(object, b) : engine::readParams(object, s);
    if (!error.empty())
        return QStringLiteral("%1: %2").arg(source, toQString(error));
    sentinel = s;
    burst = b;
    return {};
}

QString readParamsFile(const QString &path, engine::SentinelParams &sentinel, engine::ElasticBurstParams &burst)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return QStringLiteral("%1: %2").arg(path, file.errorString());
    return readParamsJson(file.readAll(), path, sentinel, burst);
}

namespace {

template <typename P> QByteArray toJson(const P &params, bool dropNow)
{
    engine::JsonWriter w;
    engine::writeParams(w, params);
    auto object = nlohmann::json::parse(w.take(), nullptr, false);
    if (dropNow)
        object.erase("now");
    return QByteArray::fromStdString(object.dump());
}

} // namespace

QByteArray sentinelParamsJson(const engine::SentinelParams &params)
{
    return toJson(params, true);
}

QByteArray burstParamsJson(const engine::ElasticBurstParams &params)
{
    auto object = nlohmann::json::parse(toJson(params, false).toStdString(), nullptr, false);
    object["rule"] = "elastic-burst";
    return QByteArray::fromStdString(object.dump());
}

} // namespace kvt::model
