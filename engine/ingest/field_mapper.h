// SPDX-License-Identifier: MIT
// Maps the column or field names of every supported export onto the canonical fields
// (data-formats.md section 7): AzureDiagnostics, AZKVAuditLogs, raw diagnostic paths and ECS.
#pragma once

#include <array>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "engine/core/ticks.h"
#include "engine/ingest/diagnostic_json_reader.h"
#include "engine/ingest/resource_id.h"
#include "engine/store/dataset.h"

namespace kvt::engine {

/// Collects one record from (name, value) pairs in any naming scheme, then produces an EventDraft.
/// Values are text as the export holds them ("None" and empty mean absent; numbers as their JSON
/// text). Dynamic columns (AZKVAuditLogs Identity, AdditionalFields) may be JSON text or, for
/// nested JSON inputs, arrive already flattened as `Identity.claim.oid`.
class RecordBuilder {
public:
    /// Local-time CSV columns (`[Local Time]`) are shifted by this offset to UTC.
    explicit RecordBuilder(Ticks localTimeOffset = 0) : m_localOffset(localTimeOffset) { }

    void reset();
    /// Offers one named value; names that map to no canonical field are ignored.
    void set(std::string_view name, std::string_view value);
    /// True when @p name maps to a canonical field (used by format sniffing).
    static bool isKnownName(std::string_view name);

    /// Completes the record: derives Resource, ResourceGroup... from the resource id when the
    /// export lacks them. False with @p error when the record has no usable time.
    bool finish(EventDraft &out, Problem &error);

    /// What a field name means (the mapping table's entries).
    enum class Kind : std::uint8_t {
        Text,
        Claim,
        Time,
        DurationMs,
        DurationNs,
        HttpStatus,
        LowerResourceId,
        Dynamic,
        TableType,
        Ignore
    };
    struct Meaning {
        Kind kind = Kind::Ignore;
        TextField field = TextField::Count; ///< for Text and Claim
        bool localTime = false; ///< a "[Local Time]" CSV column
    };
    static Meaning lookUp(std::string_view name);

    /// The names offered for the last record, in order, with the canonical field each fills.
    std::vector<ColumnMapping> namesOfLastRecord() const;
    /// The canonical field @p name fills ("" when none): TimeGenerated, DurationMs, a text field...
    static std::string canonicalNameOf(std::string_view name);

private:
    const Meaning &meaningOf(std::string_view name);
    void setText(TextField f, std::string_view value, bool overwrite = true);
    void setClaim(std::string_view claim, std::string_view value);
    void setDynamic(std::string_view name, std::string_view json);

    // Records of one export name their fields in the same order: the i-th name offered is looked
    // up in the table only when it differs from the previous record's i-th name.
    std::vector<std::pair<std::string, Meaning>> m_recentNames;
    std::size_t m_nameIndex = 0;
    ResourceIdCache m_resources;

    std::array<std::string, kTextFieldCount> m_text;
    std::string m_time;
    bool m_timeIsLocal = false;
    std::string m_lowerResourceId; ///< _ResourceId / cloud.resource_id, upper-cased if ResourceId is missing
    std::optional<std::int64_t> m_durationMs;
    std::optional<std::int32_t> m_httpStatus;
    Ticks m_localOffset = 0;
};

/// Parses the date-times exports hold: ISO 8601 (any precision, Z or offset) and the Log Analytics
/// portal's locale display forms "5/12/2024, 10:39:53.540 AM" (month first) and
/// "16/07/2026 20:26:12.030" (day first when the first number exceeds 12).
std::optional<Ticks> parseExportDateTime(std::string_view text);

} // namespace kvt::engine
