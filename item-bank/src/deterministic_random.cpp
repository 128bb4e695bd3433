#include "item_bank/deterministic_random.hpp"

#include <limits>

namespace item_bank {
namespace {

std::uint64_t splitmix64(std::uint64_t& x) {
    std::uint64_t z = (x += 0x9e3779b97f4a7c15ULL);
    z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
    z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
    return z ^ (z >> 31);
}

std::uint64_t rotl(std::uint64_t x, int k) { return (x << k) | (x >> (64 - k)); }

}  // namespace

DeterministicRandom::DeterministicRandom(std::uint64_t seed) {
    for (auto& s : state_) s = splitmix64(seed);
}

std::uint64_t DeterministicRandom::next() {
    const std::uint64_t result = rotl(state_[1] * 5, 7) * 9;
    const std::uint64_t t = state_[1] << 17;
    state_[2] ^= state_[0];
    state_[3] ^= state_[1];
    state_[1] ^= state_[2];
    state_[0] ^= state_[3];
    state_[2] ^= t;
    state_[3] = rotl(state_[3], 45);
    return result;
}

std::uint64_t DeterministicRandom::below(std::uint64_t bound) {
    // Rejection sampling keeps every value equally likely (no modulo bias).
    const std::uint64_t max = std::numeric_limits<std::uint64_t>::max();
    const std::uint64_t limit = max - (max % bound);
    std::uint64_t x;
    do {
        x = next();
    } while (x >= limit);
    return x % bound;
}

}  // namespace item_bank
