#pragma once
#include "storage/bank_import_store.hpp"
#include "storage/sqlite/database.hpp"

namespace exam::storage::sqlite {

class SqliteBankImportStore final : public BankImportStore {
public:
    explicit SqliteBankImportStore(Database& db) : db_(db) {}

    void add_import(BankImport import, AuditEvent audit, domain::Completion<BankImport> done) override;
    std::optional<BankImport> bank_import(domain::Id id) override;
    std::vector<BankImport> bank_imports(int limit) override;
    void confirm_import(domain::Id id, std::string confirmed_by, domain::Millis at, std::string bank_file,
                        AuditEvent audit, domain::Completion<domain::Done> done) override;
    void record_export(AuditEvent audit, domain::Completion<domain::Done> done) override;

private:
    Database& db_;
};

}  // namespace exam::storage::sqlite
