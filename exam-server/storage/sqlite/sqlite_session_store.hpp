#pragma once
#include "storage/sql/sql_session_store.hpp"
#include "storage/sqlite/database.hpp"

namespace exam::storage::sqlite {
using SqliteSessionStore = sql::SqlSessionStore<Database>;
}  // namespace exam::storage::sqlite
