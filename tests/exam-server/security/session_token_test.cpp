#include <gtest/gtest.h>

#include <unordered_set>

#include "security/session_token.hpp"

using namespace exam::security;

TEST(Token, Is22Base64UrlCharacters) {
    for (int i = 0; i < 100; ++i) {
        const auto token = generate_session_token();
        ASSERT_EQ(token.size(), session_token_length);
        EXPECT_EQ(token.find_first_not_of("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_"),
                  std::string::npos)
            << token;
    }
}

TEST(Token, TenThousandAreAllDifferent) {
    std::unordered_set<std::string> seen;
    for (int i = 0; i < 10'000; ++i) seen.insert(generate_session_token());
    EXPECT_EQ(seen.size(), 10'000u);
}

TEST(Token, DigestIsStableLowerCaseHexSha256) {
    const auto token = generate_session_token();
    const auto digest = session_token_digest(token);
    ASSERT_EQ(digest.size(), 64u);
    EXPECT_EQ(digest.find_first_not_of("0123456789abcdef"), std::string::npos) << digest;
    EXPECT_EQ(session_token_digest(token), digest);
    EXPECT_NE(session_token_digest(generate_session_token()), digest);
    EXPECT_EQ(session_token_digest("abc"), "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
}

TEST(Token, MatchesOnlyItsOwnDigest) {
    const auto token = generate_session_token();
    const auto digest = session_token_digest(token);
    EXPECT_TRUE(session_token_matches(token, digest));
    EXPECT_FALSE(session_token_matches(generate_session_token(), digest));
    EXPECT_FALSE(session_token_matches(token, digest.substr(1)));
    EXPECT_FALSE(session_token_matches(token, token));  // the token itself is not its stored form
    EXPECT_FALSE(session_token_matches("", digest));
}
