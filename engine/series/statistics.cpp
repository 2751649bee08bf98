// SPDX-License-Identifier: MIT
#include "series/statistics.h"

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

double medianOfSorted(std::span<const double> q)
{
    const std::size_t n = q.size();
    return n % 2 == 1 ? q[n / 2] : (q[n / 2 - 1] + q[n / 2]) / 2.0;
}

} // namespace kvt::engine
