// SPDX-License-Identifier: MIT
// `kvtriage-cli records`: the raw records behind a series point (--bin ISO) or behind a key's alerts
// (--joined), from the engine's record query.
#include <iostream>

#include "app/cli/cli_output.h"
#include "app/cli/command_rules.h"
#include "app/cli/commands.h"
#include "engine/report/record_documents.h"
#include "engine/rules/record_query.h"
#include "engine/rules/rule_parameters.h"

namespace kvt::cli {
namespace {

// `--bin` names the bin's start here (an ISO date-time) and stays the rule's step otherwise (a
// duration): the date-time values are taken out before the rule options are read.
std::vector<std::string> takeBinStarts(const std::vector<std::string> &argv, std::vector<engine::Ticks> &starts)
{
    std::vector<std::string> rest;
    for (std::size_t i = 0; i < argv.size(); ++i) {
        std::optional<std::string> value;
        if (argv[i] == "--bin" && i + 1 < argv.size())
            value = argv[i + 1];
        else if (argv[i].rfind("--bin=", 0) == 0)
            value = argv[i].substr(6);
        const auto t = value ? engine::parseIsoDateTime(*value) : std::nullopt;
        if (!t) {
            rest.push_back(argv[i]);
            continue;
        }
        starts.push_back(*t);
        i += argv[i] == "--bin" ? 1 : 0;
    }
    return rest;
}

std::optional<std::size_t> binStartingAt(const engine::TimeAxis &axis, engine::Ticks t)
{
    for (std::size_t b = 0; b < axis.bins; ++b)
        if (axis.binStart(b) == t)
            return b;
    return std::nullopt;
}

engine::RecordsFormat recordsFormat(const std::string &name)
{
    return name == "csv"  ? engine::RecordsFormat::Csv
        : name == "jsonl" ? engine::RecordsFormat::JsonLines
                          : engine::RecordsFormat::Json;
}

// --joined (no bin start) or the series point at the bin starting at starts[0]; fills @p header.
std::optional<engine::RecordQuery> recordsQuery(const engine::SentinelResult &r, const std::string &key,
    const std::vector<engine::Ticks> &starts, engine::RecordsHeader &header)
{
    if (starts.empty()) {
        engine::RecordQuery query;
        query.key = key;
        query.stage = engine::RecordStage::Joined;
        query.drilldown = r.params.drilldown;
        return query;
    }
    const auto bin = binStartingAt(r.axis, starts.front());
    if (!bin) {
        std::cerr << "kvtriage-cli records: no bin starts at " << engine::formatIsoDateTime(starts.front())
                  << "; the bins start at " << engine::formatIsoDateTime(r.axis.from) << " every "
                  << engine::formatDuration(r.axis.step) << " up to "
                  << engine::formatIsoDateTime(r.axis.binStart(r.axis.bins ? r.axis.bins - 1 : 0)) << '\n';
        return std::nullopt;
    }
    header.bin = r.axis.binStart(*bin);
    header.stage = engine::RecordStage::SeriesCounted;
    return engine::seriesPointQuery(r, key, *bin);
}

} // namespace

int runRecords(const std::vector<std::string> &argv)
{
    std::vector<engine::Ticks> starts;
    auto valued = ruleCommandOptions();
    valued.insert("key");
    auto flags = ruleCommandFlags();
    flags.insert({"joined", "raw"});
    const Args args(takeBinStarts(argv, starts), valued, flags);
    const auto key = args.value("key");
    if (!key)
        throw UsageError("records needs --key KEY (a value of the series key column)");
    if (starts.size() + (args.has("joined") ? 1 : 0) != 1)
        throw UsageError("records needs either --bin ISO (the start of a bin) or --joined");
    const auto run = runSentinel(args, "records", {"json", "csv", "jsonl"});
    if (!run)
        return kExitFailed;
    const engine::SentinelResult &r = run->result;
    engine::RecordsHeader header {*key, std::nullopt, engine::RecordStage::Joined, r.params.drilldown};
    const auto query = recordsQuery(r, *key, starts, header);
    if (!query)
        return kExitFailed;
    const auto rows = engine::queryRecords(*run->load.dataset, r.params, r, *query);
    const std::string text = engine::recordsDocument(
        *run->load.dataset, rows, header, recordsFormat(args.valueOr("format", "json")), args.has("raw"));
    return writeOutput(args.valueOr("output", "-"), text) ? run->loadStatus : kExitFailed;
}

} // namespace kvt::cli
