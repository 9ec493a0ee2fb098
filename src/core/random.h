#pragma once

#include <cstddef>
#include <cstdint>
#include <iterator>
#include <span>

namespace knotmap {

// A small, fast, seedable generator (xoshiro256**, seeded through splitmix64)
// with its own distributions. The standard library's distributions are not
// specified bit for bit, so the same seed would give different demo data with
// another standard library; everything here uses integer arithmetic or plain
// IEEE double arithmetic only (no exp/log/cos), so it is reproducible anywhere.
class Random {
public:
    explicit Random(std::uint64_t seed);

    // A generator for a sub-stream: the same (seed, stream) always gives the
    // same sequence, and different streams are independent for practical use.
    static Random forStream(std::uint64_t seed, std::uint64_t stream);

    std::uint64_t next();
    // Uniform in [0, 1), 53 random bits.
    double uniform();
    // Uniform in [low, high).
    double uniform(double low, double high);
    // Uniform integer in [low, high], both included; requires low <= high.
    int uniformInt(int low, int high);
    // True with the given probability.
    bool chance(double probability);
    // Approximately standard normal (Irwin-Hall: the sum of 12 uniforms minus
    // 6): mean 0, standard deviation 1, tails cut at +-6, which suits
    // simulated noise and needs no transcendental functions.
    double normal();
    double normal(double mean, double standardDeviation);
    // An index drawn with probability proportional to weights[i]; weights must
    // not be negative and must not all be zero.
    std::size_t weightedIndex(std::span<const double> weights);

private:
    Random() = default;
    std::uint64_t m_state[4] = {};
};

// A uniformly chosen element of a non-empty array, span or vector.
template <typename Container>
const auto& pick(Random& random, const Container& items) {
    return items[static_cast<std::size_t>(
        random.uniformInt(0, static_cast<int>(std::size(items)) - 1))];
}

// One step of splitmix64: mixes x into a well-spread 64-bit value.
[[nodiscard]] std::uint64_t splitMix64(std::uint64_t& x);

} // namespace knotmap
