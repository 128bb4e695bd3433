#pragma once
// Bearer tokens, stored only as hashes: staff sessions with an idle expiry,
// and candidate tokens bound to one attempt.

#include <optional>
#include <string>

#include "domain/people.hpp"
#include "domain/result.hpp"
#include "storage/audit_event.hpp"

namespace exam::storage {

struct TokenRecord {
    std::string token_hash;
    domain::Id user_id = 0;     // staff tokens
    domain::Id attempt_id = 0;  // candidate tokens
    domain::Millis expires_at = 0;
    bool revoked = false;
};

class TokenStore {
public:
    virtual ~TokenStore() = default;
    virtual void create(TokenRecord token, AuditEvent audit, domain::Completion<domain::Done> done) = 0;
    virtual std::optional<TokenRecord> find(const std::string& token_hash) = 0;
    virtual void extend(const std::string& token_hash, domain::Millis expires_at, domain::Completion<domain::Done> done) = 0;
    virtual void revoke(const std::string& token_hash, AuditEvent audit, domain::Completion<domain::Done> done) = 0;
};

}  // namespace exam::storage
