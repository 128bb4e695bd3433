// The certificate file: issued, it verifies; a change of any one of its bytes
// makes it fail, whether the change alters what it says, its signature, or
// only its spelling.
#include <gtest/gtest.h>

#include "services/certificate_document.hpp"
#include "temp_dir.hpp"

using namespace exam::services;
using exam::security::AwardingKey;

namespace {

CertificateContent sample(const AwardingKey& key) {
    CertificateContent c;
    c.number = "EXC-2026-000007";
    c.kind = exam::domain::CertificateKind::full;
    c.candidate_name = "Zoë O'Brien \"Jo\"";  // non-ASCII and characters JSON escapes
    c.candidate_number = "0001";
    c.uln = "9276308686";
    c.date_of_birth = "2004-03-09";
    c.centre_number = "90001";
    c.centre_name = "Riverside College";
    c.qualification_id = "501/0443/3";
    c.qualification_title = "Pearson BTEC Level 3 Certificate in Customer Service";
    c.qualification_level = 3;
    c.awarding_organisation = "Pearson";
    c.units = {{"T/602/1361", "Unit 3", 2, 3, "2026-11-25", "onscreen_test"},
               {"K/602/1597", "Unit 4", 3, 6, "2026-10-01", "internal_assessment"},
               {"M/602/1598", "Unit 5", 3, 4, "2026-10-01", "recognition_of_prior_learning"}};
    c.issued_at = "2026-11-25T09:00:00Z";
    c.key_id = key.key_id();
    return c;
}

}  // namespace

class CertificateDocument : public ::testing::Test {
protected:
    exam_test::TempDir dir_;
    AwardingKey key_ = AwardingKey::load_or_create(dir_.path() / "key.pem");
    exam::security::PublicKeyHandle public_key_ = exam::security::read_ed25519_public_key(key_.public_key_pem());
};

TEST_F(CertificateDocument, VerifiesAndReadsBackWhatWasSigned) {
    const auto document = signed_certificate_document(sample(key_), key_);
    EXPECT_EQ(document.back(), '\n');
    const auto check = check_certificate_document(document, public_key_.get());
    ASSERT_TRUE(check.valid) << check.reason;
    EXPECT_EQ(check.content->number, "EXC-2026-000007");
    EXPECT_EQ(check.content->candidate_name, "Zoë O'Brien \"Jo\"");
    EXPECT_EQ(check.content->credits(), 13);
    EXPECT_EQ(check.content->units.size(), 3u);
    EXPECT_FALSE(check.content->replaces.has_value());

    auto replacement = sample(key_);
    replacement.replaces = "EXC-2026-000001";
    const auto replaced = check_certificate_document(signed_certificate_document(replacement, key_), public_key_.get());
    ASSERT_TRUE(replaced.valid) << replaced.reason;
    EXPECT_EQ(replaced.content->replaces, "EXC-2026-000001");
}

TEST_F(CertificateDocument, EveryOneByteChangeFailsVerification) {
    const auto document = signed_certificate_document(sample(key_), key_);
    // Three changes per position: a low bit, a case bit, and a space (which
    // OpenSSL's base64 decoder would otherwise skip).
    for (std::size_t i = 0; i < document.size(); ++i) {
        for (const int change : {0x01, 0x20}) {
            std::string tampered = document;
            tampered[i] = static_cast<char>(static_cast<unsigned char>(tampered[i]) ^ change);
            EXPECT_FALSE(check_certificate_document(tampered, public_key_.get()).valid)
                << "byte " << i << " ('" << document[i] << "') ^ " << int(change);
        }
        std::string spaced = document;
        spaced[i] = ' ';
        if (spaced != document) {
            EXPECT_FALSE(check_certificate_document(spaced, public_key_.get()).valid) << "byte " << i;
        }
        // Dropping or adding a byte is a change too.
        EXPECT_FALSE(check_certificate_document(document.substr(0, i) + document.substr(i + 1), public_key_.get()).valid)
            << "without byte " << i;
        EXPECT_FALSE(check_certificate_document(document.substr(0, i) + " " + document.substr(i), public_key_.get()).valid)
            << "space before byte " << i;
    }
}

TEST_F(CertificateDocument, SaysWhyItFails) {
    const auto document = signed_certificate_document(sample(key_), key_);
    const auto other = AwardingKey::load_or_create(dir_.path() / "other.pem");
    const auto other_public = exam::security::read_ed25519_public_key(other.public_key_pem());
    EXPECT_NE(check_certificate_document(document, other_public.get()).reason.find("another signing key"),
              std::string::npos);

    // Signed by another key that claims this key's id: the signature, not the id, decides.
    auto forged = signed_certificate_document(sample(key_), other);
    EXPECT_NE(check_certificate_document(forged, public_key_.get()).reason.find("signature does not match"),
              std::string::npos);

    std::string pretty = document;
    pretty.insert(pretty.find("\"signature\""), "\n");
    EXPECT_NE(check_certificate_document(pretty, public_key_.get()).reason.find("canonical"), std::string::npos);
    EXPECT_NE(check_certificate_document("[]", public_key_.get()).reason.find("not a certificate"), std::string::npos);
    EXPECT_NE(check_certificate_document(R"({"signature":"","certificate":{}})", public_key_.get()).reason.find("in that order"),
              std::string::npos);

    // A name changed and the certificate re-serialised canonically still fails: the signature covers it.
    std::string renamed = document;
    renamed.replace(renamed.find("O'Brien"), 7, "O'Brian");
    EXPECT_NE(check_certificate_document(renamed, public_key_.get()).reason.find("signature does not match"),
              std::string::npos);
}
