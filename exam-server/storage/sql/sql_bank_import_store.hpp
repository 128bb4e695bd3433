#pragma once
#include "storage/bank_import_store.hpp"

namespace exam::storage::sql {

// Compiled for both engines (sqlite::Database, postgresql::PgDatabase) in its .cpp.
template <class Database>
class SqlBankImportStore final : public BankImportStore {
public:
    explicit SqlBankImportStore(Database& db) : db_(db) {}

    void add_import(BankImport import, AuditEvent audit, domain::Completion<BankImport> done) override;
    std::optional<BankImport> bank_import(domain::Id id) override;
    std::vector<BankImport> bank_imports(int limit) override;
    void confirm_import(domain::Id id, std::string confirmed_by, domain::Millis at, std::string bank_file,
                        AuditEvent audit, domain::Completion<domain::Done> done) override;
    void record_export(AuditEvent audit, domain::Completion<domain::Done> done) override;

private:
    Database& db_;
};

}  // namespace exam::storage::sql
