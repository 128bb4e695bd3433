#pragma once
// The database schema, as numbered migrations applied in order at start-up.
// The SQL is kept portable (types, constraints and indexes that PostgreSQL
// reads the same way), so the PostgreSQL backend can share it.

#include <vector>

#include "storage/sqlite/migrations.hpp"

namespace exam::storage {

const std::vector<sqlite::Migration>& schema_migrations();

}  // namespace exam::storage
