#include "security/login_throttle.hpp"

#include <algorithm>
#include <iterator>

namespace exam::security {

LoginThrottle::LoginThrottle(LoginThrottlePolicy policy, std::size_t max_keys)
    : policy_(policy),
      max_keys_(std::max<std::size_t>(max_keys, 1)),
      // At least one, so that every entry has a last failure to age by.
      failures_kept_(std::max<std::size_t>(policy.failures_worth_keeping(), 1)) {}

std::optional<std::chrono::seconds> LoginThrottle::retry_after(const std::string& key, Clock::time_point now) const {
    const std::lock_guard lock(mutex_);
    const auto found = entries_.find(key);
    if (found == entries_.end()) return std::nullopt;
    const auto& failures = found->second.failures;
    const auto recent = static_cast<std::size_t>(
        std::count_if(failures.begin(), failures.end(), [&](Clock::time_point at) { return policy_.counts(now - at); }));
    return policy_.retry_after(recent, now - failures.back());
}

void LoginThrottle::record_failure(const std::string& key, Clock::time_point now) {
    const std::lock_guard lock(mutex_);
    forget_stale(now);
    auto found = entries_.find(key);
    if (found == entries_.end()) {
        if (entries_.size() >= max_keys_) evict_least_recent();
        recency_.push_back(key);
        found = entries_.emplace(key, Entry{{}, std::prev(recency_.end())}).first;
    } else {
        recency_.splice(recency_.end(), recency_, found->second.recency);
    }
    auto& failures = found->second.failures;
    std::erase_if(failures, [&](Clock::time_point at) { return !policy_.counts(now - at); });
    // Callers on several threads may pass their `now` out of order.
    failures.insert(std::upper_bound(failures.begin(), failures.end(), now), now);
    if (failures.size() > failures_kept_) failures.erase(failures.begin());
}

void LoginThrottle::record_success(const std::string& key) {
    const std::lock_guard lock(mutex_);
    const auto found = entries_.find(key);
    if (found == entries_.end()) return;
    recency_.erase(found->second.recency);
    entries_.erase(found);
}

std::size_t LoginThrottle::key_count() const {
    const std::lock_guard lock(mutex_);
    return entries_.size();
}

// recency_ lists keys in the order of their last failure, so the stale ones
// are at its front and the walk stops at the first live key: each call costs
// what it removes, plus one.
void LoginThrottle::forget_stale(Clock::time_point now) {
    while (!recency_.empty()) {
        const auto found = entries_.find(recency_.front());
        if (policy_.counts(now - found->second.failures.back())) return;
        entries_.erase(found);
        recency_.pop_front();
    }
}

void LoginThrottle::evict_least_recent() {
    entries_.erase(recency_.front());
    recency_.pop_front();
}

}  // namespace exam::security
