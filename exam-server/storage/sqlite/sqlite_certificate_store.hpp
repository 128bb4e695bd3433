#pragma once
#include "storage/sql/sql_certificate_store.hpp"
#include "storage/sqlite/database.hpp"

namespace exam::storage::sqlite {
using SqliteCertificateStore = sql::SqlCertificateStore<Database>;
}  // namespace exam::storage::sqlite
