#pragma once
// Base64 (RFC 4648) through OpenSSL's EVP_EncodeBlock / EVP_DecodeBlock.
//
// Thread safety: pure functions, safe from any thread.

#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace exam::security {

// The standard alphabet, padded with '='.
std::string base64_encode(std::span<const unsigned char> bytes);

// Accepts only the exact text base64_encode produces (no whitespace, no bits
// set under the padding), so each value has one spelling and any change to a
// stored value is noticed; nullopt for anything else.
std::optional<std::vector<unsigned char>> base64_decode(std::string_view text);

// The URL- and filename-safe alphabet ('-' and '_') without padding: travels in
// headers, cookies and JSON without escaping.
std::string base64url_encode_unpadded(std::span<const unsigned char> bytes);

}  // namespace exam::security
