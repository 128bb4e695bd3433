#pragma once
#include "storage/player_state_store.hpp"
#include "storage/sqlite/database.hpp"

namespace exam::storage::sqlite {

class SqlitePlayerStateStore final : public PlayerStateStore {
public:
    explicit SqlitePlayerStateStore(Database& db) : db_(db) {}

    std::optional<PlayerState> player_state(domain::Id attempt) override;
    void save_player_state(domain::Id attempt, PlayerState state, domain::Millis at,
                           domain::Completion<domain::Done> done) override;
    std::optional<std::string> display_arrangement(domain::Id candidate) override;
    void save_display_arrangement(domain::Id candidate, std::string display, AuditEvent audit,
                                  domain::Completion<domain::Done> done) override;

private:
    Database& db_;
};

}  // namespace exam::storage::sqlite
