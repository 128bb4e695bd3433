#include "app/shared_throttle.hpp"

#include <algorithm>

namespace exam::app {

std::optional<std::chrono::seconds> SharedThrottle::retry_after(const std::string& key) {
    auto wait = local_.retry_after(key);
    const auto policy = InMemoryThrottle::policy_for(key);
    const domain::Millis now = clock_.now_ms();
    const auto window_ms = std::chrono::duration_cast<std::chrono::milliseconds>(policy.window).count();
    std::vector<domain::Millis> failures;
    try {
        failures = store_.recent_failures(key, now - window_ms, policy.failures_worth_keeping());
    } catch (const std::exception&) {
        return wait;  // the database is away: this node's own count still holds
    }
    if (failures.empty()) return wait;
    const auto shared = policy.retry_after(failures.size(), std::chrono::milliseconds(now - failures.front()));
    if (!wait) return shared;
    if (!shared) return wait;
    return std::max(*wait, *shared);
}

void SharedThrottle::failed(const std::string& key) {
    local_.failed(key);
    const auto policy = InMemoryThrottle::policy_for(key);
    const domain::Millis now = clock_.now_ms();
    const auto window_ms = std::chrono::duration_cast<std::chrono::milliseconds>(policy.window).count();
    // Not waited for: the local count answers this node until it commits.
    store_.record_failure(key, now, now - window_ms, [](domain::Result<domain::Done>) {});
}

void SharedThrottle::succeeded(const std::string& key) {
    local_.succeeded(key);
    store_.clear(key, [](domain::Result<domain::Done>) {});
}

}  // namespace exam::app
