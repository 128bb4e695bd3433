#include <gtest/gtest.h>

#include "security/password_policy.hpp"

using namespace exam::security;

namespace {
std::string repeated(std::string_view piece, std::size_t times) {
    std::string text;
    for (std::size_t i = 0; i < times; ++i) text += piece;
    return text;
}
}  // namespace

TEST(PasswordPolicy, AcceptsTwelveToOneHundredTwentyEightCharacters) {
    EXPECT_EQ(password_policy_violation(repeated("a", 12)), std::nullopt);
    EXPECT_EQ(password_policy_violation(repeated("a", 128)), std::nullopt);
    EXPECT_EQ(password_policy_violation("correct horse battery staple"), std::nullopt);
}

TEST(PasswordPolicy, RefusesElevenAndOneHundredTwentyNine) {
    const auto short_one = password_policy_violation(repeated("a", 11));
    ASSERT_TRUE(short_one);
    EXPECT_EQ(*short_one, "The password must be at least 12 characters long.");
    const auto long_one = password_policy_violation(repeated("a", 129));
    ASSERT_TRUE(long_one);
    EXPECT_EQ(*long_one, "The password must be at most 128 characters long.");
    EXPECT_TRUE(password_policy_violation(""));
}

TEST(PasswordPolicy, CountsCodePointsNotBytes) {
    // é is 2 bytes, € 3, 😀 4: byte counts would cross the limits wrongly.
    EXPECT_EQ(password_policy_violation(repeated("é", 12)), std::nullopt);
    EXPECT_TRUE(password_policy_violation(repeated("é", 11)));
    EXPECT_TRUE(password_policy_violation(repeated("€", 11)));  // 33 bytes, 11 characters
    EXPECT_EQ(password_policy_violation(repeated("€", 12)), std::nullopt);
    EXPECT_EQ(password_policy_violation(repeated("😀", 128)), std::nullopt);  // 512 bytes
    EXPECT_TRUE(password_policy_violation(repeated("😀", 129)));
    EXPECT_EQ(password_policy_violation("pässwörd " + repeated("😀", 3)), std::nullopt);
}

TEST(PasswordPolicy, RefusesTextThatIsNotUtf8) {
    const std::string base = repeated("a", 20);
    for (const std::string_view bad : {"\xC3", "\x80", "\xC0\xAF", "\xE0\x80\xAF", "\xED\xA0\x80", "\xF4\x90\x80\x80",
                                       "\xF8\x88\x80\x80\x80", "\xE2\x82", "\xC3\x28"}) {
        const auto message = password_policy_violation(base + std::string(bad));
        ASSERT_TRUE(message) << "accepted bytes " << ::testing::PrintToString(std::string(bad));
        EXPECT_EQ(*message, "The password is not valid UTF-8 text.");
    }
}
