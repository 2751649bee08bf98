// SPDX-License-Identifier: MIT
#include "engine/bench/series_bench.h"

#include <algorithm>
#include <chrono>

#include "engine/generate/random.h"
#include "engine/series/decompose.h"

namespace kvt::engine {
namespace {

using Clock = std::chrono::steady_clock;

// Deterministic daily-count-like series: a level, a weekly rhythm on some, Poisson noise.
std::vector<double> makeSeries(std::size_t count, std::size_t length, std::uint64_t seed)
{
    Random rng(seed);
    std::vector<double> values(count * length);
    for (std::size_t s = 0; s < count; ++s) {
        const double level = std::exp(rng.uniform(1.0, 7.0));
        const bool weekly = rng.chance(0.3);
        for (std::size_t i = 0; i < length; ++i) {
            const double rhythm = weekly && (i % 7 >= 5) ? 0.4 : 1.0;
            values[s * length + i] = static_cast<double>(rng.poisson(level * rhythm));
        }
    }
    return values;
}

template <typename F> double bestOf(int repetitions, F &&body)
{
    double best = 1e300;
    for (int r = 0; r < repetitions; ++r) {
        const auto start = Clock::now();
        body();
        best = std::min(best, std::chrono::duration<double, std::milli>(Clock::now() - start).count());
    }
    return best;
}

BenchFigure measure(
    const char *name, std::size_t count, std::size_t length, double target, int repetitions, bool reflagOnly)
{
    const std::vector<double> values = makeSeries(count, length, 1234 + length);
    DecomposeParams params;
    params.threshold = 3;
    AnomalyScorer scorer;
    std::vector<AnomalyResult> results(count);
    for (std::size_t s = 0; s < count; ++s) // warm up and fill the cache of scores
        scorer.score(std::span(values).subspan(s * length, length), params, results[s]);

    BenchFigure f {name, count, length, 0, 0, target};
    volatile double sink = 0;
    f.baselineMilliseconds = bestOf(repetitions, [&] {
        double total = 0;
        for (const double v : values)
            total += v;
        sink = sink + total;
    });
    if (reflagOnly) {
        double threshold = 2.5;
        f.milliseconds = bestOf(repetitions, [&] {
            threshold += 0.1; // a threshold change: scores are cached, only flags move
            for (auto &r : results)
                flagScores(r.scores, threshold, r.flags);
        });
    } else {
        f.milliseconds = bestOf(repetitions, [&] {
            for (std::size_t s = 0; s < count; ++s)
                scorer.score(std::span(values).subspan(s * length, length), params, results[s]);
        });
    }
    return f;
}

} // namespace

std::vector<BenchFigure> runSeriesBenchmarks(int repetitions)
{
    return {
        measure("rescore 10,000 x 14 (full series_decompose_anomalies)", 10'000, 14, 5.0, repetitions, false),
        measure("reflag 10,000 x 14 after a threshold change (cached scores)", 10'000, 14, 5.0, repetitions, true),
        measure("score 100,000 x 168 (full, seasonality autodetect)", 100'000, 168, 1000.0,
            std::max(1, repetitions / 3), false),
    };
}

} // namespace kvt::engine
