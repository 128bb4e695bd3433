#include "services/feed_subscription.hpp"

namespace exam::services {

void FeedSubscription::offer(const std::string& key, std::string text) {
    bool was_empty = false;
    {
        std::lock_guard lock(mutex_);
        if (overflowed_) return;
        // A control character cannot appear in a caller's key, so these never collide with one.
        const std::string k = key.empty() ? "\x01" + std::to_string(++unkeyed_) : key;
        if (auto it = latest_.find(k); it != latest_.end()) {
            bytes_ = bytes_ - it->second.size() + text.size();
            it->second = std::move(text);
        } else {
            was_empty = order_.empty();
            bytes_ += text.size();
            order_.push_back(k);
            latest_.emplace(k, std::move(text));
        }
        if (bytes_ > max_bytes_) {
            overflowed_ = true;
            order_.clear();
            latest_.clear();
            bytes_ = 0;
            was_empty = true;  // wake the sender so it sees the overflow and closes
        }
    }
    if (was_empty && wake_) wake_();
}

void FeedSubscription::offer_first(std::string text) {
    bool was_empty = false;
    {
        std::lock_guard lock(mutex_);
        if (overflowed_) return;
        const std::string k = "\x01" + std::to_string(++unkeyed_);
        was_empty = order_.empty();
        uncounted_key_ = k;
        order_.push_front(k);
        latest_.emplace(k, std::move(text));
    }
    if (was_empty && wake_) wake_();
}

std::optional<std::string> FeedSubscription::next() {
    std::lock_guard lock(mutex_);
    if (order_.empty()) return std::nullopt;
    auto it = latest_.find(order_.front());
    order_.pop_front();
    std::string text = std::move(it->second);
    if (it->first == uncounted_key_) {
        uncounted_key_.clear();
    } else {
        bytes_ -= text.size();
    }
    latest_.erase(it);
    return text;
}

bool FeedSubscription::overflowed() const {
    std::lock_guard lock(mutex_);
    return overflowed_;
}

std::size_t FeedSubscription::pending_bytes() const {
    std::lock_guard lock(mutex_);
    return bytes_;
}

}  // namespace exam::services
