#pragma once
// Certification: a centre claims a full certificate when the rules of
// combination are met, or a unit certificate listing units achieved; the
// awarding key signs it under a new number; a replacement gets a number of its
// own and names the one it replaces, which stays in the register, marked.
// Every issue is audited in the transaction that stores it (invariant 7).

#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "domain/certificate.hpp"
#include "domain/clock.hpp"
#include "domain/result.hpp"
#include "item_bank/bank.hpp"
#include "item_bank/rules_evaluator.hpp"
#include "security/awarding_key.hpp"
#include "services/certificate_document.hpp"
#include "storage/certificate_store.hpp"
#include "storage/ledger_store.hpp"
#include "storage/people_store.hpp"

namespace exam::services {

struct Claim {
    domain::CertificateKind kind = domain::CertificateKind::full;
    std::string qualification;
    // A unit certificate of these units only; every achieved unit of the qualification when absent.
    std::optional<std::vector<std::string>> units;
};

// What a claim would certify, judged before anything is written.
struct ClaimAssessment {
    domain::Candidate candidate;
    const item_bank::Qualification* qualification = nullptr;
    domain::CertificateKind kind = domain::CertificateKind::full;
    item_bank::RulesOutcome outcome;       // the engine's judgement of the registration
    std::vector<CertificateUnit> units;    // what the certificate would list
    // A full certificate the rules do not support: refused, with outcome.missing as the reason.
    bool refused() const { return kind == domain::CertificateKind::full && !outcome.achieved; }
};

struct RegisterEntry {
    domain::CertificateStatus status = domain::CertificateStatus::current;
    std::optional<std::string> replaced_by;
};

class CertificationService {
public:
    CertificationService(storage::PeopleStore& people, storage::LedgerStore& ledger,
                         storage::CertificateStore& certificates, const domain::Clock& clock,
                         std::shared_ptr<const item_bank::Bank> bank, const security::AwardingKey& key);

    // Errors: 404 for a candidate the caller may not see, 403 for a role that
    // may not claim, 422 for a qualification the candidate is not registered
    // on or units that cannot be certified, 409 for a second full certificate.
    domain::Result<ClaimAssessment> assess(const domain::Principal& actor, domain::Id candidate, const Claim& claim);
    // Issues what assess() accepted (not a refused() one).
    void issue(const domain::Principal& actor, ClaimAssessment assessment,
               domain::Completion<domain::CertificateRecord> done);
    void replace(const domain::Principal& actor, const std::string& number, std::string reason,
                 domain::Completion<domain::CertificateRecord> done);

    domain::Result<std::vector<domain::CertificateRecord>> certificates_of(const domain::Principal& actor,
                                                                           domain::Id candidate);
    domain::Result<domain::CertificateRecord> certificate(const domain::Principal& actor, const std::string& number);

    // Anyone may check a certificate: it proves only what its holder shows.
    CertificateCheck verify(std::string_view document) const;
    // The register's word on a number that verified: current, or replaced by which.
    std::optional<RegisterEntry> register_entry(const std::string& number);
    const std::string& public_key_pem() const { return key_.public_key_pem(); }

private:
    domain::Result<domain::Candidate> claimable_candidate(const domain::Principal& actor, domain::Id candidate);
    void write(const domain::Principal& actor, CertificateContent content, storage::CertificateIssue issue,
               std::string action, std::string details, domain::Completion<domain::CertificateRecord> done);

    storage::PeopleStore& people_;
    storage::LedgerStore& ledger_;
    storage::CertificateStore& certificates_;
    const domain::Clock& clock_;
    std::shared_ptr<const item_bank::Bank> bank_;
    const security::AwardingKey& key_;
    security::PublicKeyHandle public_key_;
};

}  // namespace exam::services
