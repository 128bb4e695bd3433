#include "security/awarding_key.hpp"

#include <openssl/err.h>
#include <openssl/pem.h>

#include <stdexcept>

#include "security/atomic_file.hpp"
#include "security/openssl_error.hpp"
#include "security/sha256.hpp"

namespace exam::security {

namespace {

constexpr std::size_t ed25519_signature_size = 64;
constexpr std::size_t key_id_hex_digits = 16;

// An encrypted key would otherwise make OpenSSL prompt on the terminal.
int no_passphrase(char*, int, int, void*) { return -1; }

std::string bio_text(BIO* memory) {
    char* data = nullptr;
    const long length = BIO_get_mem_data(memory, &data);
    return std::string(data, static_cast<std::size_t>(length));
}

std::string private_key_pem(EVP_PKEY* key) {
    const BioHandle memory(check_openssl(BIO_new(BIO_s_mem()), "BIO_new"));
    check_openssl(PEM_write_bio_PrivateKey(memory.get(), key, nullptr, nullptr, 0, nullptr, nullptr),
                  "PEM_write_bio_PrivateKey");
    return bio_text(memory.get());
}

std::string public_pem(EVP_PKEY* key) {
    const BioHandle memory(check_openssl(BIO_new(BIO_s_mem()), "BIO_new"));
    check_openssl(PEM_write_bio_PUBKEY(memory.get(), key), "PEM_write_bio_PUBKEY");
    return bio_text(memory.get());
}

}  // namespace

AwardingKey::AwardingKey(PrivateKeyHandle key)
    : key_(std::move(key)), public_key_pem_(public_pem(key_.get())), key_id_(ed25519_key_id(key_.get())) {}

AwardingKey AwardingKey::load_or_create(const std::filesystem::path& file) {
    if (std::filesystem::exists(file)) {
        const BioHandle in(BIO_new_file(file.c_str(), "r"));
        PrivateKeyHandle key(in ? PEM_read_bio_PrivateKey(in.get(), nullptr, no_passphrase, nullptr) : nullptr);
        ERR_clear_error();
        if (!key || EVP_PKEY_get_id(key.get()) != EVP_PKEY_ED25519) {
            throw std::runtime_error(file.string() + " is not an unencrypted Ed25519 private key; certificates issued "
                                     "with the awarding key verify only against it, so it is not replaced: restore it "
                                     "from a backup, or move it away to start a new key");
        }
        return AwardingKey(std::move(key));
    }
    if (file.has_parent_path()) std::filesystem::create_directories(file.parent_path());
    PrivateKeyHandle key(check_openssl(EVP_PKEY_Q_keygen(nullptr, nullptr, "ED25519"), "Ed25519 key generation"));
    write_file_atomically(file, private_key_pem(key.get()), 0600);
    return AwardingKey(std::move(key));
}

std::vector<unsigned char> AwardingKey::sign(std::string_view message) const {
    const MdContextHandle context(check_openssl(EVP_MD_CTX_new(), "EVP_MD_CTX_new"));
    // Ed25519 hashes internally: no digest is named, and the message goes in one call.
    check_openssl(EVP_DigestSignInit(context.get(), nullptr, nullptr, nullptr, key_.get()), "EVP_DigestSignInit");
    std::vector<unsigned char> signature(ed25519_signature_size);
    std::size_t length = signature.size();
    check_openssl(EVP_DigestSign(context.get(), signature.data(), &length,
                                 reinterpret_cast<const unsigned char*>(message.data()), message.size()),
                  "Ed25519 signature");
    signature.resize(length);
    return signature;
}

PublicKeyHandle read_ed25519_public_key(std::string_view pem) {
    const BioHandle memory(BIO_new_mem_buf(pem.data(), static_cast<int>(pem.size())));
    PublicKeyHandle key(memory ? PEM_read_bio_PUBKEY(memory.get(), nullptr, no_passphrase, nullptr) : nullptr);
    ERR_clear_error();
    if (key && EVP_PKEY_get_id(key.get()) != EVP_PKEY_ED25519) key.reset();
    return key;
}

std::string ed25519_key_id(EVP_PKEY* public_key) {
    unsigned char raw[32];
    std::size_t length = sizeof raw;
    check_openssl(EVP_PKEY_get_raw_public_key(public_key, raw, &length), "EVP_PKEY_get_raw_public_key");
    return sha256_hex(std::string_view(reinterpret_cast<const char*>(raw), length)).substr(0, key_id_hex_digits);
}

bool verify_ed25519(EVP_PKEY* public_key, std::string_view message, std::span<const unsigned char> signature) {
    if (signature.size() != ed25519_signature_size) return false;
    const MdContextHandle context(EVP_MD_CTX_new());
    if (!context || EVP_DigestVerifyInit(context.get(), nullptr, nullptr, nullptr, public_key) != 1) {
        ERR_clear_error();
        return false;
    }
    const int result = EVP_DigestVerify(context.get(), signature.data(), signature.size(),
                                        reinterpret_cast<const unsigned char*>(message.data()), message.size());
    // A bad signature leaves an entry on the error queue; it is an answer, not a failure.
    ERR_clear_error();
    return result == 1;
}

}  // namespace exam::security
