#include <gtest/gtest.h>

#include <map>

#include "security/keycode.hpp"

using namespace exam::security;

TEST(Keycode, AlphabetHasNoLookAlikes) {
    EXPECT_EQ(keycode_alphabet.size(), 32u);
    for (const char c : std::string_view("0O1I")) EXPECT_EQ(keycode_alphabet.find(c), std::string_view::npos) << c;
}

TEST(Keycode, IsEightCharactersFromTheAlphabet) {
    for (int i = 0; i < 1000; ++i) {
        const auto keycode = generate_keycode();
        ASSERT_EQ(keycode.size(), keycode_length);
        EXPECT_EQ(keycode.find_first_not_of(keycode_alphabet), std::string::npos) << keycode;
    }
}

TEST(Keycode, CharactersAreRoughlyUniform) {
    // 160,000 characters: 5,000 expected of each, standard deviation about 70,
    // so ±10% is seven deviations: a failure means bias, not bad luck.
    std::map<char, int> counts;
    for (int i = 0; i < 20'000; ++i) {
        for (const char c : generate_keycode()) ++counts[c];
    }
    ASSERT_EQ(counts.size(), keycode_alphabet.size());
    for (const auto& [c, count] : counts) {
        EXPECT_GT(count, 4500) << c;
        EXPECT_LT(count, 5500) << c;
    }
}

TEST(Keycode, NormalisingUpperCasesAndDropsSpacesAndHyphens) {
    EXPECT_EQ(normalise_keycode("abcd-efgh"), "ABCDEFGH");
    EXPECT_EQ(normalise_keycode(" AbCd  EfGh "), "ABCDEFGH");
    EXPECT_EQ(normalise_keycode("ab-cd ef-gh"), "ABCDEFGH");
    EXPECT_EQ(normalise_keycode("k7p2-w9x3"), "K7P2W9X3");
    EXPECT_EQ(normalise_keycode("ab_cd"), "AB_CD");  // other characters stay, and fail to match
}

TEST(Keycode, MatchingIgnoresCaseSpacesAndHyphens) {
    EXPECT_TRUE(keycodes_match("k7p2-w9x3", "K7P2W9X3"));
    EXPECT_TRUE(keycodes_match(" k7p2 w9x3", "K7P2-W9X3"));
    EXPECT_FALSE(keycodes_match("K7P2W9X4", "K7P2W9X3"));
    EXPECT_FALSE(keycodes_match("K7P2W9X", "K7P2W9X3"));
    EXPECT_FALSE(keycodes_match("", "K7P2W9X3"));
}
