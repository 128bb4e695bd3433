#include "security/login_throttle_policy.hpp"

#include <algorithm>

namespace exam::security {

bool LoginThrottlePolicy::counts(std::chrono::nanoseconds age) const { return age < window; }

std::chrono::seconds LoginThrottlePolicy::delay_after(std::size_t recent_failures) const {
    if (recent_failures < free_failures || first_delay <= std::chrono::seconds::zero())
        return std::chrono::seconds::zero();
    // Doubling stops at the cap, so a large count costs a few steps and never
    // overflows.
    auto delay = first_delay;
    for (std::size_t doublings = recent_failures - free_failures; doublings > 0 && delay < max_delay; --doublings)
        delay *= 2;
    return std::min(delay, max_delay);
}

std::optional<std::chrono::seconds> LoginThrottlePolicy::retry_after(
    std::size_t recent_failures, std::chrono::nanoseconds since_last_failure) const {
    const auto delay = delay_after(recent_failures);
    // A last failure stamped in the future (clock skew) must not extend the wait.
    const auto elapsed = std::max(since_last_failure, std::chrono::nanoseconds::zero());
    if (elapsed >= delay) return std::nullopt;
    return std::chrono::ceil<std::chrono::seconds>(delay - elapsed);
}

std::size_t LoginThrottlePolicy::failures_worth_keeping() const {
    if (first_delay <= std::chrono::seconds::zero() || max_delay <= std::chrono::seconds::zero())
        return free_failures;
    std::size_t count = free_failures;
    while (delay_after(count) < max_delay) ++count;
    return count;
}

}  // namespace exam::security
