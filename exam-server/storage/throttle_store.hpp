#pragma once
// Login failures kept in the shared database (issue 12: several nodes), so a
// guesser gets one allowance however many nodes it spreads its guesses over.
// Keys are the throttle's ("account:alice", "address:10.0.0.9"); times are
// the servers' wall clock, in ms.

#include <cstddef>
#include <string>
#include <vector>

#include "domain/clock.hpp"
#include "domain/result.hpp"

namespace exam::storage {

class ThrottleStore {
public:
    virtual ~ThrottleStore() = default;
    // The key's failures at or after `since`, most recent first, at most `limit`.
    virtual std::vector<domain::Millis> recent_failures(const std::string& key, domain::Millis since, std::size_t limit) = 0;
    // Records one, and forgets the key's failures before `forget_before`.
    virtual void record_failure(const std::string& key, domain::Millis at, domain::Millis forget_before,
                                domain::Completion<domain::Done> done) = 0;
    virtual void clear(const std::string& key, domain::Completion<domain::Done> done) = 0;
};

}  // namespace exam::storage
