#pragma once
// Unpredictable bytes for salts, tokens, keycodes and serial numbers, from
// OpenSSL's CSPRNG (never std::random_device or a seeded engine).
//
// Thread safety: safe from any thread (OpenSSL 3 keeps a generator per thread).

#include <cstddef>
#include <vector>

namespace exam::security {

// Throws OpenSslError if the generator cannot be seeded.
std::vector<unsigned char> random_bytes(std::size_t count);

}  // namespace exam::security
