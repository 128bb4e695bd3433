#include <gtest/gtest.h>

#include "security/login_throttle_policy.hpp"

using namespace exam::security;
using namespace std::chrono_literals;

TEST(LoginThrottlePolicy, FiveFailuresAreFreeThenTheDelayDoublesToTheCap) {
    const LoginThrottlePolicy policy;
    for (std::size_t failures = 0; failures < 5; ++failures) EXPECT_EQ(policy.delay_after(failures), 0s) << failures;
    EXPECT_EQ(policy.delay_after(5), 1s);
    EXPECT_EQ(policy.delay_after(6), 2s);
    EXPECT_EQ(policy.delay_after(7), 4s);
    EXPECT_EQ(policy.delay_after(14), 512s);
    EXPECT_EQ(policy.delay_after(15), 15min);  // 1024 s, capped
    EXPECT_EQ(policy.delay_after(1'000'000), 15min);
    EXPECT_EQ(policy.failures_worth_keeping(), 15u);
}

TEST(LoginThrottlePolicy, RetryAfterCountsFromTheLastFailureRoundingUp) {
    const LoginThrottlePolicy policy;
    EXPECT_EQ(policy.retry_after(4, 0s), std::nullopt);
    EXPECT_EQ(policy.retry_after(5, 0s), 1s);
    EXPECT_EQ(policy.retry_after(5, 300ms), 1s);
    EXPECT_EQ(policy.retry_after(5, 1s), std::nullopt);
    EXPECT_EQ(policy.retry_after(7, 1500ms), 3s);  // 2.5 s left
    EXPECT_EQ(policy.retry_after(7, 4s), std::nullopt);
    EXPECT_EQ(policy.retry_after(20, 1min), 14min);
}

TEST(LoginThrottlePolicy, AFailureStampedInTheFutureDoesNotLengthenTheWait) {
    const LoginThrottlePolicy policy;
    EXPECT_EQ(policy.retry_after(6, -10s), 2s);
    EXPECT_TRUE(policy.counts(-10s));
}

TEST(LoginThrottlePolicy, FailuresCountForTheWindowOnly) {
    const LoginThrottlePolicy policy;
    EXPECT_TRUE(policy.counts(0s));
    EXPECT_TRUE(policy.counts(15min - 1ns));
    EXPECT_FALSE(policy.counts(15min));
    EXPECT_FALSE(policy.counts(1h));
}

TEST(LoginThrottlePolicy, IsConfigurable) {
    const LoginThrottlePolicy policy{.free_failures = 3, .window = 1h, .first_delay = 10s, .max_delay = 1min};
    EXPECT_EQ(policy.delay_after(2), 0s);
    EXPECT_EQ(policy.delay_after(3), 10s);
    EXPECT_EQ(policy.delay_after(4), 20s);
    EXPECT_EQ(policy.delay_after(5), 40s);
    EXPECT_EQ(policy.delay_after(6), 1min);
    EXPECT_EQ(policy.failures_worth_keeping(), 6u);
    EXPECT_TRUE(policy.counts(59min));

    const LoginThrottlePolicy never{.free_failures = 0, .window = 1h, .first_delay = 0s, .max_delay = 0s};
    EXPECT_EQ(never.retry_after(100, 0s), std::nullopt);
    EXPECT_EQ(never.failures_worth_keeping(), 0u);
}
