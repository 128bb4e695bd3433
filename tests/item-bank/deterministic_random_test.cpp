#include <gtest/gtest.h>

#include <numeric>

#include "item_bank/deterministic_random.hpp"

using item_bank::DeterministicRandom;

TEST(DeterministicRandom, SameSeedSameSequence) {
    DeterministicRandom a(42), b(42), c(43);
    bool differs = false;
    for (int i = 0; i < 100; ++i) {
        const auto x = a.next();
        EXPECT_EQ(x, b.next());
        differs |= x != c.next();
    }
    EXPECT_TRUE(differs);
}

TEST(DeterministicRandom, OutputIsFixedAcrossPlatformsAndLibraries) {
    // Pinned values: a change here changes every recorded form draw.
    DeterministicRandom r(1);
    const std::uint64_t first = r.next();
    DeterministicRandom again(1);
    EXPECT_EQ(again.next(), first);
    EXPECT_EQ(first, 0xb3f2af6d0fc710c5ULL);
}

TEST(DeterministicRandom, BelowStaysInRangeAndCoversIt) {
    DeterministicRandom r(7);
    std::vector<int> seen(6, 0);
    for (int i = 0; i < 6000; ++i) {
        const auto v = r.below(6);
        ASSERT_LT(v, 6u);
        ++seen[v];
    }
    for (int count : seen) EXPECT_GT(count, 800);  // roughly uniform: 1000 expected each
}

TEST(DeterministicRandom, ShuffleIsAPermutationAndDependsOnTheSeed) {
    std::vector<int> base(20);
    std::iota(base.begin(), base.end(), 0);
    auto a = base, b = base;
    DeterministicRandom(5).shuffle(a);
    DeterministicRandom(6).shuffle(b);
    EXPECT_NE(a, base);
    EXPECT_NE(a, b);
    std::sort(a.begin(), a.end());
    EXPECT_EQ(a, base);
}
