#pragma once
// Equality for secrets and their digests whose running time does not depend on
// where the inputs first differ, so that timing cannot be used to guess a
// secret one character at a time.
//
// Thread safety: a pure function, safe from any thread.

#include <string_view>

namespace exam::security {

// Lengths are not secret for what is compared here (digests, tokens and
// keycodes have fixed lengths), so unequal lengths return false at once.
bool constant_time_equals(std::string_view a, std::string_view b) noexcept;

}  // namespace exam::security
