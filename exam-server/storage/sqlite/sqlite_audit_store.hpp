#pragma once
#include "storage/audit_store.hpp"
#include "storage/sqlite/database.hpp"

namespace exam::storage::sqlite {

class SqliteAuditStore final : public AuditStore {
public:
    explicit SqliteAuditStore(Database& db) : db_(db) {}
    void verify(domain::Completion<AuditVerification> done) override;
    std::vector<AuditEntry> entries(const AuditQuery& query) override;

private:
    Database& db_;
};

}  // namespace exam::storage::sqlite
