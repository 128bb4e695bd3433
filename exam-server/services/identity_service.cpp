#include "services/identity_service.hpp"

#include <cctype>

#include "security/password_policy.hpp"
#include "security/session_token.hpp"

namespace exam::services {

using domain::Error;

namespace {

Error bad_credentials() {
    return Error{401, "invalid_credentials", "the username or password is not right", {}};
}

Error throttled(std::chrono::seconds wait) {
    return Error{429, "too_many_attempts",
                 "too many failed log-ins: try again in " + std::to_string(wait.count()) + " seconds", {}};
}

Error busy() { return Error{503, "busy", "the server is busy; try again in a moment", {}}; }

bool valid_username(const std::string& u) {
    if (u.size() < 3 || u.size() > 64) return false;
    for (char c : u) {
        if (!(std::isalnum(static_cast<unsigned char>(c)) || c == '.' || c == '-' || c == '_')) return false;
    }
    return true;
}

}  // namespace

IdentityService::IdentityService(storage::PeopleStore& people, storage::TokenStore& tokens, const domain::Clock& clock,
                                 security::ScryptParameters kdf, Throttle& throttle, BlockingPool& kdf_pool)
    : people_(people), tokens_(tokens), clock_(clock), kdf_(kdf), throttle_(throttle), kdf_pool_(kdf_pool) {
    dummy_hash_ = security::hash_password("not-a-real-password-at-all", kdf_);
}

void IdentityService::staff_login(std::string username, std::string password, std::string remote,
                                  domain::Completion<StaffLogin> done) {
    const std::string account_key = "account:" + username;
    const std::string address_key = "address:" + remote;
    for (const auto* key : {&account_key, &address_key}) {
        if (auto wait = throttle_.retry_after(*key)) return done(throttled(*wait));
    }
    auto user = people_.user_by_username(username);
    const bool posted = kdf_pool_.try_post([this, user, password = std::move(password), account_key, address_key,
                                            done]() mutable {
        const std::string& stored = user && user->active ? user->password_hash : dummy_hash_;
        const bool ok = security::verify_password(password, stored) && user && user->active;
        if (!ok) {
            throttle_.failed(account_key);
            throttle_.failed(address_key);
            return done(bad_credentials());
        }
        throttle_.succeeded(account_key);
        const domain::Millis now = clock_.now_ms();
        StaffLogin login{security::generate_session_token(), now + staff_idle_expiry_ms, *user};
        storage::TokenRecord record{security::session_token_digest(login.token), user->id, 0, login.expires_at, false};
        tokens_.create(record, {now, "staff:" + user->username, "login", "user:" + std::to_string(user->id), "{}"},
                       [login = std::move(login), done](domain::Result<domain::Done> r) {
                           if (!r) return done(r.error());
                           done(login);
                       });
    });
    if (!posted) done(busy());
}

std::optional<domain::Principal> IdentityService::authenticate(std::string_view token) {
    if (token.size() != security::session_token_length) return std::nullopt;
    const std::string digest = security::session_token_digest(token);
    const domain::Millis now = clock_.now_ms();
    auto cached = token_cache_.find(digest, now);
    if (!cached) {
        auto record = tokens_.find(digest);
        if (!record || record->revoked || record->expires_at <= now) return std::nullopt;
        CachedToken fresh;
        fresh.expires_at = record->expires_at;
        if (record->attempt_id != 0) {
            fresh.principal.kind = domain::Principal::Kind::candidate;
            fresh.principal.attempt_id = record->attempt_id;
        } else {
            auto user = people_.user(record->user_id);
            if (!user || !user->active) return std::nullopt;
            fresh.principal.kind = domain::Principal::Kind::staff;
            fresh.principal.user_id = user->id;
            fresh.principal.username = user->username;
            fresh.principal.role = user->role;
            fresh.principal.centre_id = user->centre_id;
        }
        token_cache_.put(digest, fresh, now);
        cached = std::move(fresh);
    }
    // Idle expiry for staff: extend, but write at most about once a minute per token.
    if (cached->principal.kind == domain::Principal::Kind::staff &&
        cached->expires_at - now < staff_idle_expiry_ms - 60'000) {
        cached->expires_at = now + staff_idle_expiry_ms;
        tokens_.extend(digest, cached->expires_at, [](domain::Result<domain::Done>) {});
        token_cache_.put(digest, *cached, now);
    }
    return cached->principal;
}

void IdentityService::logout(std::string_view token, const domain::Principal& who,
                             domain::Completion<domain::Done> done) {
    const domain::Millis now = clock_.now_ms();
    const std::string actor =
        who.kind == domain::Principal::Kind::staff ? "staff:" + who.username : "candidate:" + std::to_string(who.attempt_id);
    const std::string digest = security::session_token_digest(token);
    token_cache_.forget(digest);
    tokens_.revoke(digest, {now, actor, "logout", actor, "{}"}, std::move(done));
}

void IdentityService::create_user(const domain::Principal& actor, NewStaffUser u,
                                  domain::Completion<domain::StaffUser> done) {
    if (actor.kind != domain::Principal::Kind::staff || actor.role == domain::Role::invigilator) {
        return done(domain::forbidden("only administrators create staff"));
    }
    if (actor.role == domain::Role::centre_admin) {
        if (u.role == domain::Role::ao_admin) return done(domain::forbidden("a centre cannot create awarding organisation staff"));
        if (u.centre_id != actor.centre_id) return done(domain::not_found("no such centre"));
    }
    if (!valid_username(u.username)) {
        return done(domain::invalid("/username", "3 to 64 letters, digits, '.', '-' or '_'"));
    }
    if (u.display_name.empty()) return done(domain::invalid("/display_name", "a name is required"));
    if (auto problem = security::password_policy_violation(u.password)) return done(domain::invalid("/password", *problem));
    if (u.role == domain::Role::ao_admin && u.centre_id) {
        return done(domain::invalid("/centre", "awarding organisation staff belong to no centre"));
    }
    if (u.role != domain::Role::ao_admin && !u.centre_id) return done(domain::invalid("/centre", "a centre is required"));
    if (u.centre_id && !people_.centre(*u.centre_id)) return done(domain::not_found("no such centre"));
    if (people_.user_by_username(u.username)) return done(domain::conflict("that username is taken", "/username"));
    const std::string actor_name = "staff:" + actor.username;
    const bool posted = kdf_pool_.try_post([this, u = std::move(u), actor_name, done]() mutable {
        domain::StaffUser user{0, u.username, u.display_name, u.role, u.centre_id,
                               security::hash_password(u.password, kdf_), true};
        const std::string details = R"({"username":")" + u.username + R"(","role":")" +
                                    std::string(domain::to_string(u.role)) + R"("})";
        people_.create_user(std::move(user), {clock_.now_ms(), actor_name, "staff.create", "user", details},
                            std::move(done));
    });
    if (!posted) done(busy());
}

void IdentityService::issue_candidate_token(domain::Id attempt, domain::Id candidate, domain::Millis expires_at,
                                            domain::Completion<std::string> done) {
    std::string token = security::generate_session_token();
    storage::TokenRecord record{security::session_token_digest(token), 0, attempt, expires_at, false};
    const domain::Millis now = clock_.now_ms();
    tokens_.create(record,
                   {now, "candidate:" + std::to_string(candidate), "candidate.login",
                    "attempt:" + std::to_string(attempt), "{}"},
                   [token = std::move(token), done](domain::Result<domain::Done> r) {
                       if (!r) return done(r.error());
                       done(token);
                   });
}

}  // namespace exam::services
