#include "security/base64.hpp"

#include <openssl/evp.h>

#include <algorithm>
#include <limits>
#include <stdexcept>

namespace exam::security {

namespace {
// EVP_EncodeBlock counts in int: its output (4 characters per 3 bytes) must fit.
constexpr std::size_t max_encodable = std::numeric_limits<int>::max() / 4 * 3;
}  // namespace

std::string base64_encode(std::span<const unsigned char> bytes) {
    if (bytes.size() > max_encodable) throw std::length_error("base64_encode: input too large");
    // One more than the encoding: EVP_EncodeBlock ends it with a NUL.
    std::string text(4 * ((bytes.size() + 2) / 3) + 1, '\0');
    const int written = EVP_EncodeBlock(reinterpret_cast<unsigned char*>(text.data()), bytes.data(),
                                        static_cast<int>(bytes.size()));
    text.resize(static_cast<std::size_t>(written));
    return text;
}

std::optional<std::vector<unsigned char>> base64_decode(std::string_view text) {
    if (text.size() % 4 != 0 || text.size() > max_encodable) return std::nullopt;
    std::vector<unsigned char> bytes(text.size() / 4 * 3);
    const int written = EVP_DecodeBlock(bytes.data(), reinterpret_cast<const unsigned char*>(text.data()),
                                        static_cast<int>(text.size()));
    // EVP_DecodeBlock returns the padding as zero bytes.
    const std::size_t padding = text.ends_with("==") ? 2 : text.ends_with("=") ? 1 : 0;
    if (written < 0 || static_cast<std::size_t>(written) < padding) return std::nullopt;
    bytes.resize(static_cast<std::size_t>(written) - padding);
    // EVP_DecodeBlock tolerates whitespace and ignores the bits under the
    // padding; encoding again and comparing rejects both.
    if (base64_encode(bytes) != text) return std::nullopt;
    return bytes;
}

std::string base64url_encode_unpadded(std::span<const unsigned char> bytes) {
    std::string text = base64_encode(bytes);
    text.erase(text.find_last_not_of('=') + 1);
    std::replace(text.begin(), text.end(), '+', '-');
    std::replace(text.begin(), text.end(), '/', '_');
    return text;
}

}  // namespace exam::security
