#pragma once
#include "storage/sql/sql_attempt_store.hpp"
#include "storage/sqlite/database.hpp"

namespace exam::storage::sqlite {
using SqliteAttemptStore = sql::SqlAttemptStore<Database>;
}  // namespace exam::storage::sqlite
