#pragma once
#include "storage/sql/sql_bank_import_store.hpp"
#include "storage/sqlite/database.hpp"

namespace exam::storage::sqlite {
using SqliteBankImportStore = sql::SqlBankImportStore<Database>;
}  // namespace exam::storage::sqlite
