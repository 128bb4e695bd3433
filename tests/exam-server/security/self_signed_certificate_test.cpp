#include <gtest/gtest.h>
#include <openssl/pem.h>

#include <ctime>
#include <fstream>
#include <sstream>

#include "security/openssl_handles.hpp"
#include "security/self_signed_certificate.hpp"
#include "temp_dir.hpp"

using namespace exam::security;
namespace fs = std::filesystem;

namespace {

X509Handle load_certificate(const fs::path& path) {
    const BioHandle file(BIO_new_file(path.c_str(), "r"));
    return X509Handle(file ? PEM_read_bio_X509(file.get(), nullptr, nullptr, nullptr) : nullptr);
}

PrivateKeyHandle load_key(const fs::path& path) {
    const BioHandle file(BIO_new_file(path.c_str(), "r"));
    return PrivateKeyHandle(file ? PEM_read_bio_PrivateKey(file.get(), nullptr, nullptr, nullptr) : nullptr);
}

std::string serial_of(const fs::path& certificate_path) {
    const auto certificate = load_certificate(certificate_path);
    if (!certificate) return "";
    const BignumHandle serial(ASN1_INTEGER_to_BN(X509_get0_serialNumber(certificate.get()), nullptr));
    char* hex = BN_bn2hex(serial.get());
    std::string text(hex);
    OPENSSL_free(hex);
    return text;
}

std::string read(const fs::path& path) {
    std::ifstream in(path, std::ios::binary);
    std::ostringstream content;
    content << in.rdbuf();
    return content.str();
}

void overwrite(const fs::path& path, const std::string& content) {
    std::ofstream(path, std::ios::binary | std::ios::trunc) << content;
}

}  // namespace

TEST(Certificate, CreatesAServerCertificateWithAP256Key) {
    const exam_test::TempDir dir;
    const auto files = ensure_self_signed_certificate(dir.path() / "tls");
    EXPECT_EQ(files.certificate.parent_path(), dir.path() / "tls");
    EXPECT_EQ(files.private_key.parent_path(), dir.path() / "tls");

    const auto certificate = load_certificate(files.certificate);
    const auto key = load_key(files.private_key);
    ASSERT_TRUE(certificate);
    ASSERT_TRUE(key);
    X509* x = certificate.get();
    EXPECT_EQ(X509_check_private_key(x, key.get()), 1);
    EXPECT_EQ(X509_verify(x, key.get()), 1) << "self-signed";

    ASSERT_TRUE(EVP_PKEY_is_a(key.get(), "EC"));
    char group[64] = {};
    ASSERT_EQ(EVP_PKEY_get_group_name(key.get(), group, sizeof group, nullptr), 1);
    EXPECT_STREQ(group, "prime256v1");
    EXPECT_EQ(X509_get_signature_nid(x), NID_ecdsa_with_SHA256);

    EXPECT_EQ(X509_get_version(x), X509_VERSION_3);
    char subject[256] = {};
    X509_NAME_get_text_by_NID(X509_get_subject_name(x), NID_commonName, subject, sizeof subject);
    EXPECT_STREQ(subject, "exam-server");
    EXPECT_EQ(X509_check_host(x, "localhost", 0, 0, nullptr), 1);
    EXPECT_EQ(X509_check_ip_asc(x, "127.0.0.1", 0), 1);
    EXPECT_EQ(X509_check_ip_asc(x, "::1", 0), 1);
    EXPECT_NE(X509_check_host(x, "example.org", 0, 0, nullptr), 1);

    EXPECT_EQ(X509_check_ca(x), 0) << "CA:FALSE";
    EXPECT_TRUE(X509_get_extension_flags(x) & EXFLAG_BCONS);
    EXPECT_EQ(X509_get_key_usage(x), static_cast<std::uint32_t>(KU_DIGITAL_SIGNATURE));
    EXPECT_EQ(X509_get_extended_key_usage(x), static_cast<std::uint32_t>(XKU_SSL_SERVER));

    EXPECT_LT(X509_cmp_current_time(X509_get0_notBefore(x)), 0) << "already valid";
    EXPECT_GT(X509_cmp_current_time(X509_get0_notAfter(x)), 0) << "not expired";
    int days = 0;
    int seconds = 0;
    ASSERT_EQ(ASN1_TIME_diff(&days, &seconds, X509_get0_notBefore(x), X509_get0_notAfter(x)), 1);
    EXPECT_EQ(days, 397);
    EXPECT_EQ(seconds, 0);

    const auto serial = serial_of(files.certificate);
    EXPECT_GE(serial.size(), 17u) << "about 128 random bits: " << serial;
    EXPECT_LE(serial.size(), 32u) << serial;
}

TEST(Certificate, KeyFileIsReadableByItsOwnerOnly) {
    const exam_test::TempDir dir;
    const auto files = ensure_self_signed_certificate(dir.path());
    EXPECT_EQ(fs::status(files.private_key).permissions() & fs::perms::mask,
              fs::perms::owner_read | fs::perms::owner_write);
    EXPECT_EQ(fs::status(files.certificate).permissions() & fs::perms::others_read, fs::perms::others_read);
}

TEST(Certificate, SecondCallReusesThePair) {
    const exam_test::TempDir dir;
    const auto first = ensure_self_signed_certificate(dir.path());
    const auto serial = serial_of(first.certificate);
    const auto key = read(first.private_key);
    const auto second = ensure_self_signed_certificate(dir.path());
    EXPECT_EQ(second.certificate, first.certificate);
    EXPECT_EQ(serial_of(second.certificate), serial);
    EXPECT_EQ(read(second.private_key), key);
}

TEST(Certificate, CorruptOrMismatchedFilesAreReplaced) {
    const exam_test::TempDir dir;
    const auto files = ensure_self_signed_certificate(dir.path());
    auto serial = serial_of(files.certificate);

    overwrite(files.certificate, "-----BEGIN CERTIFICATE-----\nnot a certificate\n-----END CERTIFICATE-----\n");
    ensure_self_signed_certificate(dir.path());
    ASSERT_NE(serial_of(files.certificate), "");
    EXPECT_NE(serial_of(files.certificate), serial);
    serial = serial_of(files.certificate);

    overwrite(files.private_key, "garbage");
    ensure_self_signed_certificate(dir.path());
    EXPECT_NE(serial_of(files.certificate), serial);
    EXPECT_TRUE(load_key(files.private_key));
    serial = serial_of(files.certificate);

    // A valid key that belongs to another certificate.
    const exam_test::TempDir other;
    const auto other_files = ensure_self_signed_certificate(other.path());
    overwrite(files.private_key, read(other_files.private_key));
    ensure_self_signed_certificate(dir.path());
    EXPECT_NE(serial_of(files.certificate), serial);
    EXPECT_EQ(X509_check_private_key(load_certificate(files.certificate).get(), load_key(files.private_key).get()), 1);
    serial = serial_of(files.certificate);

    fs::remove(files.private_key);
    ensure_self_signed_certificate(dir.path());
    EXPECT_NE(serial_of(files.certificate), serial);
    EXPECT_TRUE(fs::exists(files.private_key));
}

TEST(Certificate, NamesExtraHostnamesAndRenewsWhenOneIsMissing) {
    const exam_test::TempDir dir;
    const auto files = ensure_self_signed_certificate(dir.path());
    const auto serial = serial_of(files.certificate);

    const std::vector<std::string> extra = {"exam.example.org", "192.0.2.7", "2001:db8::7"};
    ensure_self_signed_certificate(dir.path(), extra);
    const auto renewed = serial_of(files.certificate);
    EXPECT_NE(renewed, serial);
    const auto certificate = load_certificate(files.certificate);
    EXPECT_EQ(X509_check_host(certificate.get(), "exam.example.org", 0, 0, nullptr), 1);
    EXPECT_EQ(X509_check_ip_asc(certificate.get(), "192.0.2.7", 0), 1);
    EXPECT_EQ(X509_check_ip_asc(certificate.get(), "2001:db8::7", 0), 1);
    EXPECT_EQ(X509_check_host(certificate.get(), "localhost", 0, 0, nullptr), 1);

    ensure_self_signed_certificate(dir.path(), {"exam.example.org"});
    EXPECT_EQ(serial_of(files.certificate), renewed) << "a subset of the names is still covered";
}

TEST(Certificate, RenewsACertificateCloseToExpiry) {
    const exam_test::TempDir dir;
    const auto files = ensure_self_signed_certificate(dir.path());
    const auto serial = serial_of(files.certificate);

    // The same certificate re-signed to expire in ten days.
    const auto certificate = load_certificate(files.certificate);
    const auto key = load_key(files.private_key);
    ASSERT_TRUE(X509_gmtime_adj(X509_getm_notAfter(certificate.get()), 10L * 24 * 3600));
    ASSERT_GT(X509_sign(certificate.get(), key.get(), EVP_sha256()), 0);
    const BioHandle out(BIO_new_file(files.certificate.c_str(), "w"));
    ASSERT_EQ(PEM_write_bio_X509(out.get(), certificate.get()), 1);
    BIO_flush(out.get());
    ASSERT_EQ(serial_of(files.certificate), serial);

    ensure_self_signed_certificate(dir.path());
    EXPECT_NE(serial_of(files.certificate), serial);
    EXPECT_GT(X509_cmp_time(X509_get0_notAfter(load_certificate(files.certificate).get()),
                            std::make_unique<std::time_t>(std::time(nullptr) + 300L * 24 * 3600).get()),
              0);
}

TEST(Certificate, RefusesHostnamesThatAreNotNames) {
    const exam_test::TempDir dir;
    for (const std::string bad : {"", "exam.example.org,IP:10.0.0.1", "exam example", "exam/../x", "ex\xC3\xA4m.org"}) {
        EXPECT_THROW(ensure_self_signed_certificate(dir.path(), {bad}), std::invalid_argument) << bad;
    }
    EXPECT_FALSE(fs::exists(dir.path() / "server-certificate.pem"));
}
