#include "storage/sql/sql_token_store.hpp"

#include "storage/postgresql/pg_database.hpp"
#include "storage/sqlite/database.hpp"

namespace exam::storage::sql {
template <class Database>
void SqlTokenStore<Database>::create(TokenRecord t, AuditEvent audit, domain::Completion<domain::Done> done) {
    const auto now = clock_.now_ms();
    db_.write(
        [t, audit, now](auto& c) {
            auto s = c.prepare(
                "INSERT INTO tokens (token_hash, user_id, attempt_id, created_at, expires_at, revoked) VALUES (?, ?, ?, ?, ?, 0)");
            s.bind_all(t.token_hash, t.user_id ? std::optional<std::int64_t>(t.user_id) : std::nullopt,
                       t.attempt_id ? std::optional<std::int64_t>(t.attempt_id) : std::nullopt, now, t.expires_at);
            s.run();
            append_audit(c, audit);
        },
        on_commit(std::move(done)));
}

template <class Database>
std::optional<TokenRecord> SqlTokenStore<Database>::find(const std::string& token_hash) {
    return db_.read([&](auto& c) -> std::optional<TokenRecord> {
        auto s = c.prepare("SELECT token_hash, user_id, attempt_id, expires_at, revoked FROM tokens WHERE token_hash = ?");
        s.bind_all(token_hash);
        if (s.step() != Step::row) return std::nullopt;
        return TokenRecord{s.column_text(0), s.template column<std::optional<std::int64_t>>(1).value_or(0),
                           s.template column<std::optional<std::int64_t>>(2).value_or(0), s.column_int64(3),
                           s.column_int64(4) != 0};
    });
}

template <class Database>
void SqlTokenStore<Database>::extend(const std::string& token_hash, domain::Millis expires_at,
                              domain::Completion<domain::Done> done) {
    db_.write(
        [token_hash, expires_at](auto& c) {
            auto s = c.prepare("UPDATE tokens SET expires_at = ? WHERE token_hash = ? AND revoked = 0 AND expires_at < ?");
            s.bind_all(expires_at, token_hash, expires_at);
            s.run();
        },
        on_commit(std::move(done)));
}

template <class Database>
void SqlTokenStore<Database>::revoke(const std::string& token_hash, AuditEvent audit, domain::Completion<domain::Done> done) {
    db_.write(
        [db = &db_, token_hash, audit](auto& c) {
            auto s = c.prepare("UPDATE tokens SET revoked = 1 WHERE token_hash = ?");
            s.bind_all(token_hash);
            s.run();
            db->announce(c, {"token", token_hash});
            append_audit(c, audit);
        },
        on_commit(std::move(done)));
}

template class SqlTokenStore<sqlite::Database>;
template class SqlTokenStore<postgresql::PgDatabase>;

}  // namespace exam::storage::sql
