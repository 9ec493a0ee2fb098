#include "core/random.h"

namespace knotmap {
namespace {

std::uint64_t rotateLeft(std::uint64_t x, int k) {
    return (x << k) | (x >> (64 - k));
}

} // namespace

std::uint64_t splitMix64(std::uint64_t& x) {
    x += 0x9E3779B97F4A7C15ULL;
    std::uint64_t z = x;
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
    return z ^ (z >> 31);
}

Random::Random(std::uint64_t seed) {
    std::uint64_t x = seed;
    for (std::uint64_t& word : m_state) {
        word = splitMix64(x);
    }
}

Random Random::forStream(std::uint64_t seed, std::uint64_t stream) {
    // Mix the stream number through splitmix64 before combining so that
    // neighbouring (seed, stream) pairs do not share state words.
    std::uint64_t s = stream;
    const std::uint64_t mixedStream = splitMix64(s);
    return Random(seed ^ mixedStream ^ rotateLeft(seed, 23));
}

std::uint64_t Random::next() {
    const std::uint64_t result = rotateLeft(m_state[1] * 5, 7) * 9;
    const std::uint64_t t = m_state[1] << 17;
    m_state[2] ^= m_state[0];
    m_state[3] ^= m_state[1];
    m_state[1] ^= m_state[2];
    m_state[0] ^= m_state[3];
    m_state[2] ^= t;
    m_state[3] = rotateLeft(m_state[3], 45);
    return result;
}

double Random::uniform() {
    return static_cast<double>(next() >> 11) * 0x1.0p-53;
}

double Random::uniform(double low, double high) {
    return low + (high - low) * uniform();
}

int Random::uniformInt(int low, int high) {
    const std::uint64_t range = static_cast<std::uint64_t>(static_cast<std::int64_t>(high) -
                                                           static_cast<std::int64_t>(low)) +
                                1;
    // Rejection keeps every value equally likely (no modulo bias).
    const std::uint64_t limit = UINT64_MAX - UINT64_MAX % range;
    std::uint64_t value = next();
    while (value >= limit) {
        value = next();
    }
    return static_cast<int>(static_cast<std::int64_t>(low) +
                            static_cast<std::int64_t>(value % range));
}

bool Random::chance(double probability) {
    return uniform() < probability;
}

double Random::normal() {
    double sum = 0.0;
    for (int i = 0; i < 12; ++i) {
        sum += uniform();
    }
    return sum - 6.0;
}

double Random::normal(double mean, double standardDeviation) {
    return mean + standardDeviation * normal();
}

std::size_t Random::weightedIndex(std::span<const double> weights) {
    double total = 0.0;
    for (double weight : weights) {
        total += weight;
    }
    double pick = uniform() * total;
    for (std::size_t i = 0; i < weights.size(); ++i) {
        if (pick < weights[i]) {
            return i;
        }
        pick -= weights[i];
    }
    // Rounding can leave pick a hair above the last weight: take the last
    // index that can be drawn at all.
    for (std::size_t i = weights.size(); i > 0; --i) {
        if (weights[i - 1] > 0.0) {
            return i - 1;
        }
    }
    return 0;
}

} // namespace knotmap
