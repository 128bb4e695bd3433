#pragma once
#include "storage/ledger_store.hpp"

namespace exam::storage::sql {

// Compiled for both engines (sqlite::Database, postgresql::PgDatabase) in its .cpp.
template <class Database>
class SqlLedgerStore final : public LedgerStore {
public:
    SqlLedgerStore(Database& db, const domain::Clock& clock) : db_(db), clock_(clock) {}
    std::vector<domain::Achievement> achievements(domain::Id candidate) override;
    std::optional<domain::Achievement> achievement(domain::Id id) override;
    void record(domain::Achievement achievement, AuditEvent audit, domain::Completion<domain::Achievement> done) override;
    void void_achievement(domain::Id id, std::string reason, AuditEvent audit, domain::Completion<domain::Done> done) override;

private:
    Database& db_;
    const domain::Clock& clock_;
};

}  // namespace exam::storage::sql
