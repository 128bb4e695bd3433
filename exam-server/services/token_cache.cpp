#include "services/token_cache.hpp"

namespace exam::services {

std::optional<CachedToken> TokenCache::find(const std::string& digest, domain::Millis now) {
    std::lock_guard lock(mutex_);
    auto it = entries_.find(digest);
    if (it == entries_.end()) return std::nullopt;
    if (now - it->second.cached_at >= ttl_ || it->second.token.expires_at <= now) {
        entries_.erase(it);
        return std::nullopt;
    }
    return it->second.token;
}

void TokenCache::put(const std::string& digest, CachedToken token, domain::Millis now) {
    std::lock_guard lock(mutex_);
    // Past capacity, start again rather than track recency: every entry is
    // short-lived and a miss only costs one database read.
    if (entries_.size() >= capacity_ && !entries_.count(digest)) entries_.clear();
    entries_[digest] = Entry{std::move(token), now};
}

void TokenCache::forget(const std::string& digest) {
    std::lock_guard lock(mutex_);
    entries_.erase(digest);
}

void TokenCache::forget_all() {
    std::lock_guard lock(mutex_);
    entries_.clear();
}

std::size_t TokenCache::size() const {
    std::lock_guard lock(mutex_);
    return entries_.size();
}

}  // namespace exam::services
