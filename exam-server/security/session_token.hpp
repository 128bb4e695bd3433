#pragma once
// Bearer tokens for staff sessions and candidates' attempts (OWASP ASVS V3):
// 128 bits from OpenSSL's CSPRNG, handed to the client once and stored only as
// their SHA-256, so that a copy of the database holds no live session. A plain
// hash suffices (no salt, no scrypt): 128 random bits cannot be guessed, only
// stolen.
//
// Thread safety: free functions, safe from any thread.

#include <cstddef>
#include <string>
#include <string_view>

namespace exam::security {

inline constexpr std::size_t session_token_length = 22;  // 16 bytes as base64url without padding

std::string generate_session_token();

// The stored and looked-up form: SHA-256 of the token as 64 lower-case hex
// characters.
std::string session_token_digest(std::string_view token);

// Whether a presented token is the one whose digest was stored, compared in
// constant time.
bool session_token_matches(std::string_view token, std::string_view stored_digest);

}  // namespace exam::security
