#pragma once
// Checks a certificate file (docs/formats.md, "certificate/1") against the
// awarding organisation's Ed25519 public key, offline. Written from the
// documented format alone, apart from the server's own code, so that it proves
// the format can be checked by anyone holding the public key.

#include <optional>
#include <string>
#include <string_view>

namespace exam_admin {

struct VerifiedCertificate {
    std::string number;
    std::string kind;
    std::string candidate_name;
    std::string qualification;  // "501/0443/3 Pearson BTEC Level 3 Certificate in Customer Service"
    std::string issued_at;
    std::optional<std::string> replaces;
};

struct Verification {
    bool valid = false;
    std::string reason;  // when not valid
    VerifiedCertificate certificate;
};

// nullopt when `public_key_pem` is not an Ed25519 public key in PEM.
std::optional<Verification> verify_certificate(std::string_view document, std::string_view public_key_pem);

}  // namespace exam_admin
