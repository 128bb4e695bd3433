#pragma once
#include "storage/player_state_store.hpp"

namespace exam::storage::sql {

// Compiled for both engines (sqlite::Database, postgresql::PgDatabase) in its .cpp.
template <class Database>
class SqlPlayerStateStore final : public PlayerStateStore {
public:
    explicit SqlPlayerStateStore(Database& db) : db_(db) {}

    std::optional<PlayerState> player_state(domain::Id attempt) override;
    void save_player_state(domain::Id attempt, PlayerState state, domain::Millis at,
                           domain::Completion<domain::Done> done) override;
    std::optional<std::string> display_arrangement(domain::Id candidate) override;
    void save_display_arrangement(domain::Id candidate, std::string display, AuditEvent audit,
                                  domain::Completion<domain::Done> done) override;

private:
    Database& db_;
};

}  // namespace exam::storage::sql
