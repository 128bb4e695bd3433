#pragma once
// A pseudo-random generator whose output is fixed by the standard of this file,
// not by the C++ library: the same seed gives the same form on any platform,
// which std::uniform_int_distribution and std::shuffle do not promise.

#include <cstdint>
#include <utility>
#include <vector>

namespace item_bank {

class DeterministicRandom {
public:
    explicit DeterministicRandom(std::uint64_t seed);

    std::uint64_t next();                       // xoshiro256**
    std::uint64_t below(std::uint64_t bound);   // uniform in [0, bound), bound > 0

    template <class T>
    void shuffle(std::vector<T>& values) {
        for (std::size_t i = values.size(); i > 1; --i) {
            std::swap(values[i - 1], values[static_cast<std::size_t>(below(i))]);
        }
    }

private:
    std::uint64_t state_[4];
};

}  // namespace item_bank
