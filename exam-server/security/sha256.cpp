#include "security/sha256.hpp"

#include <openssl/evp.h>

#include "security/openssl_error.hpp"

namespace exam::security {

std::string sha256_hex(std::string_view data) {
    unsigned char digest[EVP_MAX_MD_SIZE];
    std::size_t length = 0;
    check_openssl(EVP_Q_digest(nullptr, "SHA256", nullptr, data.data(), data.size(), digest, &length),
                  "SHA-256");
    // OpenSSL's own hex helpers write upper case with separators.
    constexpr char digits[] = "0123456789abcdef";
    std::string hex;
    hex.reserve(2 * length);
    for (std::size_t i = 0; i < length; ++i) {
        hex += digits[digest[i] >> 4];
        hex += digits[digest[i] & 0x0F];
    }
    return hex;
}

}  // namespace exam::security
