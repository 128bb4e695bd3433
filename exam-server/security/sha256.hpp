#pragma once
// SHA-256 as lower-case hex: the stored form of session tokens, and a digest
// fit for chaining audit records.
//
// Thread safety: a pure function, safe from any thread.

#include <string>
#include <string_view>

namespace exam::security {

// 64 lower-case hex characters. Throws OpenSslError if OpenSSL cannot digest.
std::string sha256_hex(std::string_view data);

}  // namespace exam::security
