// SPDX-License-Identifier: MIT
#include "engine/report/inspect_summary.h"

#include <nlohmann/json.hpp>

#include "engine/report/issue_text.h"

namespace kvt::engine {

std::map<std::string, double> fieldCoverage(const Dataset &data, FieldView view)
{
    std::map<std::string, double> coverage;
    const double n = static_cast<double>(data.size());
    if (data.empty())
        return coverage;
    const bool ecs = view == FieldView::Ecs;
    coverage.emplace(std::string(ecs ? kEcsTimeName : kTimeGeneratedName), 1.0);
    for (std::size_t f = 0; f < kTextFieldCount; ++f) {
        const std::string_view name = ecs ? kEcsFieldNames[f] : kTextFieldNames[f];
        if (name.empty())
            continue;
        std::size_t filled = 0;
        for (const StringId id : data.column(static_cast<TextField>(f)))
            filled += id != 0 ? 1U : 0U;
        coverage.emplace(std::string(name), static_cast<double>(filled) / n);
    }
    std::size_t durations = 0, statuses = 0;
    for (std::size_t r = 0; r < data.size(); ++r) {
        durations += data.durationMs(r) != Dataset::kNoDuration ? 1U : 0U;
        statuses += data.httpStatusCode(r) >= 0 ? 1U : 0U;
    }
    coverage.emplace(std::string(ecs ? kEcsDurationName : kDurationMsName), static_cast<double>(durations) / n);
    coverage.emplace(
        std::string(ecs ? kEcsHttpStatusCodeName : kHttpStatusCodeName), static_cast<double>(statuses) / n);
    return coverage;
}

nlohmann::json inspectJson(const LoadResult &load, FieldView view)
{
    nlohmann::json files = nlohmann::json::array();
    for (const auto &f : load.files) {
        nlohmann::json warnings = nlohmann::json::array();
        for (const auto &issue : f.issues)
            warnings.push_back({{"line", issue.line}, {"column", issue.column}, {"message", issue.message},
                {"byte", issue.byte}, {"code", issueCodeName(issue.code)}, {"severity", severityName(issue.severity)}});
        nlohmann::json file {{"path", f.path}, {"format", f.format}, {"records", f.records}, {"rejected", f.rejected},
            {"warnings", warnings}, {"bytes", f.bytes}, {"compressed", f.compressed}};
        if (!f.layout.empty())
            file["layout"] = f.layout;
        if (!f.error.empty())
            file["error"] = f.error;
        if (f.errorCode)
            file["error_code"] = issueCodeName(*f.errorCode);
        if (f.skipped)
            file["skipped"] = true;
        nlohmann::json columns = nlohmann::json::array();
        for (const auto &c : f.columns)
            columns.push_back(
                {{"name", c.name}, {"maps_to", c.canonical.empty() ? nlohmann::json() : nlohmann::json(c.canonical)}});
        file["columns"] = std::move(columns);
        files.push_back(std::move(file));
    }
    nlohmann::json out {{"files", files}, {"records", load.records()}, {"rejected", load.rejected()}};
    if (load.dataset && !load.dataset->empty()) {
        out["first"] = formatIsoDateTime(load.dataset->firstTime());
        out["last"] = formatIsoDateTime(load.dataset->lastTime());
        out["fields"] = fieldCoverage(*load.dataset, view);
    } else {
        out["first"] = nullptr;
        out["last"] = nullptr;
        out["fields"] = nlohmann::json::object();
    }
    return out;
}

} // namespace kvt::engine
