// SPDX-License-Identifier: MIT
#include "engine/rules/record_view.h"

#include <algorithm>
#include <cstdint>
#include <functional>
#include <string_view>

#include "engine/core/ip_address.h"

namespace kvt::engine {
namespace {

// How often the loops look at the cancel flag: rarely enough to cost nothing.
constexpr std::size_t kCancelStride = 1 << 16;

bool cancelled(const std::atomic<bool> *cancel, std::size_t i)
{
    return cancel && i % kCancelStride == 0 && cancel->load(std::memory_order_relaxed);
}

char lowerAscii(char c)
{
    return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c;
}

std::string lowered(std::string_view s)
{
    std::string out(s);
    std::transform(out.begin(), out.end(), out.begin(), lowerAscii);
    return out;
}

bool equalsIgnoringCase(std::string_view a, std::string_view lowerB)
{
    return a.size() == lowerB.size()
        && std::equal(a.begin(), a.end(), lowerB.begin(), [](char x, char y) { return lowerAscii(x) == y; });
}

bool containsIgnoringCase(std::string_view haystack, std::string_view lowerNeedle)
{
    return std::search(haystack.begin(), haystack.end(), lowerNeedle.begin(), lowerNeedle.end(), [](char x, char y) {
        return lowerAscii(x) == y;
    }) != haystack.end();
}

std::optional<TextField> textFieldOf(RecordColumn column)
{
    if (column == kTimeColumn || column >= kDurationColumn)
        return std::nullopt;
    return static_cast<TextField>(column - 1);
}

// Per interned id of @p field, whether it passes @p test: an equality filter then costs one lookup
// per row. Empty (meaning "test each row") when the pool is larger than the rows to filter, as for
// CorrelationId, where ranking the whole pool would cost more than the rows.
std::vector<std::uint8_t> idTable(const Dataset &data, TextField field, std::size_t rows, auto test)
{
    const StringPool &pool = data.pool(field);
    std::vector<std::uint8_t> table;
    if (pool.size() > rows)
        return table;
    table.resize(pool.size());
    for (std::size_t id = 0; id < pool.size(); ++id)
        table[id] = test(pool.view(static_cast<StringId>(id))) ? 1 : 0;
    return table;
}

// One field's part of the filter: a table by id when it pays off, the test on the row's text otherwise.
class FieldTest {
public:
    template <typename Test>
    FieldTest(const Dataset &data, TextField field, std::size_t rows, Test test)
        : m_data(data), m_field(field), m_table(idTable(data, field, rows, test)), m_test(std::move(test))
    {
    }
    bool operator()(std::size_t row) const
    {
        if (!m_table.empty())
            return m_table[m_data.textId(m_field, row)] != 0;
        return m_test(m_data.text(m_field, row));
    }

private:
    const Dataset &m_data;
    TextField m_field;
    std::vector<std::uint8_t> m_table;
    std::function<bool(std::string_view)> m_test;
};

} // namespace

std::string recordCellText(const Dataset &data, std::size_t row, RecordColumn column)
{
    if (column == kTimeColumn)
        return formatIsoDateTime(data.time(row));
    if (column == kDurationColumn)
        return data.durationMs(row) == Dataset::kNoDuration ? std::string() : std::to_string(data.durationMs(row));
    if (column == kHttpStatusColumn)
        return data.httpStatusCode(row) < 0 ? std::string() : std::to_string(data.httpStatusCode(row));
    if (const auto field = textFieldOf(column))
        return std::string(data.text(*field, row));
    return {};
}

std::optional<std::vector<std::size_t>> filterRecords(const Dataset &data, const std::vector<std::size_t> &rows,
    const RecordFilter &filter, const std::atomic<bool> *cancel)
{
    std::vector<FieldTest> tests;
    const auto equalTo = [](const std::string &value) {
        return [wanted = lowered(value)](std::string_view v) { return equalsIgnoringCase(v, wanted); };
    };
    if (!filter.key.empty())
        tests.emplace_back(data, filter.keyField, rows.size(), equalTo(filter.key));
    if (!filter.operation.empty())
        tests.emplace_back(data, TextField::OperationName, rows.size(), equalTo(filter.operation));
    std::optional<FieldTest> resultType, resultSignature;
    if (!filter.result.empty()) {
        resultType.emplace(data, TextField::ResultType, rows.size(), equalTo(filter.result));
        resultSignature.emplace(data, TextField::ResultSignature, rows.size(), equalTo(filter.result));
    }
    // The free text: text columns by id table (or row text), the others formatted per row.
    const std::string needle = lowered(filter.text);
    const auto contains = [needle](std::string_view v) { return containsIgnoringCase(v, needle); };
    std::vector<FieldTest> textTests;
    std::vector<RecordColumn> formatted;
    if (!needle.empty()) {
        for (const RecordColumn c : filter.textColumns) {
            if (const auto field = textFieldOf(c))
                textTests.emplace_back(data, *field, rows.size(), contains);
            else if (c < kRecordColumnCount)
                formatted.push_back(c);
        }
    }
    const auto textMatches = [&](std::size_t r) {
        if (needle.empty())
            return true;
        for (const auto &t : textTests)
            if (t(r))
                return true;
        for (const RecordColumn c : formatted)
            if (containsIgnoringCase(recordCellText(data, r, c), needle))
                return true;
        return false;
    };

    std::vector<std::size_t> out;
    for (std::size_t i = 0; i < rows.size(); ++i) {
        if (cancelled(cancel, i))
            return std::nullopt;
        const std::size_t r = rows[i];
        const Ticks t = data.time(r);
        if ((filter.from && t < *filter.from) || (filter.to && t >= *filter.to))
            continue;
        if (!std::all_of(tests.begin(), tests.end(), [r](const FieldTest &test) { return test(r); }))
            continue;
        if (resultType && !(*resultType)(r) && !(*resultSignature)(r))
            continue;
        if (textMatches(r))
            out.push_back(r);
    }
    return out;
}

namespace {

// Orders @p used (distinct ids of @p field) by text; CallerIPAddress as addresses, then by the full
// text (a port).
void orderByText(const StringPool &pool, TextField field, std::vector<StringId> &used)
{
    if (field != TextField::CallerIPAddress) {
        std::sort(used.begin(), used.end(), [&pool](StringId a, StringId b) { return pool.view(a) < pool.view(b); });
        return;
    }
    std::vector<std::pair<std::string, StringId>> keyed;
    keyed.reserve(used.size());
    for (const StringId id : used)
        keyed.emplace_back(addressSortKey(ecsSourceIp(pool.view(id))) + '\n' + std::string(pool.view(id)), id);
    std::sort(keyed.begin(), keyed.end());
    for (std::size_t i = 0; i < keyed.size(); ++i)
        used[i] = keyed[i].second;
}

// The rank in text order of each row's value. Only the ids the rows use are ranked, so a sort of a
// few rows stays cheap when the column has millions of distinct values (CorrelationId); a table by
// id serves when the pool is not much larger than the rows, a binary search otherwise.
std::vector<std::uint64_t> textKeys(const Dataset &data, TextField field, const std::vector<std::size_t> &rows)
{
    const StringPool &pool = data.pool(field);
    std::vector<std::uint64_t> keys(rows.size());
    if (pool.size() <= 4 * rows.size() + 4096) {
        std::vector<std::uint32_t> rank(pool.size(), 0);
        std::vector<StringId> used;
        for (const std::size_t r : rows) {
            const StringId id = data.textId(field, r);
            if (rank[id] == 0) {
                rank[id] = 1;
                used.push_back(id);
            }
        }
        orderByText(pool, field, used);
        for (std::size_t i = 0; i < used.size(); ++i)
            rank[used[i]] = static_cast<std::uint32_t>(i);
        for (std::size_t i = 0; i < rows.size(); ++i)
            keys[i] = rank[data.textId(field, rows[i])];
        return keys;
    }
    std::vector<StringId> byId(rows.size());
    for (std::size_t i = 0; i < rows.size(); ++i)
        byId[i] = data.textId(field, rows[i]);
    std::sort(byId.begin(), byId.end());
    byId.erase(std::unique(byId.begin(), byId.end()), byId.end());
    std::vector<StringId> used = byId;
    orderByText(pool, field, used);
    std::vector<std::uint32_t> rank(byId.size()); // parallel to byId
    for (std::size_t i = 0; i < used.size(); ++i)
        rank[static_cast<std::size_t>(std::lower_bound(byId.begin(), byId.end(), used[i]) - byId.begin())]
            = static_cast<std::uint32_t>(i);
    for (std::size_t i = 0; i < rows.size(); ++i) {
        const StringId id = data.textId(field, rows[i]);
        keys[i] = rank[static_cast<std::size_t>(std::lower_bound(byId.begin(), byId.end(), id) - byId.begin())];
    }
    return keys;
}

// Signed values as unsigned keys with the same order.
std::uint64_t orderKey(std::int64_t v)
{
    return static_cast<std::uint64_t>(v) ^ (std::uint64_t {1} << 63);
}

std::vector<std::uint64_t> sortKeys(const Dataset &data, const std::vector<std::size_t> &rows, RecordColumn column)
{
    std::vector<std::uint64_t> keys(rows.size());
    if (column == kTimeColumn) {
        for (std::size_t i = 0; i < rows.size(); ++i)
            keys[i] = orderKey(data.time(rows[i]));
    } else if (column == kDurationColumn) {
        for (std::size_t i = 0; i < rows.size(); ++i)
            keys[i] = orderKey(data.durationMs(rows[i])); // absent is INT64_MIN: first
    } else if (column == kHttpStatusColumn) {
        for (std::size_t i = 0; i < rows.size(); ++i)
            keys[i] = orderKey(data.httpStatusCode(rows[i])); // absent is -1: first
    } else if (const auto field = textFieldOf(column)) {
        keys = textKeys(data, *field, rows);
    }
    return keys;
}

} // namespace

std::optional<std::vector<std::size_t>> sortRecords(
    const Dataset &data, std::vector<std::size_t> rows, const RecordSort &sort, const std::atomic<bool> *cancel)
{
    const std::vector<std::uint64_t> keys = sortKeys(data, rows, sort.column);
    if (cancel && cancel->load(std::memory_order_relaxed))
        return std::nullopt;
    // Sorting (key, position) pairs: one contiguous array, and the position makes every comparison
    // total, so an unstable sort gives the stable order. Descending flips the key, not the position.
    struct Item {
        std::uint64_t key;
        std::uint64_t position;
    };
    std::vector<Item> items(rows.size());
    for (std::size_t i = 0; i < rows.size(); ++i)
        items[i] = {sort.descending ? ~keys[i] : keys[i], i};
    std::sort(items.begin(), items.end(),
        [](const Item &a, const Item &b) { return a.key != b.key ? a.key < b.key : a.position < b.position; });
    if (cancel && cancel->load(std::memory_order_relaxed))
        return std::nullopt;
    std::vector<std::size_t> out(rows.size());
    for (std::size_t i = 0; i < items.size(); ++i)
        out[i] = rows[items[i].position];
    return out;
}

} // namespace kvt::engine
