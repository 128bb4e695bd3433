#pragma once
#include "storage/sql/sql_player_state_store.hpp"
#include "storage/sqlite/database.hpp"

namespace exam::storage::sqlite {
using SqlitePlayerStateStore = sql::SqlPlayerStateStore<Database>;
}  // namespace exam::storage::sqlite
