#include "security/secure_random.hpp"

#include <openssl/rand.h>

#include <limits>
#include <stdexcept>

#include "security/openssl_error.hpp"

namespace exam::security {

std::vector<unsigned char> random_bytes(std::size_t count) {
    if (count > static_cast<std::size_t>(std::numeric_limits<int>::max()))
        throw std::length_error("random_bytes: count too large");
    std::vector<unsigned char> bytes(count);
    if (count > 0) check_openssl(RAND_bytes(bytes.data(), static_cast<int>(count)), "RAND_bytes");
    return bytes;
}

}  // namespace exam::security
