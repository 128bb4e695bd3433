#include <gtest/gtest.h>

#include <thread>

#include "security/login_throttle.hpp"

using namespace exam::security;
using namespace std::chrono_literals;

namespace {
const LoginThrottle::Clock::time_point start{};  // the fake clock's origin
}  // namespace

namespace {
// Fails five times a second apart, then fails each time it is let in, and
// checks every wait on the way; returns the time of the last failure.
LoginThrottle::Clock::time_point fail_through_the_ramp(LoginThrottle& throttle, const std::string& key,
                                                        std::initializer_list<std::chrono::seconds> waits) {
    auto now = start;
    for (int i = 0; i < 5; ++i) {
        EXPECT_EQ(throttle.retry_after(key, now), std::nullopt) << "attempt " << i + 1;
        throttle.record_failure(key, now);
        now += 1s;
    }
    now -= 1s;  // right after the fifth failure
    EXPECT_EQ(throttle.retry_after(key, now + 400ms), 1s) << "rounded up";
    for (const auto wait : waits) {
        EXPECT_EQ(throttle.retry_after(key, now), wait);
        EXPECT_EQ(throttle.retry_after(key, now + wait - 1s), 1s);
        now += wait;
        EXPECT_EQ(throttle.retry_after(key, now), std::nullopt);
        throttle.record_failure(key, now);
    }
    return now;
}
}  // namespace

TEST(LoginThrottle, SequenceOfWaitsWithAFakeClock) {
    LoginThrottle throttle;
    const auto last = fail_through_the_ramp(throttle, "account:alice", {1s, 2s, 4s, 8s, 16s, 32s, 64s, 128s, 256s});
    EXPECT_EQ(throttle.retry_after("account:alice", last), 512s);
    EXPECT_EQ(throttle.retry_after("account:bob", last), std::nullopt) << "keys are separate";
    // The ramp took longer than the window: by the time the 512 s are over, all
    // but the last three failures have aged out, and attempts are free again.
    EXPECT_EQ(throttle.retry_after("account:alice", last + 512s), std::nullopt);
}

TEST(LoginThrottle, WaitsReachTheCapWhenTheWindowOutlastsTheRamp) {
    LoginThrottle throttle(LoginThrottlePolicy{.window = 1h});
    const auto last =
        fail_through_the_ramp(throttle, "account:alice", {1s, 2s, 4s, 8s, 16s, 32s, 64s, 128s, 256s, 512s});
    EXPECT_EQ(throttle.retry_after("account:alice", last), 15min);  // 1024 s, capped
    throttle.record_failure("account:alice", last + 15min);
    EXPECT_EQ(throttle.retry_after("account:alice", last + 15min), 15min);
}

TEST(LoginThrottle, FailuresOlderThanTheWindowAreForgotten) {
    LoginThrottle throttle;
    const std::string key = "address:192.0.2.1";
    for (int i = 0; i < 3; ++i) throttle.record_failure(key, start);
    for (int i = 0; i < 2; ++i) throttle.record_failure(key, start + 10min);
    EXPECT_EQ(throttle.retry_after(key, start + 10min), 1s) << "five within the window";
    // At fifteen minutes the first three age out: two remain, which are free.
    EXPECT_EQ(throttle.retry_after(key, start + 15min), std::nullopt);
    throttle.record_failure(key, start + 15min);
    throttle.record_failure(key, start + 15min);
    EXPECT_EQ(throttle.retry_after(key, start + 15min), std::nullopt) << "four within the window";
    throttle.record_failure(key, start + 15min);
    EXPECT_EQ(throttle.retry_after(key, start + 15min), 1s);
    EXPECT_EQ(throttle.retry_after(key, start + 40min), std::nullopt);
}

TEST(LoginThrottle, SuccessClearsTheKey) {
    LoginThrottle throttle;
    for (int i = 0; i < 8; ++i) {
        throttle.record_failure("account:alice", start);
        throttle.record_failure("address:192.0.2.1", start);
    }
    ASSERT_EQ(throttle.retry_after("account:alice", start), 8s);
    throttle.record_success("account:alice");
    EXPECT_EQ(throttle.retry_after("account:alice", start), std::nullopt);
    EXPECT_EQ(throttle.retry_after("address:192.0.2.1", start), 8s) << "other keys keep their count";
    EXPECT_EQ(throttle.key_count(), 1u);
    throttle.record_success("account:nobody");
    EXPECT_EQ(throttle.key_count(), 1u);
}

TEST(LoginThrottle, ManyFailuresAtOnceKeepTheCapAndBoundedMemory) {
    LoginThrottle throttle;
    for (int i = 0; i < 10'000; ++i) throttle.record_failure("session:s1", start);
    EXPECT_EQ(throttle.retry_after("session:s1", start), 15min);
    EXPECT_EQ(throttle.retry_after("session:s1", start + 15min), std::nullopt);
}

TEST(LoginThrottle, StaleKeysArePurgedAsFailuresArrive) {
    LoginThrottle throttle;
    for (int i = 0; i < 100; ++i) throttle.record_failure("address:" + std::to_string(i), start + i * 1s);
    EXPECT_EQ(throttle.key_count(), 100u);
    // Fifteen minutes after the fiftieth: the first fifty are stale.
    throttle.record_failure("address:new", start + 49s + 15min);
    EXPECT_EQ(throttle.key_count(), 51u);
    throttle.record_failure("address:newer", start + 2h);
    EXPECT_EQ(throttle.key_count(), 1u);
}

TEST(LoginThrottle, TableSizeIsBoundedByEvictingTheLeastRecent) {
    LoginThrottle throttle(LoginThrottlePolicy{}, 3);
    for (int i = 0; i < 6; ++i) throttle.record_failure("account:a", start);
    throttle.record_failure("account:b", start + 1s);
    throttle.record_failure("account:c", start + 2s);
    throttle.record_failure("account:a", start + 3s);  // a becomes the most recent
    throttle.record_failure("account:d", start + 4s);  // evicts b
    EXPECT_EQ(throttle.key_count(), 3u);
    EXPECT_EQ(throttle.retry_after("account:a", start + 3s), 4s);
    throttle.record_failure("account:e", start + 5s);  // evicts c
    throttle.record_failure("account:f", start + 6s);  // evicts a
    EXPECT_EQ(throttle.key_count(), 3u);
    EXPECT_EQ(throttle.retry_after("account:a", start + 6s), std::nullopt);
}

TEST(LoginThrottle, IsSafeFromSeveralThreads) {
    LoginThrottle throttle(LoginThrottlePolicy{}, 1000);
    std::vector<std::thread> threads;
    for (int t = 0; t < 4; ++t) {
        threads.emplace_back([&throttle, t] {
            for (int i = 0; i < 2000; ++i) {
                const auto key = "address:" + std::to_string((i * 7 + t) % 1500);
                const auto now = start + std::chrono::milliseconds(i);
                if (!throttle.retry_after(key, now)) throttle.record_failure(key, now);
                if (i % 50 == 0) throttle.record_success(key);
            }
        });
    }
    for (auto& thread : threads) thread.join();
    EXPECT_LE(throttle.key_count(), 1000u);
}
