// SPDX-License-Identifier: MIT
// The records table's quick filter and sort, done in the engine on record-index vectors: with ten
// million records loaded a view over the rows is affordable, a proxy model over them is not.
#pragma once

#include <atomic>
#include <cstddef>
#include <optional>
#include <string>
#include <vector>

#include "engine/store/dataset.h"

namespace kvt::engine {

/// The columns of a record, in recordFieldNames() order (engine/report/record_documents.h):
/// TimeGenerated, one per text field, DurationMs, httpStatusCode_d.
using RecordColumn = std::size_t;
inline constexpr RecordColumn kTimeColumn = 0;
inline constexpr RecordColumn kDurationColumn = 1 + kTextFieldCount;
inline constexpr RecordColumn kHttpStatusColumn = 2 + kTextFieldCount;
inline constexpr RecordColumn kRecordColumnCount = 3 + kTextFieldCount;
constexpr RecordColumn textColumn(TextField f)
{
    return 1 + static_cast<std::size_t>(f);
}

/// The cell as the table and the copies show it: the time in Kusto's print form, numbers in
/// decimal, text as stored; empty when absent.
std::string recordCellText(const Dataset &data, std::size_t row, RecordColumn column);

/// The quick filter: every set part must match. A value, not a predicate, so a view can say what it shows.
struct RecordFilter {
    std::string text; ///< case-insensitive (ASCII) substring of any of @c textColumns; empty = any
    std::vector<RecordColumn> textColumns; ///< where @c text is looked for (the visible columns)
    TextField keyField = TextField::CallerIPAddress; ///< the rule's series key column
    std::string key; ///< @c keyField equals this (ASCII case-insensitive); empty = any
    std::string operation; ///< OperationName equals this (ASCII case-insensitive); empty = any
    std::string result; ///< ResultType or ResultSignature equals this (ASCII case-insensitive); empty = any
    std::optional<Ticks> from; ///< inclusive, UTC ticks
    std::optional<Ticks> to; ///< exclusive, UTC ticks

    bool isEmpty() const { return text.empty() && key.empty() && operation.empty() && result.empty() && !from && !to; }
    bool operator==(const RecordFilter &) const = default;
};

struct RecordSort {
    RecordColumn column = kTimeColumn;
    bool descending = false;
    bool operator==(const RecordSort &) const = default;
};

/// The rows of @p rows (record indices, any order) that pass @p filter, in their order. Linear in
/// the rows; nullopt when @p cancel became true midway. Safe from any thread (reads only).
std::optional<std::vector<std::size_t>> filterRecords(const Dataset &data, const std::vector<std::size_t> &rows,
    const RecordFilter &filter, const std::atomic<bool> *cancel = nullptr);

/// @p rows ordered by @p sort, stable (ties keep their order in @p rows, in both directions): times
/// as ticks, numbers as numbers (absent first), CallerIPAddress as addresses (a port ignored; in
/// IPv6 form, so IPv4 before public IPv6; then anything else as text), other text bytewise. O(n log n) on precomputed
/// integer keys (distinct strings are ranked once). nullopt when @p cancel became true midway.
std::optional<std::vector<std::size_t>> sortRecords(const Dataset &data, std::vector<std::size_t> rows,
    const RecordSort &sort, const std::atomic<bool> *cancel = nullptr);

} // namespace kvt::engine
