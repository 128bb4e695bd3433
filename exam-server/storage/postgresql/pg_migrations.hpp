#pragma once
// The schema's migrations applied to PostgreSQL: the same numbered list as on
// SQLite (storage/schema_migrations), each in its own transaction and recorded
// in schema_migrations(version, name, applied_at), the same history rules
// (storage/migration.hpp). Several nodes may start at once: an advisory lock
// held by each migration's transaction lets one apply it, and the others find
// it recorded.

#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "storage/migration.hpp"
#include "storage/postgresql/pg_connection.hpp"

namespace exam::storage::postgresql {

// The SQL PostgreSQL runs for a migration (its own when it has one, else the
// portable SQL), with SQLite's rowid key ("INTEGER PRIMARY KEY") made an identity column.
std::string postgresql_sql(const Migration& migration);

// Applies what the database has not recorded; returns those versions, in order.
// Throws MigrationError for a database this build must not touch, PgError when
// a migration's SQL fails (it and later ones are not applied).
std::vector<int> apply_migrations(PgConnection& connection, std::span<const Migration> migrations,
                                  std::string_view applied_at);

}  // namespace exam::storage::postgresql
