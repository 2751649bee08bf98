// SPDX-License-Identifier: MIT
#include "engine/series/fit_line.h"

namespace kvt::engine {

namespace {

struct Coefficients {
    double mean = 0;
    double slope = 0;
    double tau = 0; ///< the centre index (n-1)/2
};

Coefficients fitCoefficients(std::span<const double> y, std::size_t fitCount)
{
    const double n = static_cast<double>(fitCount);
    const double tau = (n - 1.0) / 2.0;
    double mean = 0;
    for (std::size_t i = 0; i < fitCount; ++i)
        mean += y[i];
    mean /= n;
    double sxy = 0, sxx = 0;
    for (std::size_t i = 0; i < fitCount; ++i) {
        const double dx = static_cast<double>(i) - tau;
        sxy += dx * (y[i] - mean);
        sxx += dx * dx;
    }
    return {mean, sxx > 0 ? sxy / sxx : 0.0, tau};
}

} // namespace

void fitLineInto(std::span<const double> y, std::size_t fitCount, std::span<double> out)
{
    if (fitCount == 0) {
        for (double &v : out)
            v = 0;
        return;
    }
    const Coefficients c = fitCoefficients(y, fitCount);
    for (std::size_t i = 0; i < out.size(); ++i)
        out[i] = c.mean + c.slope * (static_cast<double>(i) - c.tau);
}

LineFit fitLine(std::span<const double> y)
{
    LineFit fit;
    const std::size_t n = y.size();
    fit.lineFit.assign(n, 0.0);
    if (n == 0)
        return fit;
    fitLineInto(y, n, fit.lineFit);
    const double nd = static_cast<double>(n);
    double mean = 0;
    for (const double v : y)
        mean += v;
    mean /= nd;
    double ssTot = 0, ssRes = 0;
    for (std::size_t i = 0; i < n; ++i) {
        ssTot += (y[i] - mean) * (y[i] - mean);
        ssRes += (y[i] - fit.lineFit[i]) * (y[i] - fit.lineFit[i]);
    }
    const Coefficients c = fitCoefficients(y, n);
    fit.slope = c.slope;
    // Value at x = 0 when the first point is x = 1, i.e. index -1.
    fit.interception = c.mean + c.slope * (-1.0 - c.tau);
    fit.variance = n > 1 ? ssTot / (nd - 1.0) : 0.0;
    fit.rvariance = n > 1 ? ssRes / (nd - 1.0) : 0.0;
    fit.rsquare = ssTot > 0 ? 1.0 - ssRes / ssTot : 1.0;
    return fit;
}

} // namespace kvt::engine
