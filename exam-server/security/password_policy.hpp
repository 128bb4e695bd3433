#pragma once
// What a new password must satisfy: a length, and nothing else. NIST SP 800-63B
// and OWASP ASVS V2.1 advise against composition rules (digits, symbols), which
// push people to predictable patterns; length is what makes guessing expensive.
// Length is counted in Unicode code points, so a password in any script gets
// the same allowance.
//
// Thread safety: a pure function, safe from any thread.

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

namespace exam::security {

inline constexpr std::size_t min_password_length = 12;   // code points
inline constexpr std::size_t max_password_length = 128;  // code points

// Why `password` (UTF-8) is not acceptable, in words for the person choosing
// it; nullopt when it is.
std::optional<std::string> password_policy_violation(std::string_view password);

}  // namespace exam::security
