#include "storage/sqlite/migrations.hpp"

#include <algorithm>
#include <map>
#include <optional>

#include "storage/sqlite/transaction.hpp"

namespace exam::storage::sqlite {

namespace {

std::map<int, std::string> recorded_migrations(Connection& connection) {
    std::map<int, std::string> recorded;
    Statement select = connection.prepare("SELECT version, name FROM schema_migrations");
    while (select.step() == Step::row) recorded.emplace(select.column<int>(0), select.column_text(1));
    return recorded;
}

bool is_recorded(Connection& connection, int version) {
    Statement select = connection.prepare("SELECT 1 FROM schema_migrations WHERE version = ?1");
    select.bind(1, version);
    return select.step() == Step::row;
}

// Foreign keys off for the life of the object, back on afterwards whatever happens.
class ForeignKeysOff {
public:
    explicit ForeignKeysOff(Connection& connection) : connection_(connection) {
        connection_.exec("PRAGMA foreign_keys=OFF");
    }
    ~ForeignKeysOff() {
        try {
            connection_.exec("PRAGMA foreign_keys=ON");
        } catch (...) {
            // The connection is failing anyway; its next use reports why.
        }
    }
    ForeignKeysOff(const ForeignKeysOff&) = delete;
    ForeignKeysOff& operator=(const ForeignKeysOff&) = delete;

private:
    Connection& connection_;
};

void require_foreign_keys_hold(Connection& connection, const Migration& migration) {
    Statement check = connection.prepare("PRAGMA foreign_key_check");
    if (check.step() == Step::row) {
        throw MigrationError("migration " + std::to_string(migration.version) + " (\"" + migration.name +
                             "\") would leave a row of " + check.column_text(0) + " pointing at a missing " +
                             check.column_text(2) + " row");
    }
}

}  // namespace

std::vector<int> apply_migrations(Connection& connection, std::span<const Migration> migrations,
                                  std::string_view applied_at) {
    const std::vector<const Migration*> known = in_version_order(migrations);

    std::map<int, std::string> recorded;
    {
        Transaction transaction(connection, TransactionKind::immediate);
        connection.exec(
            "CREATE TABLE IF NOT EXISTS schema_migrations ("
            " version INTEGER PRIMARY KEY,"
            " name TEXT NOT NULL,"
            " applied_at TEXT NOT NULL)");
        recorded = recorded_migrations(connection);
        check_history(recorded, known);
        transaction.commit();
    }

    std::vector<int> applied;
    for (const Migration* migration : known) {
        if (recorded.contains(migration->version)) continue;
        // The pragma is a no-op inside a transaction, so it goes first.
        std::optional<ForeignKeysOff> keys_off;
        if (migration->rebuilds_tables) keys_off.emplace(connection);
        Transaction transaction(connection, TransactionKind::immediate);
        // Another process may have applied it since the check above.
        if (is_recorded(connection, migration->version)) continue;
        connection.exec(migration->sql);
        if (migration->rebuilds_tables) require_foreign_keys_hold(connection, *migration);
        connection.prepare("INSERT INTO schema_migrations (version, name, applied_at) VALUES (?1, ?2, ?3)")
            .bind_all(migration->version, migration->name, applied_at)
            .run();
        transaction.commit();
        applied.push_back(migration->version);
    }
    return applied;
}

}  // namespace exam::storage::sqlite
