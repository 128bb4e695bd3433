#pragma once
#include "storage/sql/sql_token_store.hpp"
#include "storage/sqlite/database.hpp"

namespace exam::storage::sqlite {
using SqliteTokenStore = sql::SqlTokenStore<Database>;
}  // namespace exam::storage::sqlite
