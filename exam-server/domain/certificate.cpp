#include "domain/certificate.hpp"

#include <cstdio>

namespace exam::domain {

std::string_view to_string(CertificateKind k) {
    switch (k) {
        case CertificateKind::full: return "full";
        case CertificateKind::unit: return "unit";
    }
    return "?";
}

std::optional<CertificateKind> parse_certificate_kind(std::string_view s) {
    if (s == "full") return CertificateKind::full;
    if (s == "unit") return CertificateKind::unit;
    return std::nullopt;
}

std::string_view to_string(CertificateStatus s) {
    switch (s) {
        case CertificateStatus::current: return "current";
        case CertificateStatus::replaced: return "replaced";
    }
    return "?";
}

std::optional<CertificateStatus> parse_certificate_status(std::string_view s) {
    if (s == "current") return CertificateStatus::current;
    if (s == "replaced") return CertificateStatus::replaced;
    return std::nullopt;
}

std::string certificate_number(int year, std::int64_t sequence) {
    char text[48];
    std::snprintf(text, sizeof text, "EXC-%04d-%06lld", year, static_cast<long long>(sequence));
    return text;
}

}  // namespace exam::domain
