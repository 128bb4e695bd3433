#pragma once
// Login throttling in this process's memory: the recent failure times of each
// key, judged by a LoginThrottlePolicy. Right for one node; several nodes
// behind a load balancer need a table in the shared database applying the same
// policy, or an attacker gets each node's allowance.
//
// Keys are the caller's: "account:<name>", "address:<ip>", "session:<id>".
// Use: ask retry_after before checking a credential; when it says wait, refuse
// without checking and without recording a failure; otherwise check, then call
// record_failure or record_success. On a successful login clear the account
// key but not the address key: otherwise one valid account would let an
// address reset its count between guesses at other accounts.
//
// Memory is bounded: a key keeps at most policy.failures_worth_keeping()
// times; keys whose failures have all aged out are dropped as new failures
// arrive; and past `max_keys` the key with the least recent failure is
// dropped, which at worst hands that key its free failures again.
//
// Thread safety: every member function may be called from any thread (one
// mutex guards the table).

#include <chrono>
#include <cstddef>
#include <list>
#include <mutex>
#include <optional>
#include <string>
#include <unordered_map>
#include <vector>

#include "security/login_throttle_policy.hpp"

namespace exam::security {

class LoginThrottle {
public:
    using Clock = std::chrono::steady_clock;

    explicit LoginThrottle(LoginThrottlePolicy policy = {}, std::size_t max_keys = 100'000);

    // How long an attempt for `key` must still wait, or nullopt to go ahead.
    std::optional<std::chrono::seconds> retry_after(const std::string& key, Clock::time_point now) const;
    void record_failure(const std::string& key, Clock::time_point now);
    // Forgets the key's failures.
    void record_success(const std::string& key);
    // Keys with failures held, for monitoring.
    std::size_t key_count() const;

private:
    struct Entry {
        std::vector<Clock::time_point> failures;  // oldest first
        std::list<std::string>::iterator recency;
    };

    void forget_stale(Clock::time_point now);
    void evict_least_recent();

    const LoginThrottlePolicy policy_;
    const std::size_t max_keys_;
    const std::size_t failures_kept_;
    mutable std::mutex mutex_;
    std::unordered_map<std::string, Entry> entries_;
    std::list<std::string> recency_;  // keys by their last recorded failure, least recent first
};

}  // namespace exam::security
