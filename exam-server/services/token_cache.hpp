#pragma once
// Recently checked bearer tokens, so a candidate's autosave does not read the
// database to learn who it is from (that lookup was a tenth of the server's
// CPU under load). An entry is trusted for a few seconds only: a token revoked
// here is forgotten at once, and one revoked by another node or in the
// database directly stops working within the time to live.

#include <cstddef>
#include <mutex>
#include <optional>
#include <string>
#include <unordered_map>

#include "domain/clock.hpp"
#include "domain/people.hpp"

namespace exam::services {

struct CachedToken {
    domain::Principal principal;
    domain::Millis expires_at = 0;  // the token's own expiry
};

class TokenCache {
public:
    TokenCache(domain::Millis time_to_live, std::size_t capacity) : ttl_(time_to_live), capacity_(capacity) {}

    // The entry for this digest if it was cached less than the time to live ago and the token has not expired.
    std::optional<CachedToken> find(const std::string& digest, domain::Millis now);
    void put(const std::string& digest, CachedToken token, domain::Millis now);
    void forget(const std::string& digest);
    void forget_all();
    std::size_t size() const;

private:
    struct Entry {
        CachedToken token;
        domain::Millis cached_at = 0;
    };
    const domain::Millis ttl_;
    const std::size_t capacity_;
    mutable std::mutex mutex_;
    std::unordered_map<std::string, Entry> entries_;
};

}  // namespace exam::services
