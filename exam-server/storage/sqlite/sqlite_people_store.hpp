#pragma once
#include "storage/sql/sql_people_store.hpp"
#include "storage/sqlite/database.hpp"

namespace exam::storage::sqlite {
using SqlitePeopleStore = sql::SqlPeopleStore<Database>;
}  // namespace exam::storage::sqlite
