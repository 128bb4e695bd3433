#include "security/self_signed_certificate.hpp"

#include <openssl/ec.h>
#include <openssl/err.h>
#include <openssl/pem.h>

#include <cstring>
#include <ctime>
#include <stdexcept>

#include "security/atomic_file.hpp"
#include "security/openssl_error.hpp"
#include "security/openssl_handles.hpp"
#include "security/secure_random.hpp"

namespace exam::security {

namespace {

constexpr const char* certificate_file_name = "server-certificate.pem";
constexpr const char* private_key_file_name = "server-private-key.pem";
constexpr const char* common_name = "exam-server";
// Browsers refuse server certificates valid for longer (CA/Browser Forum, 2020).
constexpr int validity_days = 397;
// Covers a client whose clock runs a little behind the server's.
constexpr long backdate_seconds = 3600;
// Renewed well before it lapses, so that a restart during an exam window never
// brings up a certificate about to expire.
constexpr long renew_within_days = 30;

const std::vector<std::string> always_named = {"localhost", "127.0.0.1", "::1"};

// Refuses to prompt on the terminal for a passphrase (OpenSSL's default for an
// encrypted key): such a key does not load, and is replaced.
int no_passphrase(char*, int, int, void*) { return -1; }

X509Handle read_certificate(const std::filesystem::path& path) {
    const BioHandle file(BIO_new_file(path.c_str(), "r"));
    if (!file) return nullptr;
    return X509Handle(PEM_read_bio_X509(file.get(), nullptr, no_passphrase, nullptr));
}

PrivateKeyHandle read_private_key(const std::filesystem::path& path) {
    const BioHandle file(BIO_new_file(path.c_str(), "r"));
    if (!file) return nullptr;
    return PrivateKeyHandle(PEM_read_bio_PrivateKey(file.get(), nullptr, no_passphrase, nullptr));
}

// The octets of an IP address in text form, or null for anything else.
Asn1OctetStringHandle ip_address(const std::string& hostname) {
    return Asn1OctetStringHandle(a2i_IPADDRESS(hostname.c_str()));
}

bool names(X509* certificate, const std::string& hostname) {
    if (const auto ip = ip_address(hostname)) {
        return X509_check_ip(certificate, ASN1_STRING_get0_data(ip.get()),
                             static_cast<std::size_t>(ASN1_STRING_length(ip.get())), 0) == 1;
    }
    return X509_check_host(certificate, hostname.data(), hostname.size(), 0, nullptr) == 1;
}

bool reusable(const CertificateFiles& files, const std::vector<std::string>& hostnames) {
    const auto certificate = read_certificate(files.certificate);
    const auto key = read_private_key(files.private_key);
    if (!certificate || !key || X509_check_private_key(certificate.get(), key.get()) != 1) return false;
    std::time_t horizon = std::time(nullptr) + renew_within_days * 24 * 3600;
    if (X509_cmp_time(X509_get0_notAfter(certificate.get()), &horizon) <= 0) return false;
    for (const auto& hostname : hostnames) {
        if (!names(certificate.get(), hostname)) return false;
    }
    return true;
}

void check_hostname(const std::string& hostname) {
    if (ip_address(hostname)) return;
    const bool plain = !hostname.empty() && hostname.find_first_not_of(
        "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-.") == std::string::npos;
    if (!plain) throw std::invalid_argument("not a hostname or IP address: \"" + hostname + "\"");
}

void add_extension(X509* certificate, int nid, const char* value) {
    X509V3_CTX context;
    X509V3_set_ctx_nodb(&context);
    X509V3_set_ctx(&context, certificate, certificate, nullptr, nullptr, 0);
    const X509ExtensionHandle extension(
        check_openssl(X509V3_EXT_conf_nid(nullptr, &context, nid, value), OBJ_nid2sn(nid)));
    check_openssl(X509_add_ext(certificate, extension.get(), -1), "X509_add_ext");
}

// Built entry by entry rather than from a "DNS:a,IP:b" string, so that no
// hostname can smuggle in a name of its own.
void add_subject_alt_names(X509* certificate, const std::vector<std::string>& hostnames) {
    const GeneralNamesHandle alt_names(check_openssl(GENERAL_NAMES_new(), "GENERAL_NAMES_new"));
    for (const auto& hostname : hostnames) {
        GeneralNameHandle name(check_openssl(GENERAL_NAME_new(), "GENERAL_NAME_new"));
        if (auto ip = ip_address(hostname)) {
            GENERAL_NAME_set0_value(name.get(), GEN_IPADD, ip.release());
        } else {
            Asn1Ia5StringHandle dns(check_openssl(ASN1_IA5STRING_new(), "ASN1_IA5STRING_new"));
            check_openssl(ASN1_STRING_set(dns.get(), hostname.data(), static_cast<int>(hostname.size())),
                          "ASN1_STRING_set");
            GENERAL_NAME_set0_value(name.get(), GEN_DNS, dns.release());
        }
        check_openssl(sk_GENERAL_NAME_push(alt_names.get(), name.get()), "sk_GENERAL_NAME_push");
        name.release();  // the stack owns it now
    }
    check_openssl(X509_add1_ext_i2d(certificate, NID_subject_alt_name, alt_names.get(), 0, X509V3_ADD_DEFAULT),
                  "subjectAltName");
}

X509Handle make_certificate(EVP_PKEY* key, const std::vector<std::string>& hostnames) {
    X509Handle certificate(check_openssl(X509_new(), "X509_new"));
    X509* x = certificate.get();
    check_openssl(X509_set_version(x, X509_VERSION_3), "X509_set_version");

    // Random, so that a browser never meets two certificates from the same
    // issuer name with one serial (it would refuse the second).
    const auto serial_bytes = random_bytes(16);
    const BignumHandle serial(
        check_openssl(BN_bin2bn(serial_bytes.data(), static_cast<int>(serial_bytes.size()), nullptr), "BN_bin2bn"));
    check_openssl(BN_to_ASN1_INTEGER(serial.get(), X509_get_serialNumber(x)), "serial number");

    X509_NAME* name = X509_get_subject_name(x);
    check_openssl(X509_NAME_add_entry_by_txt(name, "CN", MBSTRING_ASC,
                                             reinterpret_cast<const unsigned char*>(common_name), -1, -1, 0),
                  "subject name");
    check_openssl(X509_set_issuer_name(x, name), "issuer name");

    std::time_t now = std::time(nullptr);
    check_openssl(X509_time_adj_ex(X509_getm_notBefore(x), 0, -backdate_seconds, &now), "notBefore");
    check_openssl(X509_time_adj_ex(X509_getm_notAfter(x), validity_days, -backdate_seconds, &now), "notAfter");
    check_openssl(X509_set_pubkey(x, key), "X509_set_pubkey");

    add_extension(x, NID_basic_constraints, "critical,CA:FALSE");
    add_extension(x, NID_key_usage, "critical,digitalSignature");
    add_extension(x, NID_ext_key_usage, "serverAuth");
    add_subject_alt_names(x, hostnames);

    check_openssl(X509_sign(x, key, EVP_sha256()), "X509_sign");
    return certificate;
}

template <class Write>
std::string to_pem(Write write) {
    const BioHandle memory(check_openssl(BIO_new(BIO_s_mem()), "BIO_new"));
    write(memory.get());
    char* data = nullptr;
    const long length = BIO_get_mem_data(memory.get(), &data);
    return std::string(data, static_cast<std::size_t>(length));
}

}  // namespace

CertificateFiles ensure_self_signed_certificate(const std::filesystem::path& directory,
                                                const std::vector<std::string>& extra_hostnames) {
    std::vector<std::string> hostnames = always_named;
    for (const auto& hostname : extra_hostnames) {
        check_hostname(hostname);
        hostnames.push_back(hostname);
    }
    const CertificateFiles files{directory / certificate_file_name, directory / private_key_file_name};
    const bool reuse = reusable(files, hostnames);
    // Files that failed to load leave entries on this thread's error queue,
    // where a later TLS call would find and misreport them.
    ERR_clear_error();
    if (reuse) return files;

    std::filesystem::create_directories(directory);
    const PrivateKeyHandle key(check_openssl(EVP_EC_gen("P-256"), "P-256 key generation"));
    const auto certificate = make_certificate(key.get(), hostnames);
    const auto key_pem = to_pem([&](BIO* out) {
        check_openssl(PEM_write_bio_PrivateKey(out, key.get(), nullptr, nullptr, 0, nullptr, nullptr),
                      "PEM_write_bio_PrivateKey");
    });
    const auto certificate_pem = to_pem([&](BIO* out) {
        check_openssl(PEM_write_bio_X509(out, certificate.get()), "PEM_write_bio_X509");
    });
    // Each rename is atomic, the pair is not: interrupted in between, the
    // files no longer match, and the next start makes a new pair.
    write_file_atomically(files.private_key, key_pem, 0600);
    write_file_atomically(files.certificate, certificate_pem, 0644);
    return files;
}

}  // namespace exam::security
