#pragma once
// The certificate exam-server serves HTTPS with when it is given none: made
// once and kept on disk, so that a browser told to trust it goes on trusting
// it across restarts. ECDSA P-256, because its handshakes cost about half of
// RSA-2048's (DESIGN.md, TLS).
//
// Thread safety: call it once at start-up. Two processes or threads calling it
// for one directory at once may each write a pair and leave a mismatched one;
// the next call notices and replaces it.

#include <filesystem>
#include <string>
#include <vector>

namespace exam::security {

struct CertificateFiles {
    std::filesystem::path certificate;  // PEM, mode 0644
    std::filesystem::path private_key;  // PEM (PKCS #8, unencrypted), mode 0600
};

// Returns the certificate and key in `directory` (created if missing). Reuses
// them when both load, the key matches the certificate, it is valid for at
// least 30 more days and it names localhost, 127.0.0.1, ::1 and every entry of
// `extra_hostnames` (DNS names or IP addresses). Otherwise writes a new pair:
// CN=exam-server, valid from an hour ago for 397 days, CA:FALSE, serverAuth.
// Throws std::invalid_argument for a hostname that is neither an IP address
// nor made of letters, digits, '-' and '.'; OpenSslError or std::system_error
// if the pair cannot be made or written.
CertificateFiles ensure_self_signed_certificate(const std::filesystem::path& directory,
                                                const std::vector<std::string>& extra_hostnames = {});

}  // namespace exam::security
