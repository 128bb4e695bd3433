#pragma once
#include "storage/token_store.hpp"

namespace exam::storage::sql {

// Compiled for both engines (sqlite::Database, postgresql::PgDatabase) in its .cpp.
template <class Database>
class SqlTokenStore final : public TokenStore {
public:
    SqlTokenStore(Database& db, const domain::Clock& clock) : db_(db), clock_(clock) {}
    void create(TokenRecord token, AuditEvent audit, domain::Completion<domain::Done> done) override;
    std::optional<TokenRecord> find(const std::string& token_hash) override;
    void extend(const std::string& token_hash, domain::Millis expires_at, domain::Completion<domain::Done> done) override;
    void revoke(const std::string& token_hash, AuditEvent audit, domain::Completion<domain::Done> done) override;

private:
    Database& db_;
    const domain::Clock& clock_;
};

}  // namespace exam::storage::sql
