#pragma once
#include "storage/certificate_store.hpp"
#include "storage/sqlite/database.hpp"

namespace exam::storage::sqlite {

class SqliteCertificateStore final : public CertificateStore {
public:
    explicit SqliteCertificateStore(Database& db) : db_(db) {}
    std::optional<domain::CertificateRecord> certificate(const std::string& number) override;
    std::vector<domain::CertificateRecord> certificates_of(domain::Id candidate) override;
    void issue(CertificateIssue issue, domain::Completion<domain::CertificateRecord> done) override;

private:
    Database& db_;
};

}  // namespace exam::storage::sqlite
