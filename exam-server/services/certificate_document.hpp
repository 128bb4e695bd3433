#pragma once
// The signed certificate file ("certificate/1", docs/formats.md): what it
// says, how it is written, and how it is checked. One canonical spelling per
// certificate, so that a change of any byte of the file fails verification,
// not only a change of what it says.

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "domain/certificate.hpp"
#include "security/awarding_key.hpp"

namespace exam::services {

struct CertificateUnit {
    std::string code;
    std::string title;
    int level = 0;
    std::optional<int> credits;  // none for RQF units without credit values
    std::string achieved_on;     // YYYY-MM-DD
    std::string route;           // the ledger's route name
};

struct CertificateContent {
    std::string number;
    domain::CertificateKind kind = domain::CertificateKind::full;
    std::string candidate_name;
    std::string candidate_number;
    std::string uln;
    std::string date_of_birth;
    std::string centre_number;
    std::string centre_name;
    std::string qualification_id;
    std::string qualification_title;
    int qualification_level = 0;
    std::string awarding_organisation;
    std::vector<CertificateUnit> units;
    std::string issued_at;                // UTC, ISO 8601
    std::optional<std::string> replaces;  // a replacement names the number it replaces
    std::string key_id;

    int credits() const;
};

// The whole file: {"certificate":{...},"signature":"<base64>"} and a newline,
// the signature being Ed25519 over the compact serialisation of the
// "certificate" object exactly as it appears in the file.
std::string signed_certificate_document(const CertificateContent& content, const security::AwardingKey& key);

struct CertificateCheck {
    bool valid = false;
    std::string reason;                        // why not, for a person; empty when valid
    std::optional<CertificateContent> content; // when valid
};

// Checks a certificate file against an Ed25519 public key: the bytes are the
// canonical form, the key id matches, the signature verifies, and the content
// is a certificate/1. Never throws for bad input.
CertificateCheck check_certificate_document(std::string_view document, EVP_PKEY* public_key);

// The content of a document this server issued (read for a replacement); no signature check.
std::optional<CertificateContent> read_certificate_content(std::string_view document);

}  // namespace exam::services
