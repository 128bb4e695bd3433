#pragma once
#include "storage/sql/sql_results_store.hpp"
#include "storage/sqlite/database.hpp"

namespace exam::storage::sqlite {
using SqliteResultsStore = sql::SqlResultsStore<Database>;
}  // namespace exam::storage::sqlite
