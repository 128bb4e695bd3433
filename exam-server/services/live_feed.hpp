#pragma once
// The live feed's subscribers, by topic: a session's room (its invigilators
// and centre admins) or one attempt (the candidate's own screen). Publishing
// hands one formatted message to each subscriber's own bounded queue and
// never waits for a connection.

#include <cstddef>
#include <functional>
#include <map>
#include <memory>
#include <mutex>
#include <string>
#include <vector>

#include "domain/people.hpp"
#include "services/feed_subscription.hpp"

namespace exam::services {

struct FeedTopic {
    enum class Kind { session, attempt } kind = Kind::session;
    domain::Id id = 0;
    auto operator<=>(const FeedTopic&) const = default;
};

class LiveFeed {
public:
    explicit LiveFeed(std::size_t max_pending_bytes) : max_pending_bytes_(max_pending_bytes) {}

    // A new subscriber, subscribed until unsubscribe. Subscribe first, then
    // build the snapshot and offer_first it: a change committed in between is
    // in the snapshot or queued after it, never lost.
    std::shared_ptr<FeedSubscription> subscribe(FeedTopic topic, std::function<void()> wake);
    void unsubscribe(FeedTopic topic, const std::shared_ptr<FeedSubscription>& subscription);

    // `key` names what the message supersedes (say "attempt:42"); empty for one that must not be dropped.
    void publish(FeedTopic topic, const std::string& key, const std::string& text);
    bool has_subscribers(FeedTopic topic) const;
    std::size_t subscriber_count() const;

private:
    std::size_t max_pending_bytes_;
    mutable std::mutex mutex_;
    std::map<FeedTopic, std::vector<std::shared_ptr<FeedSubscription>>> topics_;
};

}  // namespace exam::services
