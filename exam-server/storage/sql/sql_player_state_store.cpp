#include "storage/sql/sql_player_state_store.hpp"

#include "storage/postgresql/pg_database.hpp"
#include "storage/sqlite/database.hpp"

namespace exam::storage::sql {

template <class Database>
std::optional<PlayerState> SqlPlayerStateStore<Database>::player_state(domain::Id attempt) {
    return db_.read([&](auto& c) -> std::optional<PlayerState> {
        auto s = c.prepare("SELECT position, display FROM attempt_player_state WHERE attempt_id = ?");
        s.bind_all(attempt);
        if (s.step() != Step::row) return std::nullopt;
        return PlayerState{s.column_int64(0), s.column_text(1)};
    });
}

template <class Database>
void SqlPlayerStateStore<Database>::save_player_state(domain::Id attempt, PlayerState state, domain::Millis at,
                                               domain::Completion<domain::Done> done) {
    db_.write(
        [attempt, state = std::move(state), at](auto& c) {
            auto s = c.prepare(
                "INSERT INTO attempt_player_state (attempt_id, position, display, updated_at) VALUES (?, ?, ?, ?) "
                "ON CONFLICT (attempt_id) DO UPDATE SET position = excluded.position, display = excluded.display, "
                "updated_at = excluded.updated_at");
            s.bind_all(attempt, state.position, state.display, at);
            s.run();
        },
        on_commit(std::move(done)));
}

template <class Database>
std::optional<std::string> SqlPlayerStateStore<Database>::display_arrangement(domain::Id candidate) {
    return db_.read([&](auto& c) -> std::optional<std::string> {
        auto s = c.prepare("SELECT display FROM candidate_display_arrangements WHERE candidate_id = ?");
        s.bind_all(candidate);
        if (s.step() != Step::row) return std::nullopt;
        return s.column_text(0);
    });
}

template <class Database>
void SqlPlayerStateStore<Database>::save_display_arrangement(domain::Id candidate, std::string display, AuditEvent audit,
                                                      domain::Completion<domain::Done> done) {
    db_.write(
        [candidate, display = std::move(display), audit = std::move(audit)](auto& c) {
            auto s = c.prepare(
                "INSERT INTO candidate_display_arrangements (candidate_id, display, set_by, set_at) VALUES (?, ?, ?, ?) "
                "ON CONFLICT (candidate_id) DO UPDATE SET display = excluded.display, set_by = excluded.set_by, "
                "set_at = excluded.set_at");
            s.bind_all(candidate, display, audit.actor, audit.at);
            s.run();
            append_audit(c, audit);
        },
        on_commit(std::move(done)));
}

template class SqlPlayerStateStore<sqlite::Database>;
template class SqlPlayerStateStore<postgresql::PgDatabase>;

}  // namespace exam::storage::sql
