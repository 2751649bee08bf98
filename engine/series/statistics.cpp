// SPDX-License-Identifier: MIT
#include "engine/series/statistics.h"

#include <algorithm>
#include <cmath>

namespace kvt::engine {

double percentileType7(std::span<const double> q, double percent)
{
    const double h = static_cast<double>(q.size() - 1) * percent / 100.0;
    const double k = std::floor(h);
    const auto i = static_cast<std::size_t>(k);
    if (i + 1 >= q.size())
        return q.back();
    return q[i] + (h - k) * (q[i + 1] - q[i]);
}

double percentileType7Unsorted(std::span<double> q, double percent)
{
    const double h = static_cast<double>(q.size() - 1) * percent / 100.0;
    const double k = std::floor(h);
    const auto i = static_cast<std::size_t>(k);
    const auto at = q.begin() + static_cast<std::ptrdiff_t>(i);
    std::nth_element(q.begin(), at, q.end());
    const double lower = *at;
    if (i + 1 >= q.size())
        return lower;
    const double upper = *std::min_element(at + 1, q.end()); // the (i+1)-th order statistic
    return lower + (h - k) * (upper - lower);
}

double medianOfSorted(std::span<const double> q)
{
    const std::size_t n = q.size();
    return n % 2 == 1 ? q[n / 2] : (q[n / 2 - 1] + q[n / 2]) / 2.0;
}

} // namespace kvt::engine
