#pragma once
#include "storage/certificate_store.hpp"

namespace exam::storage::sql {

// Compiled for both engines (sqlite::Database, postgresql::PgDatabase) in its .cpp.
template <class Database>
class SqlCertificateStore final : public CertificateStore {
public:
    explicit SqlCertificateStore(Database& db) : db_(db) {}
    std::optional<domain::CertificateRecord> certificate(const std::string& number) override;
    std::vector<domain::CertificateRecord> certificates_of(domain::Id candidate) override;
    void issue(CertificateIssue issue, domain::Completion<domain::CertificateRecord> done) override;

private:
    Database& db_;
};

}  // namespace exam::storage::sql
