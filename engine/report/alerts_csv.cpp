// SPDX-License-Identifier: MIT
#include "engine/report/alerts_csv.h"

#include "engine/report/json_writer.h"

namespace kvt::engine {

void appendCsvField(std::string_view text, std::string &out)
{
    if (text.find_first_of(",\"\r\n") == std::string_view::npos) {
        out += text;
        return;
    }
    out += '"';
    for (const char c : text) {
        if (c == '"')
            out += '"';
        out += c;
    }
    out += '"';
}

std::string alertsCsv(const SentinelResult &result)
{
    std::string out = "Resource,id_s,clientInfo_s,LatestAnomalyTime,EventCount,OperationNameList,RequestURLList,"
                      "AccountList,AccountMax,CallerIPAddress,timestamp\r\n";
    auto list = [](const std::vector<std::string> &values) {
        JsonWriter w;
        w.strings(values);
        return w.take();
    };
    for (const auto &a : result.alerts) {
        const std::string time = formatIsoDateTime(a.latestAnomalyTime);
        const std::string fields[] = {a.resource, a.idS, a.clientInfoS, time, std::to_string(a.eventCount),
            list(a.operationNames), list(a.requestUrls), list(a.accounts), a.accountMax, a.callerIp, time};
        bool first = true;
        for (const auto &f : fields) {
            if (!first)
                out += ',';
            first = false;
            appendCsvField(f, out);
        }
        out += "\r\n";
    }
    return out;
}

} // namespace kvt::engine
