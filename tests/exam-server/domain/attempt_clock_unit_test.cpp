#include <gtest/gtest.h>

#include "domain/attempt_clock.hpp"

using namespace exam::domain;

namespace {
constexpr Millis grace = 30'000;
AttemptTime running(Millis allowed, Millis at) { return AttemptTime{allowed, 0, at, true}; }
}  // namespace

TEST(AttemptClockUnit, ContactsCloserThanTheGraceAreChargedInFull) {
    auto t = running(600'000, 0);
    for (Millis now = 10'000; now <= 100'000; now += 10'000) record_contact(t, now, grace);
    EXPECT_EQ(t.used_ms, 100'000);
    EXPECT_EQ(remaining_at(t, 100'000, grace), 500'000);
}

TEST(AttemptClockUnit, AGapLongerThanTheGraceCostsOnlyTheGrace) {
    auto t = running(600'000, 0);
    record_contact(t, 10'000, grace);
    record_contact(t, 10'000 + 3'600'000, grace);
    EXPECT_EQ(t.used_ms, 10'000 + grace);
}

TEST(AttemptClockUnit, PausedTimeIsNeverCharged) {
    auto t = running(600'000, 0);
    pause_clock(t, 20'000, grace);
    EXPECT_EQ(usage_at(t, 5'000'000, grace), 20'000);
    resume_clock(t, 5'000'000);
    EXPECT_EQ(usage_at(t, 5'010'000, grace), 30'000);
}

TEST(AttemptClockUnit, UsageNeverExceedsTheAllowanceAndTimeNeverRunsBackwards) {
    auto t = running(60'000, 100'000);
    record_contact(t, 90'000, grace);  // an earlier timestamp than the last contact
    EXPECT_EQ(t.used_ms, 0);
    for (Millis now = 110'000; now <= 300'000; now += 10'000) record_contact(t, now, grace);
    EXPECT_EQ(t.used_ms, 60'000);
    EXPECT_EQ(remaining_at(t, 400'000, grace), 0);
}

TEST(AttemptClockUnit, ExpiryWithoutContactOnlyWithinTheGrace) {
    auto t = running(60'000, 0);
    EXPECT_FALSE(expiry_without_contact(t, grace).has_value());  // 60 s left > 30 s grace
    record_contact(t, 20'000, grace);
    record_contact(t, 40'000, grace);
    ASSERT_TRUE(expiry_without_contact(t, grace).has_value());
    EXPECT_EQ(*expiry_without_contact(t, grace), 60'000);
    pause_clock(t, 45'000, grace);
    EXPECT_FALSE(expiry_without_contact(t, grace).has_value());
}

TEST(UtcTimes, ParseAndFormatRoundTripAndRejectNonsense) {
    Millis ms = 0;
    ASSERT_TRUE(parse_utc("2026-11-25T09:00:00Z", ms));
    EXPECT_EQ(ms, 1795597200000);
    EXPECT_EQ(format_utc(ms), "2026-11-25T09:00:00Z");
    EXPECT_FALSE(parse_utc("2026-02-30T09:00:00Z", ms));
    EXPECT_FALSE(parse_utc("2026-11-25 09:00:00", ms));
    EXPECT_FALSE(parse_utc("2026-11-25T09:00:00Zjunk", ms));
    EXPECT_FALSE(parse_utc("", ms));
}
