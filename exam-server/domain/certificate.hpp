#pragma once
// A certificate as the register keeps it: its number, whose it is, what it
// certifies, whether a replacement has superseded it, and the signed document
// itself, exactly as it was issued (docs/formats.md, "certificate/1").

#include <optional>
#include <string>
#include <string_view>

#include "domain/clock.hpp"
#include "domain/people.hpp"

namespace exam::domain {

// A full certificate: the qualification's rules of combination are met. A
// unit certificate: units achieved toward it, when they are not (or not yet).
enum class CertificateKind { full, unit };
std::string_view to_string(CertificateKind k);
std::optional<CertificateKind> parse_certificate_kind(std::string_view s);

// A replaced certificate stays in the register, so its number still answers
// "replaced by ..." rather than "unknown".
enum class CertificateStatus { current, replaced };
std::string_view to_string(CertificateStatus s);
std::optional<CertificateStatus> parse_certificate_status(std::string_view s);

struct CertificateRecord {
    std::string number;  // certificate_number(year, sequence)
    CertificateKind kind = CertificateKind::full;
    Id candidate_id = 0;
    Id centre_id = 0;
    std::string qualification_id;
    CertificateStatus status = CertificateStatus::current;
    std::optional<std::string> replaces;     // the number this one replaces
    std::optional<std::string> replaced_by;  // set once replaced
    std::string replace_reason;              // why it was replaced, once replaced
    std::string issued_by;                   // "staff:alice"
    Millis issued_at = 0;
    std::string document;  // the signed certificate file, byte for byte
};

// "EXC-2026-000042": numbered within the year of issue, from 1, at least six digits.
std::string certificate_number(int year, std::int64_t sequence);

}  // namespace exam::domain
