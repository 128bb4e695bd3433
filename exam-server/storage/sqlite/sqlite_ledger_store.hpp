#pragma once
#include "storage/sql/sql_ledger_store.hpp"
#include "storage/sqlite/database.hpp"

namespace exam::storage::sqlite {
using SqliteLedgerStore = sql::SqlLedgerStore<Database>;
}  // namespace exam::storage::sqlite
