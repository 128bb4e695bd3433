#pragma once
#include "storage/audit_store.hpp"

namespace exam::storage::sql {

// Compiled for both engines (sqlite::Database, postgresql::PgDatabase) in its .cpp.
template <class Database>
class SqlAuditStore final : public AuditStore {
public:
    explicit SqlAuditStore(Database& db) : db_(db) {}
    void verify(domain::Completion<AuditVerification> done) override;
    std::vector<AuditEntry> entries(const AuditQuery& query) override;

private:
    Database& db_;
};

}  // namespace exam::storage::sql
