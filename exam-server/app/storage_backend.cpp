#include "app/storage_backend.hpp"

#include <filesystem>
#include <stdexcept>

#include "storage/postgresql/pg_database.hpp"
#include "storage/sql/sql_attempt_store.hpp"
#include "storage/sql/sql_audit_store.hpp"
#include "storage/sql/sql_bank_import_store.hpp"
#include "storage/sql/sql_certificate_store.hpp"
#include "storage/sql/sql_ledger_store.hpp"
#include "storage/sql/sql_people_store.hpp"
#include "storage/sql/sql_player_state_store.hpp"
#include "storage/sql/sql_results_store.hpp"
#include "storage/sql/sql_session_store.hpp"
#include "storage/sql/sql_throttle_store.hpp"
#include "storage/sql/sql_token_store.hpp"
#include "storage/sqlite/database.hpp"

namespace exam::app {

std::string without_password(const std::string& uri) {
    const auto scheme = uri.find("://");
    if (scheme == std::string::npos) return uri;
    const auto at = uri.find('@', scheme + 3);
    if (at == std::string::npos) return uri;
    const auto colon = uri.find(':', scheme + 3);
    if (colon == std::string::npos || colon > at) return uri;
    return uri.substr(0, colon) + ":***" + uri.substr(at);
}

struct StorageBackend::Engine {
    std::unique_ptr<storage::sqlite::Database> sqlite;
    std::unique_ptr<storage::postgresql::PgDatabase> postgresql;
};

template <class Database>
void StorageBackend::make_stores(Database& db, const domain::Clock& clock,
                                 const std::shared_ptr<const item_bank::Bank>& bank) {
    people_ = std::make_unique<storage::sql::SqlPeopleStore<Database>>(db, clock);
    tokens_ = std::make_unique<storage::sql::SqlTokenStore<Database>>(db, clock);
    sessions_ = std::make_unique<storage::sql::SqlSessionStore<Database>>(db, clock);
    auto attempts = std::make_unique<storage::sql::SqlAttemptStore<Database>>(db, clock, bank);
    if (auto changed = attempts->changed_item_versions(); !changed.empty()) {
        std::string message = "items were edited after candidates sat them, without a new version number "
                              "(raise their version in the bank):";
        for (const auto& v : changed) message += "\n  " + v;
        throw std::runtime_error(message);
    }
    attempts_ = std::move(attempts);
    ledger_ = std::make_unique<storage::sql::SqlLedgerStore<Database>>(db, clock);
    certificates_ = std::make_unique<storage::sql::SqlCertificateStore<Database>>(db);
    results_ = std::make_unique<storage::sql::SqlResultsStore<Database>>(db);
    audit_ = std::make_unique<storage::sql::SqlAuditStore<Database>>(db);
    player_states_ = std::make_unique<storage::sql::SqlPlayerStateStore<Database>>(db);
    bank_imports_ = std::make_unique<storage::sql::SqlBankImportStore<Database>>(db);
    throttle_ = std::make_unique<storage::sql::SqlThrottleStore<Database>>(db);
}

StorageBackend::StorageBackend(const ServerConfig& c, const domain::Clock& clock,
                               std::shared_ptr<const item_bank::Bank> bank, Metrics& metrics)
    : engine_(std::make_unique<Engine>()) {
    if (is_postgresql_uri(c.database)) {
        storage::postgresql::PgDatabaseOptions options;
        options.conninfo = c.database;
        options.readers = c.database_connections;
        options.on_batch = [&metrics](const storage::postgresql::PgBatchReport& r) {
            metrics.observe_commit_batch(static_cast<double>(r.jobs), std::chrono::duration<double>(r.transaction).count());
        };
        try {
            engine_->postgresql = std::make_unique<storage::postgresql::PgDatabase>(std::move(options));
        } catch (const storage::postgresql::PgError& e) {
            throw std::runtime_error("the database " + without_password(c.database) + " cannot be opened: " + e.what());
        }
        description_ = "postgresql " + without_password(c.database);
        make_stores(*engine_->postgresql, clock, bank);
        return;
    }
    std::filesystem::create_directories(c.data_dir);
    storage::sqlite::DatabaseOptions options;
    options.writer.on_batch = [&metrics](const storage::sqlite::BatchReport& r) {
        metrics.observe_commit_batch(static_cast<double>(r.jobs), std::chrono::duration<double>(r.transaction).count());
    };
    options.readers = c.database_connections;
    options.audit_anchor = std::filesystem::path(c.data_dir) / "audit-anchor.json";
    const auto file = std::filesystem::path(c.data_dir) / "exam.sqlite3";
    engine_->sqlite = std::make_unique<storage::sqlite::Database>(file, options);
    description_ = "sqlite " + file.string();
    make_stores(*engine_->sqlite, clock, bank);
}

StorageBackend::~StorageBackend() { stop(); }

bool StorageBackend::shared_by_nodes() const { return engine_->postgresql != nullptr; }

void StorageBackend::listen(storage::ChangeHandlers handlers) {
    if (engine_->postgresql) engine_->postgresql->listen(std::move(handlers));
}

void StorageBackend::stop() {
    if (engine_->sqlite) engine_->sqlite->stop();
    if (engine_->postgresql) engine_->postgresql->stop();
}

}  // namespace exam::app
