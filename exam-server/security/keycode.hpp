#pragma once
// A test session's keycode, which its booked candidates type to log in: 8
// characters from 32 that cannot be taken for one another (no 0/O, no 1/I),
// read off a whiteboard and typed by hand. That makes 40 bits, few enough
// that guesses must be throttled per session (see login_throttle.hpp).
//
// Thread safety: free functions, safe from any thread.

#include <cstddef>
#include <string>
#include <string_view>

namespace exam::security {

inline constexpr std::string_view keycode_alphabet = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789";
inline constexpr std::size_t keycode_length = 8;

// Every character drawn independently and uniformly from keycode_alphabet.
std::string generate_keycode();

// What a candidate typed, made comparable: ASCII letters upper-cased, spaces
// and hyphens dropped ("abcd-efgh" and "ABCD EFGH" give "ABCDEFGH").
std::string normalise_keycode(std::string_view typed);

// Both sides normalised, then compared in constant time.
bool keycodes_match(std::string_view typed, std::string_view expected);

}  // namespace exam::security
