#include "security/password_hash.hpp"

#include <openssl/core_names.h>
#include <openssl/crypto.h>
#include <openssl/kdf.h>
#include <openssl/params.h>

#include <array>
#include <charconv>
#include <optional>
#include <span>
#include <stdexcept>
#include <vector>

#include "security/base64.hpp"
#include "security/openssl_error.hpp"
#include "security/openssl_handles.hpp"
#include "security/secure_random.hpp"

namespace exam::security {

namespace {

constexpr std::string_view scheme_prefix = "$scrypt$";
constexpr std::size_t salt_length = 16;
constexpr std::size_t hash_length = 32;

// A stored hash is data that someone may have altered. These bounds stop a
// tampered row from turning one login into a memory or CPU exhaustion; the
// production parameters use an eighth of the memory and 1/16 of the work.
constexpr std::uint64_t max_memory_bytes = std::uint64_t{1} << 30;
constexpr std::uint64_t max_work = std::uint64_t{1} << 24;  // N·r·p

// What OpenSSL's scrypt allocates (providers/implementations/kdfs/scrypt.c:
// B = 128·r·p bytes, V = 128·r·(N + 2) bytes). Passed as its maxmem_bytes,
// because its default ceiling (32 MiB) is below the production 128 MiB.
std::uint64_t memory_needed(const ScryptParameters& parameters) {
    const std::uint64_t n = std::uint64_t{1} << parameters.log2_n;
    return std::uint64_t{128} * parameters.r * (n + 2 + parameters.p);
}

bool within_bounds(const ScryptParameters& parameters) {
    // The first checks keep the arithmetic below from overflowing.
    if (parameters.log2_n < 1 || parameters.log2_n > 30 || parameters.r < 1 || parameters.r > 1024 ||
        parameters.p < 1 || parameters.p > 1024)
        return false;
    // RFC 7914 requires N < 2^(128·r/8); OpenSSL refuses otherwise.
    if (parameters.log2_n >= 16 * parameters.r) return false;
    const std::uint64_t n = std::uint64_t{1} << parameters.log2_n;
    return memory_needed(parameters) <= max_memory_bytes && n * parameters.r * parameters.p <= max_work;
}

std::vector<unsigned char> derive(std::string_view password, std::span<const unsigned char> salt,
                                  const ScryptParameters& parameters, std::size_t length) {
    const KdfHandle kdf(check_openssl(EVP_KDF_fetch(nullptr, OSSL_KDF_NAME_SCRYPT, nullptr), "fetch scrypt"));
    const KdfContextHandle context(check_openssl(EVP_KDF_CTX_new(kdf.get()), "EVP_KDF_CTX_new"));
    std::uint64_t n = std::uint64_t{1} << parameters.log2_n;
    std::uint32_t r = parameters.r;
    std::uint32_t p = parameters.p;
    std::uint64_t max_memory = memory_needed(parameters);
    // OSSL_PARAM holds non-const pointers but the KDF only reads through them.
    const OSSL_PARAM settings[] = {
        OSSL_PARAM_construct_octet_string(OSSL_KDF_PARAM_PASSWORD, const_cast<char*>(password.data()),
                                          password.size()),
        OSSL_PARAM_construct_octet_string(OSSL_KDF_PARAM_SALT, const_cast<unsigned char*>(salt.data()),
                                          salt.size()),
        OSSL_PARAM_construct_uint64(OSSL_KDF_PARAM_SCRYPT_N, &n),
        OSSL_PARAM_construct_uint32(OSSL_KDF_PARAM_SCRYPT_R, &r),
        OSSL_PARAM_construct_uint32(OSSL_KDF_PARAM_SCRYPT_P, &p),
        OSSL_PARAM_construct_uint64(OSSL_KDF_PARAM_SCRYPT_MAXMEM, &max_memory),
        OSSL_PARAM_construct_end(),
    };
    std::vector<unsigned char> key(length);
    check_openssl(EVP_KDF_derive(context.get(), key.data(), key.size(), settings), "scrypt");
    return key;
}

struct StoredHash {
    ScryptParameters parameters;
    std::vector<unsigned char> salt;
    std::vector<unsigned char> hash;
};

// Exactly `count` parts separated by `separator`, or nullopt.
template <std::size_t count>
std::optional<std::array<std::string_view, count>> split_exactly(std::string_view text, char separator) {
    std::array<std::string_view, count> parts;
    for (std::size_t i = 0; i + 1 < count; ++i) {
        const auto end = text.find(separator);
        if (end == std::string_view::npos) return std::nullopt;
        parts[i] = text.substr(0, end);
        text.remove_prefix(end + 1);
    }
    if (text.find(separator) != std::string_view::npos) return std::nullopt;
    parts[count - 1] = text;
    return parts;
}

// "<name><decimal>", nothing else (no sign, no spaces).
bool parse_field(std::string_view field, std::string_view name, std::uint32_t& value) {
    if (!field.starts_with(name)) return false;
    field.remove_prefix(name.size());
    const char* end = field.data() + field.size();
    const auto [stop, error] = std::from_chars(field.data(), end, value);
    return error == std::errc{} && stop == end;
}

std::optional<StoredHash> parse(std::string_view stored) {
    if (!stored.starts_with(scheme_prefix)) return std::nullopt;
    const auto parts = split_exactly<3>(stored.substr(scheme_prefix.size()), '$');
    if (!parts) return std::nullopt;
    const auto fields = split_exactly<3>((*parts)[0], ',');
    if (!fields) return std::nullopt;
    StoredHash parsed;
    if (!parse_field((*fields)[0], "ln=", parsed.parameters.log2_n) ||
        !parse_field((*fields)[1], "r=", parsed.parameters.r) ||
        !parse_field((*fields)[2], "p=", parsed.parameters.p) || !within_bounds(parsed.parameters))
        return std::nullopt;
    auto salt = base64_decode((*parts)[1]);
    auto hash = base64_decode((*parts)[2]);
    // A short hash would match wrong passwords by chance; a short salt would
    // let precomputed tables apply.
    if (!salt || salt->size() < salt_length || !hash || hash->size() != hash_length) return std::nullopt;
    parsed.salt = std::move(*salt);
    parsed.hash = std::move(*hash);
    return parsed;
}

}  // namespace

std::string hash_password(std::string_view password, const ScryptParameters& parameters) {
    if (!within_bounds(parameters)) throw std::invalid_argument("scrypt parameters out of bounds");
    const auto salt = random_bytes(salt_length);
    const auto hash = derive(password, salt, parameters, hash_length);
    return std::string(scheme_prefix) + "ln=" + std::to_string(parameters.log2_n) +
           ",r=" + std::to_string(parameters.r) + ",p=" + std::to_string(parameters.p) + "$" +
           base64_encode(salt) + "$" + base64_encode(hash);
}

bool verify_password(std::string_view password, std::string_view stored) {
    const auto parsed = parse(stored);
    if (!parsed) return false;
    const auto derived = derive(password, parsed->salt, parsed->parameters, parsed->hash.size());
    return CRYPTO_memcmp(derived.data(), parsed->hash.data(), derived.size()) == 0;
}

bool needs_rehash(std::string_view stored, const ScryptParameters& current) {
    const auto parsed = parse(stored);
    return !parsed || parsed->parameters != current;
}

}  // namespace exam::security
