#include "services/live_feed.hpp"

#include <algorithm>

namespace exam::services {

std::shared_ptr<FeedSubscription> LiveFeed::subscribe(FeedTopic topic, std::function<void()> wake) {
    auto subscription = std::make_shared<FeedSubscription>(max_pending_bytes_, std::move(wake));
    std::lock_guard lock(mutex_);
    topics_[topic].push_back(subscription);
    return subscription;
}

void LiveFeed::unsubscribe(FeedTopic topic, const std::shared_ptr<FeedSubscription>& subscription) {
    std::lock_guard lock(mutex_);
    auto it = topics_.find(topic);
    if (it == topics_.end()) return;
    std::erase(it->second, subscription);
    if (it->second.empty()) topics_.erase(it);
}

void LiveFeed::publish(FeedTopic topic, const std::string& key, const std::string& text) {
    std::vector<std::shared_ptr<FeedSubscription>> targets;
    {
        std::lock_guard lock(mutex_);
        auto it = topics_.find(topic);
        if (it == topics_.end()) return;
        targets = it->second;
    }
    // Outside the feed's lock: each queue has its own, and a wake may post work.
    for (const auto& s : targets) s->offer(key, text);
}

bool LiveFeed::has_subscribers(FeedTopic topic) const {
    std::lock_guard lock(mutex_);
    return topics_.count(topic) > 0;
}

std::size_t LiveFeed::subscriber_count() const {
    std::lock_guard lock(mutex_);
    std::size_t n = 0;
    for (const auto& [topic, subs] : topics_) n += subs.size();
    return n;
}

}  // namespace exam::services
