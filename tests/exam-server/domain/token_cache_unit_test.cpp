// The token cache trusts an entry for its time to live only, never past the
// token's own expiry, forgets a revoked token at once, and stays bounded.
#include <gtest/gtest.h>

#include "services/token_cache.hpp"

using exam::services::CachedToken;
using exam::services::TokenCache;

namespace {
CachedToken candidate(std::int64_t attempt, std::int64_t expires_at) {
    CachedToken t;
    t.principal.kind = exam::domain::Principal::Kind::candidate;
    t.principal.attempt_id = attempt;
    t.expires_at = expires_at;
    return t;
}
}  // namespace

TEST(TokenCache, AnEntryIsTrustedForItsTimeToLiveAndNeverPastTheTokensExpiry) {
    TokenCache cache(5'000, 10);
    cache.put("a", candidate(7, 100'000), 1'000);
    ASSERT_TRUE(cache.find("a", 5'999));
    EXPECT_EQ(cache.find("a", 5'999)->principal.attempt_id, 7);
    EXPECT_FALSE(cache.find("a", 6'000)) << "five seconds later the database is asked again";
    cache.put("b", candidate(8, 3'000), 1'000);
    EXPECT_FALSE(cache.find("b", 3'000)) << "an expired token is never honoured from the cache";
}

TEST(TokenCache, ARevokedTokenIsForgottenAtOnceAndTheCacheStaysBounded) {
    TokenCache cache(5'000, 3);
    cache.put("a", candidate(1, 100'000), 0);
    cache.forget("a");
    EXPECT_FALSE(cache.find("a", 1));
    for (int i = 0; i < 10; ++i) cache.put("t" + std::to_string(i), candidate(i, 100'000), 0);
    EXPECT_LE(cache.size(), 3u);
    EXPECT_TRUE(cache.find("t9", 1)) << "the newest entry is kept";
}
