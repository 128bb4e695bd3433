#pragma once
// The schema as numbered migrations, applied in ascending order, each in its
// own transaction and recorded in schema_migrations(version, name,
// applied_at). A database that records a migration this build does not know
// (a newer build wrote it) is refused, as is one whose history differs from
// this build's: running on either could corrupt it.
//
// Thread safety: as for the connection it is given. Several processes may
// migrate the same file at once: each migration re-checks, under the write
// lock, that nobody applied it first.

#include <span>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

#include "storage/migration.hpp"
#include "storage/sqlite/connection.hpp"

namespace exam::storage::sqlite {

using storage::Migration;
using storage::MigrationError;

// Applies the migrations `connection` (opened read_write_create, outside any
// transaction) has not recorded yet; returns their versions, in order.
// `applied_at` is recorded with each, as ISO-8601 UTC ("2026-11-25T09:00:00Z").
// Throws MigrationError for a database this build must not touch or a list
// with a repeated or non-positive version (std::invalid_argument), and Error
// if a migration's SQL fails (that migration and later ones are not applied).
std::vector<int> apply_migrations(Connection& connection, std::span<const Migration> migrations,
                                  std::string_view applied_at);

}  // namespace exam::storage::sqlite
