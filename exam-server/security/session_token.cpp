#include "security/session_token.hpp"

#include "security/base64.hpp"
#include "security/constant_time.hpp"
#include "security/secure_random.hpp"
#include "security/sha256.hpp"

namespace exam::security {

std::string generate_session_token() { return base64url_encode_unpadded(random_bytes(16)); }

std::string session_token_digest(std::string_view token) { return sha256_hex(token); }

bool session_token_matches(std::string_view token, std::string_view stored_digest) {
    return constant_time_equals(session_token_digest(token), stored_digest);
}

}  // namespace exam::security
