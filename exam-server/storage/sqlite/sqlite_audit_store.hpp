#pragma once
#include "storage/sql/sql_audit_store.hpp"
#include "storage/sqlite/database.hpp"

namespace exam::storage::sqlite {
using SqliteAuditStore = sql::SqlAuditStore<Database>;
}  // namespace exam::storage::sqlite
