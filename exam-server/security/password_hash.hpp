#pragma once
// Password storage: scrypt through OpenSSL's EVP_KDF, each hash stored with its
// own parameters and salt,
//     $scrypt$ln=17,r=8,p=1$<16-byte salt, base64>$<32-byte hash, base64>
// so that raising the cost later leaves old hashes verifiable, and
// needs_rehash tells which to upgrade at their owner's next login.
//
// Cost: with the production parameters one hash or verification takes 128 MiB
// and 0.6 to 0.8 s of one core on the project's 2-core machine; callers should
// bound how many run at once (and throttle logins, see login_throttle.hpp).
//
// Thread safety: free functions without shared state, safe from any thread.

#include <cstdint>
#include <string>
#include <string_view>

namespace exam::security {

struct ScryptParameters {
    std::uint32_t log2_n = 17;  // N = 2^log2_n: memory and time grow with it
    std::uint32_t r = 8;        // block size
    std::uint32_t p = 1;        // parallelism

    // OWASP Password Storage Cheat Sheet: N = 2^17, r = 8, p = 1. Also what a
    // default-constructed ScryptParameters holds.
    static constexpr ScryptParameters production() { return {}; }
    // N = 2^10 (1 MiB, about a millisecond) so that suites can hash freely.
    // Nothing in the server picks it: it must be passed explicitly.
    static constexpr ScryptParameters cheap_for_tests() { return {10, 8, 1}; }

    friend bool operator==(const ScryptParameters&, const ScryptParameters&) = default;
};

// Throws std::invalid_argument for parameters outside the bounds verification
// accepts (at most 1 GiB of memory and 2^24 for N·r·p), OpenSslError if OpenSSL
// fails.
std::string hash_password(std::string_view password,
                          const ScryptParameters& parameters = ScryptParameters::production());

// True when `password` matches `stored`, computed with the parameters `stored`
// carries and compared in constant time. False for a wrong password and for
// any malformed or out-of-bounds stored string (those never throw). Throws
// OpenSslError only if OpenSSL fails on a well-formed hash (out of memory, no
// scrypt in the loaded providers): a broken server, not a wrong password.
bool verify_password(std::string_view password, std::string_view stored);

// True when `stored` was made with parameters other than `current`, or cannot
// be read: the caller then hashes again the password it has just verified.
bool needs_rehash(std::string_view stored, const ScryptParameters& current);

}  // namespace exam::security
