#pragma once
// How long a login attempt must wait, as a pure function of the failures
// recorded against one key (an account, an address, a session's keycode) and
// the time since the last of them (OWASP ASVS V2.2.1). Kept apart from where
// failures are kept (login_throttle.hpp keeps them in this process's memory)
// so that a table in the shared database can apply the same rule when several
// nodes must share their counts. It works on durations, not time points, so
// that such a table can use wall-clock time.
//
// The rule: failures older than `window` are forgotten. While fewer than
// `free_failures` remain, attempts go ahead. After n >= free_failures, the
// next attempt waits first_delay * 2^(n - free_failures) after the last
// failure, at most max_delay. With the defaults: five failures in a row, then
// waits of 1 s, 2 s, 4 s ... up to 15 minutes.
//
// Thread safety: a value type with const member functions; share it freely.

#include <chrono>
#include <cstddef>
#include <optional>

namespace exam::security {

struct LoginThrottlePolicy {
    std::size_t free_failures = 5;
    std::chrono::seconds window = std::chrono::minutes(15);
    std::chrono::seconds first_delay = std::chrono::seconds(1);
    std::chrono::seconds max_delay = std::chrono::minutes(15);

    // Whether a failure `age` ago still counts. A failure stamped in the future
    // (another node's clock ahead of ours) counts.
    bool counts(std::chrono::nanoseconds age) const;

    // The wait after the last of `recent_failures` counted failures; zero while
    // they are free.
    std::chrono::seconds delay_after(std::size_t recent_failures) const;

    // How much longer the next attempt must wait, rounded up to whole seconds
    // (what a Retry-After header says), or nullopt when it may go ahead now.
    std::optional<std::chrono::seconds> retry_after(std::size_t recent_failures,
                                                    std::chrono::nanoseconds since_last_failure) const;

    // How many of a key's most recent failures a store needs to keep: with this
    // many the delay is already max_delay, so older ones change no answer.
    std::size_t failures_worth_keeping() const;
};

}  // namespace exam::security
