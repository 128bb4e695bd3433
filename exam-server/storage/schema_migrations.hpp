#pragma once
// The database schema, as numbered migrations applied in order at start-up.
// The SQL is kept portable (types, constraints and indexes that PostgreSQL
// reads the same way), so the PostgreSQL backend shares it; where it cannot
// be (a SQLite table rebuild), a migration carries PostgreSQL's own SQL.

#include <vector>

#include "storage/migration.hpp"

namespace exam::storage {

const std::vector<Migration>& schema_migrations();

}  // namespace exam::storage
