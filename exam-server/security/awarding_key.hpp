#pragma once
// The awarding organisation's certificate-signing key: Ed25519, made on the
// server's first start and kept in its data directory, because every
// certificate ever issued is checked against its public half. Losing or
// replacing it would make those certificates unverifiable, so a key file that
// exists but does not load stops the server rather than being replaced.
//
// Thread safety: a loaded key is read-only; sign() and the getters are safe
// from any thread (each signature uses its own OpenSSL context).

#include <filesystem>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "security/openssl_handles.hpp"

namespace exam::security {

class AwardingKey {
public:
    // Loads `file` (PEM, PKCS #8), or creates it with mode 0600 when it does
    // not exist. Throws std::runtime_error naming the file when it exists but
    // is not an unencrypted Ed25519 private key; OpenSslError or
    // std::system_error when a new key cannot be made or written.
    static AwardingKey load_or_create(const std::filesystem::path& file);

    // The 64-byte Ed25519 signature of `message`.
    std::vector<unsigned char> sign(std::string_view message) const;
    // SubjectPublicKeyInfo as PEM ("-----BEGIN PUBLIC KEY-----"), what verifiers are given.
    const std::string& public_key_pem() const { return public_key_pem_; }
    // Names the key in certificates, so a verifier holding several keys knows
    // which to try: the first 16 hex digits of the SHA-256 of the raw public key.
    const std::string& key_id() const { return key_id_; }

private:
    explicit AwardingKey(PrivateKeyHandle key);

    PrivateKeyHandle key_;
    std::string public_key_pem_;
    std::string key_id_;
};

// A public key from its PEM, or null when the text is not an Ed25519 public key.
PublicKeyHandle read_ed25519_public_key(std::string_view pem);
// The key id (as AwardingKey::key_id) of an Ed25519 public key.
std::string ed25519_key_id(EVP_PKEY* public_key);
// Whether `signature` is `public_key`'s Ed25519 signature of `message`.
bool verify_ed25519(EVP_PKEY* public_key, std::string_view message, std::span<const unsigned char> signature);

}  // namespace exam::security
