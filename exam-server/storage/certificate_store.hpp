#pragma once
// The certificate register: numbered certificates, each stored with the
// signed document as issued; a replaced one is kept, marked replaced.

#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "domain/certificate.hpp"
#include "domain/result.hpp"
#include "storage/audit_event.hpp"

namespace exam::storage {

// What is written for a number once it is allocated: the signed document
// carries the number, so it can only be made inside the transaction.
struct CertificateWrite {
    std::string document;
    AuditEvent audit;
};

struct CertificateIssue {
    domain::Id candidate_id = 0;
    domain::Id centre_id = 0;
    std::string qualification_id;
    domain::CertificateKind kind = domain::CertificateKind::full;
    int year = 0;  // of issue: numbers run within it
    domain::Millis issued_at = 0;
    std::string issued_by;
    std::optional<std::string> replaces;  // the current certificate this one replaces
    std::string replace_reason;
    // Called once, on the writer, with the new number; must not block.
    std::function<CertificateWrite(const std::string& number)> write;
};

class CertificateStore {
public:
    virtual ~CertificateStore() = default;
    virtual std::optional<domain::CertificateRecord> certificate(const std::string& number) = 0;
    // Oldest first.
    virtual std::vector<domain::CertificateRecord> certificates_of(domain::Id candidate) = 0;
    // In one transaction: allocates the year's next number, marks the replaced
    // certificate replaced, stores the new one and appends its audit event.
    // A conflict (409) when the registration already has a current full
    // certificate, or the one to replace is no longer current.
    virtual void issue(CertificateIssue issue, domain::Completion<domain::CertificateRecord> done) = 0;
};

}  // namespace exam::storage
