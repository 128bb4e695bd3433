#pragma once
// Staff identity: log-in with throttling, bearer tokens (random, stored as a
// digest, idle expiry, revoked on log-out), authentication of each request,
// and creating staff users with hashed passwords.

#include <optional>
#include <string>
#include <string_view>

#include "domain/clock.hpp"
#include "domain/people.hpp"
#include "domain/result.hpp"
#include "security/password_hash.hpp"
#include "services/blocking_pool.hpp"
#include "services/token_cache.hpp"
#include "services/throttle.hpp"
#include "storage/people_store.hpp"
#include "storage/token_store.hpp"

namespace exam::services {

struct StaffLogin {
    std::string token;  // shown once; only its digest is stored
    domain::Millis expires_at = 0;
    domain::StaffUser user;
};

struct NewStaffUser {
    std::string username;
    std::string display_name;
    domain::Role role = domain::Role::invigilator;
    std::optional<domain::Id> centre_id;
    std::string password;
};

class IdentityService {
public:
    static constexpr domain::Millis staff_idle_expiry_ms = 30 * 60 * 1000;

    IdentityService(storage::PeopleStore& people, storage::TokenStore& tokens, const domain::Clock& clock,
                    security::ScryptParameters kdf, Throttle& throttle, BlockingPool& kdf_pool);

    void staff_login(std::string username, std::string password, std::string remote_address,
                     domain::Completion<StaffLogin> done);
    // The principal a bearer token stands for, if it is valid now. Staff tokens
    // are extended on use (idle expiry).
    std::optional<domain::Principal> authenticate(std::string_view token);
    void logout(std::string_view token, const domain::Principal& who, domain::Completion<domain::Done> done);
    // Another node revoked a token (by its stored digest), or may have while
    // this one was not listening (all): the cache forgets, the next use reads.
    void revoked_elsewhere(const std::string& digest) { token_cache_.forget(digest); }
    void revoked_elsewhere_maybe() { token_cache_.forget_all(); }

    // Validates, hashes the password off the network threads, and stores.
    void create_user(const domain::Principal& actor, NewStaffUser user, domain::Completion<domain::StaffUser> done);

    // Issues a token bound to one attempt (candidate log-in).
    void issue_candidate_token(domain::Id attempt, domain::Id candidate, domain::Millis expires_at,
                               domain::Completion<std::string> done);

private:
    storage::PeopleStore& people_;
    storage::TokenStore& tokens_;
    const domain::Clock& clock_;
    security::ScryptParameters kdf_;
    Throttle& throttle_;
    BlockingPool& kdf_pool_;
    // Verifying against this when the user does not exist keeps the answer's
    // timing from telling which usernames exist.
    std::string dummy_hash_;
    // Five seconds: how long a token revoked elsewhere (another node) may still be honoured here.
    TokenCache token_cache_{5'000, 100'000};
};

}  // namespace exam::services
