// SPDX-License-Identifier: MIT
// A small seeded random source whose sequence is the same on every platform and library
// (std:: distributions are implementation-defined, so the generator cannot use them).
#pragma once

#include <cmath>
#include <cstdint>
#include <string>

namespace kvt::engine {

/// xoshiro256** seeded through splitmix64.
class Random {
public:
    explicit Random(std::uint64_t seed)
    {
        for (auto &s : m_state) {
            seed += 0x9E3779B97F4A7C15ULL;
            std::uint64_t z = seed;
            z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
            z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
            s = z ^ (z >> 31);
        }
    }

    std::uint64_t next()
    {
        const std::uint64_t result = rotl(m_state[1] * 5, 7) * 9;
        const std::uint64_t t = m_state[1] << 17;
        m_state[2] ^= m_state[0];
        m_state[3] ^= m_state[1];
        m_state[1] ^= m_state[2];
        m_state[0] ^= m_state[3];
        m_state[2] ^= t;
        m_state[3] = rotl(m_state[3], 45);
        return result;
    }

    /// Uniform in [0, 1).
    double uniform() { return static_cast<double>(next() >> 11) * 0x1.0p-53; }
    double uniform(double lo, double hi) { return lo + (hi - lo) * uniform(); }
    /// Uniform integer in [lo, hi].
    std::int64_t between(std::int64_t lo, std::int64_t hi)
    {
        return lo + static_cast<std::int64_t>(next() % static_cast<std::uint64_t>(hi - lo + 1));
    }
    bool chance(double p) { return uniform() < p; }

    double normal()
    {
        const double u1 = 1.0 - uniform();
        const double u2 = uniform();
        return std::sqrt(-2.0 * std::log(u1)) * std::cos(6.283185307179586 * u2);
    }

    std::uint64_t poisson(double lambda)
    {
        if (lambda <= 0)
            return 0;
        if (lambda > 40) {
            const double v = std::round(lambda + std::sqrt(lambda) * normal());
            return v < 0 ? 0 : static_cast<std::uint64_t>(v);
        }
        const double limit = std::exp(-lambda);
        std::uint64_t k = 0;
        double p = uniform();
        while (p > limit) {
            ++k;
            p *= uniform();
        }
        return k;
    }

    std::string guid()
    {
        static constexpr char kHex[] = "0123456789abcdef";
        std::string g(36, '-');
        std::uint64_t a = next(), b = next();
        for (std::size_t i = 0, bit = 0; i < 36; ++i) {
            if (i == 8 || i == 13 || i == 18 || i == 23)
                continue;
            std::uint64_t &src = bit < 64 ? a : b;
            g[i] = kHex[src & 0xF];
            src >>= 4;
            bit += 4;
        }
        g[14] = '4'; // version 4, as Entra object ids are
        return g;
    }

private:
    static std::uint64_t rotl(std::uint64_t x, int k) { return (x << k) | (x >> (64 - k)); }
    std::uint64_t m_state[4] {};
};

} // namespace kvt::engine
