#pragma once
// The database a server runs on, chosen by configuration: SQLite in the data
// folder (the default), or PostgreSQL (--database postgresql://...), shared
// by every node. Either way the services see only the storage interfaces.

#include <memory>
#include <string>

#include "app/config.hpp"
#include "app/metrics.hpp"
#include "domain/clock.hpp"
#include "item_bank/bank.hpp"
#include "storage/attempt_store.hpp"
#include "storage/audit_store.hpp"
#include "storage/bank_import_store.hpp"
#include "storage/change_notice.hpp"
#include "storage/certificate_store.hpp"
#include "storage/ledger_store.hpp"
#include "storage/people_store.hpp"
#include "storage/player_state_store.hpp"
#include "storage/results_store.hpp"
#include "storage/session_store.hpp"
#include "storage/throttle_store.hpp"
#include "storage/token_store.hpp"

namespace exam::app {

class StorageBackend {
public:
    // Opens (and migrates) the configured database and checks that no item
    // delivered to candidates has changed under the same version; throws
    // with a message for the operator when either fails.
    StorageBackend(const ServerConfig& config, const domain::Clock& clock, std::shared_ptr<const item_bank::Bank> bank,
                   Metrics& metrics);
    ~StorageBackend();
    StorageBackend(const StorageBackend&) = delete;
    StorageBackend& operator=(const StorageBackend&) = delete;

    // Starts hearing of changes other nodes commit (PostgreSQL); nothing on
    // SQLite, where this node is the only one. Call once, before serving.
    void listen(storage::ChangeHandlers handlers);
    // Finishes the queued writes; the stores refuse writes after it.
    void stop();
    // "sqlite exam-data/exam.sqlite3" or "postgresql db1:5432/exam", for the log (never a password).
    const std::string& description() const { return description_; }

    storage::PeopleStore& people() { return *people_; }
    storage::TokenStore& tokens() { return *tokens_; }
    storage::SessionStore& sessions() { return *sessions_; }
    storage::AttemptStore& attempts() { return *attempts_; }
    storage::LedgerStore& ledger() { return *ledger_; }
    storage::CertificateStore& certificates() { return *certificates_; }
    storage::ResultsStore& results() { return *results_; }
    storage::AuditStore& audit() { return *audit_; }
    storage::PlayerStateStore& player_states() { return *player_states_; }
    storage::BankImportStore& bank_imports() { return *bank_imports_; }
    storage::ThrottleStore& throttle() { return *throttle_; }
    // Whether other nodes may share this database (PostgreSQL), so that what
    // a node counts in memory (login failures) must be counted in it too.
    bool shared_by_nodes() const;

private:
    struct Engine;
    template <class Database>
    void make_stores(Database& db, const domain::Clock& clock, const std::shared_ptr<const item_bank::Bank>& bank);

    std::unique_ptr<Engine> engine_;
    std::string description_;
    std::unique_ptr<storage::PeopleStore> people_;
    std::unique_ptr<storage::TokenStore> tokens_;
    std::unique_ptr<storage::SessionStore> sessions_;
    std::unique_ptr<storage::AttemptStore> attempts_;
    std::unique_ptr<storage::LedgerStore> ledger_;
    std::unique_ptr<storage::CertificateStore> certificates_;
    std::unique_ptr<storage::ResultsStore> results_;
    std::unique_ptr<storage::AuditStore> audit_;
    std::unique_ptr<storage::PlayerStateStore> player_states_;
    std::unique_ptr<storage::BankImportStore> bank_imports_;
    std::unique_ptr<storage::ThrottleStore> throttle_;
};

// The URI without its password, for logs and messages.
std::string without_password(const std::string& uri);

}  // namespace exam::app
