// A subscriber's queue: superseded messages are replaced in place, order is
// kept, a stalled subscriber is cut off past its byte limit, and the sender
// is woken only when it has something new to send.
#include <gtest/gtest.h>

#include "services/feed_subscription.hpp"
#include "services/live_feed.hpp"

using exam::services::FeedSubscription;
using exam::services::FeedTopic;
using exam::services::LiveFeed;

TEST(FeedSubscription, ANewerStateOfTheSameCandidateReplacesTheWaitingOneInPlace) {
    int wakes = 0;
    FeedSubscription sub(1 << 20, [&] { ++wakes; });
    sub.offer("attempt:1", "one v1");
    sub.offer("attempt:2", "two v1");
    sub.offer("attempt:1", "one v2");
    sub.offer("", "incident a");
    sub.offer("", "incident b");
    EXPECT_EQ(wakes, 1) << "woken once, when the queue stopped being empty";
    EXPECT_EQ(sub.next(), "one v2");
    EXPECT_EQ(sub.next(), "two v1");
    EXPECT_EQ(sub.next(), "incident a");
    EXPECT_EQ(sub.next(), "incident b") << "unkeyed messages are never dropped";
    EXPECT_EQ(sub.next(), std::nullopt);
    EXPECT_EQ(sub.pending_bytes(), 0u);
    sub.offer("attempt:1", "one v3");
    EXPECT_EQ(wakes, 2);
}

TEST(FeedSubscription, TheSnapshotGoesBeforeEverythingAlreadyWaiting) {
    FeedSubscription sub(1 << 20, nullptr);
    sub.offer("attempt:1", "event");
    sub.offer_first("snapshot");
    EXPECT_EQ(sub.next(), "snapshot");
    EXPECT_EQ(sub.next(), "event");
}

TEST(FeedSubscription, ASnapshotLargerThanTheLimitIsSentAndDoesNotCountAgainstIt) {
    FeedSubscription sub(100, nullptr);
    sub.offer_first(std::string(1000, 's'));
    sub.offer("attempt:1", std::string(60, 'e'));
    EXPECT_FALSE(sub.overflowed());
    EXPECT_EQ(sub.pending_bytes(), 60u);
    EXPECT_EQ(sub.next()->size(), 1000u);
    EXPECT_EQ(sub.next()->size(), 60u);
    EXPECT_EQ(sub.pending_bytes(), 0u);
}

TEST(FeedSubscription, AStalledSubscriberIsCutOffPastItsLimitAndHoldsNothing) {
    int wakes = 0;
    FeedSubscription sub(100, [&] { ++wakes; });
    sub.offer("", std::string(60, 'x'));
    EXPECT_FALSE(sub.overflowed());
    for (int i = 0; i < 50; ++i) sub.offer("attempt:7", std::string(30, 'y'));  // coalesced: no growth
    EXPECT_FALSE(sub.overflowed());
    EXPECT_EQ(sub.pending_bytes(), 90u);
    sub.offer("", std::string(20, 'z'));
    EXPECT_TRUE(sub.overflowed());
    EXPECT_EQ(sub.pending_bytes(), 0u);
    EXPECT_EQ(sub.next(), std::nullopt);
    EXPECT_EQ(wakes, 2) << "woken to see the overflow and close";
    sub.offer("", "more");
    EXPECT_EQ(sub.pending_bytes(), 0u) << "nothing more is queued once cut off";
}

TEST(LiveFeedTopics, PublishingReachesOnlyTheTopicsSubscribers) {
    LiveFeed feed(1 << 20);
    const FeedTopic room1{FeedTopic::Kind::session, 1};
    const FeedTopic room2{FeedTopic::Kind::session, 2};
    const FeedTopic attempt1{FeedTopic::Kind::attempt, 1};
    auto a = feed.subscribe(room1, nullptr);
    auto b = feed.subscribe(room1, nullptr);
    auto c = feed.subscribe(room2, nullptr);
    auto d = feed.subscribe(attempt1, nullptr);
    EXPECT_EQ(feed.subscriber_count(), 4u);
    feed.publish(room1, "k", "for room 1");
    EXPECT_EQ(a->next(), "for room 1");
    EXPECT_EQ(b->next(), "for room 1");
    EXPECT_EQ(c->next(), std::nullopt);
    EXPECT_EQ(d->next(), std::nullopt) << "session 1 and attempt 1 are different topics";
    feed.unsubscribe(room1, a);
    feed.publish(room1, "k", "again");
    EXPECT_EQ(a->next(), std::nullopt);
    EXPECT_EQ(b->next(), "again");
    EXPECT_FALSE(feed.has_subscribers(FeedTopic{FeedTopic::Kind::session, 3}));
}
