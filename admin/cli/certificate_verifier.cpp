#include "certificate_verifier.hpp"

#include <openssl/err.h>
#include <openssl/evp.h>
#include <openssl/pem.h>

#include <boost/json.hpp>

#include <memory>
#include <vector>

namespace exam_admin {
namespace json = boost::json;

namespace {

struct BioFree {
    void operator()(BIO* b) const { BIO_free(b); }
};
struct KeyFree {
    void operator()(EVP_PKEY* k) const { EVP_PKEY_free(k); }
};
struct MdFree {
    void operator()(EVP_MD_CTX* c) const { EVP_MD_CTX_free(c); }
};
using Key = std::unique_ptr<EVP_PKEY, KeyFree>;

Key read_public_key(std::string_view pem) {
    std::unique_ptr<BIO, BioFree> bio(BIO_new_mem_buf(pem.data(), static_cast<int>(pem.size())));
    Key key(bio ? PEM_read_bio_PUBKEY(bio.get(), nullptr, nullptr, nullptr) : nullptr);
    ERR_clear_error();
    if (key && EVP_PKEY_get_id(key.get()) != EVP_PKEY_ED25519) key.reset();
    return key;
}

// First 16 hex digits of the SHA-256 of the raw 32-byte public key.
std::string key_id(EVP_PKEY* key) {
    unsigned char raw[32];
    std::size_t raw_length = sizeof raw;
    unsigned char digest[EVP_MAX_MD_SIZE];
    std::size_t digest_length = 0;
    if (EVP_PKEY_get_raw_public_key(key, raw, &raw_length) != 1 ||
        EVP_Q_digest(nullptr, "SHA256", nullptr, raw, raw_length, digest, &digest_length) != 1) {
        ERR_clear_error();
        return "";
    }
    static constexpr char hex[] = "0123456789abcdef";
    std::string out;
    for (std::size_t i = 0; i < 8; ++i) {
        out += hex[digest[i] >> 4];
        out += hex[digest[i] & 0x0F];
    }
    return out;
}

// Standard base64 with padding, accepted only in the one spelling an encoder writes.
std::optional<std::vector<unsigned char>> decode_base64(std::string_view text) {
    if (text.empty() || text.size() % 4 != 0) return std::nullopt;
    std::vector<unsigned char> bytes(text.size() / 4 * 3);
    const int n = EVP_DecodeBlock(bytes.data(), reinterpret_cast<const unsigned char*>(text.data()),
                                  static_cast<int>(text.size()));
    const std::size_t padding = text.ends_with("==") ? 2 : text.ends_with("=") ? 1 : 0;
    if (n < 0 || static_cast<std::size_t>(n) < padding) return std::nullopt;
    bytes.resize(static_cast<std::size_t>(n) - padding);
    std::string again(4 * ((bytes.size() + 2) / 3) + 1, '\0');
    const int m = EVP_EncodeBlock(reinterpret_cast<unsigned char*>(again.data()), bytes.data(),
                                  static_cast<int>(bytes.size()));
    again.resize(static_cast<std::size_t>(m));
    if (again != text) return std::nullopt;
    return bytes;
}

bool signature_verifies(EVP_PKEY* key, std::string_view message, const std::vector<unsigned char>& signature) {
    std::unique_ptr<EVP_MD_CTX, MdFree> context(EVP_MD_CTX_new());
    const bool ok = context && EVP_DigestVerifyInit(context.get(), nullptr, nullptr, nullptr, key) == 1 &&
                    EVP_DigestVerify(context.get(), signature.data(), signature.size(),
                                     reinterpret_cast<const unsigned char*>(message.data()), message.size()) == 1;
    ERR_clear_error();
    return ok;
}

std::string text_at(const json::object& o, std::string_view key) {
    const auto* v = o.if_contains(key);
    return v != nullptr && v->is_string() ? std::string(v->get_string()) : std::string();
}

}  // namespace

std::optional<Verification> verify_certificate(std::string_view document, std::string_view public_key_pem) {
    const Key key = read_public_key(public_key_pem);
    if (!key) return std::nullopt;
    auto refuse = [](std::string why) { return Verification{false, std::move(why), {}}; };

    json::error_code ec;
    const json::value parsed = json::parse(document, ec);
    if (ec || !parsed.is_object()) return refuse("not a certificate: the file is not a JSON object");
    const auto& top = parsed.get_object();
    if (top.size() != 2 || top.begin()->key() != "certificate" || !top.begin()->value().is_object() ||
        std::next(top.begin())->key() != "signature" || !std::next(top.begin())->value().is_string()) {
        return refuse("not a certificate: expected exactly \"certificate\" and \"signature\", in that order");
    }
    // The file must be the one spelling of its content (compact JSON and a newline).
    if (json::serialize(top) + "\n" != document) {
        return refuse("the file is not in its canonical form (spacing, escapes or line ending were changed)");
    }
    const auto& certificate = top.begin()->value().get_object();
    const auto signature = decode_base64(std::string_view(std::next(top.begin())->value().get_string()));
    if (!signature || signature->size() != 64) return refuse("the signature is not a canonical base64 Ed25519 signature");
    if (text_at(certificate, "format") != "certificate/1") return refuse("not a certificate/1 document");
    const std::string expected_key = key_id(key.get());
    if (text_at(certificate, "key_id") != expected_key) {
        return refuse("the certificate names another signing key than this one (key id " + expected_key + ")");
    }
    if (!signature_verifies(key.get(), json::serialize(certificate), *signature)) {
        return refuse("the signature does not match: the certificate was changed after it was signed");
    }

    Verification v{true, "", {}};
    v.certificate.number = text_at(certificate, "number");
    v.certificate.kind = text_at(certificate, "kind");
    if (const auto* c = certificate.if_contains("candidate"); c != nullptr && c->is_object()) {
        v.certificate.candidate_name = text_at(c->get_object(), "name");
    }
    if (const auto* q = certificate.if_contains("qualification"); q != nullptr && q->is_object()) {
        v.certificate.qualification = text_at(q->get_object(), "id") + " " + text_at(q->get_object(), "title");
    }
    v.certificate.issued_at = text_at(certificate, "issued_at");
    if (const auto* r = certificate.if_contains("replaces"); r != nullptr && r->is_string()) {
        v.certificate.replaces = std::string(r->get_string());
    }
    return v;
}

}  // namespace exam_admin
