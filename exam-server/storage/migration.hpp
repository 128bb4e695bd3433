#pragma once
// A schema migration and the rules every engine's migrator keeps: versions
// applied in ascending order, each once, recorded in schema_migrations, and a
// database whose recorded history is not a prefix of this build's refused.

#include <map>
#include <span>
#include <stdexcept>
#include <string>
#include <vector>

namespace exam::storage {

struct Migration {
    int version;       // positive and unique; the order of application
    std::string name;  // recorded, and compared on later runs to catch two migrations sharing a number
    std::string sql;   // one or more statements of portable SQL, without parameters
    // SQLite changes a table's constraints only by rebuilding it (create, copy,
    // drop, rename), which foreign keys would block; such a migration runs with
    // them off and is checked with foreign_key_check before it commits
    // (https://sqlite.org/lang_altertable.html#otheralter).
    bool rebuilds_tables = false;
    // What PostgreSQL runs instead, when the portable SQL will not do (a
    // SQLite table rebuild is an ALTER TABLE there); empty: `sql` itself.
    std::string postgresql_sql = {};
};

// The database cannot be used with this build's migrations. Nothing was changed.
class MigrationError : public std::runtime_error {
public:
    using std::runtime_error::runtime_error;
};

// The migrations by version; std::invalid_argument for a version below 1 or a repeated one.
std::vector<const Migration*> in_version_order(std::span<const Migration> migrations);

// Throws MigrationError unless `recorded` (version -> name, as the database
// holds them) is a prefix of `known` (in version order) with the same names.
void check_history(const std::map<int, std::string>& recorded, const std::vector<const Migration*>& known);

}  // namespace exam::storage
