#include <gtest/gtest.h>
#include <openssl/pem.h>

#include <fstream>
#include <sstream>

#include "security/awarding_key.hpp"
#include "temp_dir.hpp"

using namespace exam::security;
namespace fs = std::filesystem;

namespace {

std::string read(const fs::path& path) {
    std::ifstream in(path, std::ios::binary);
    std::ostringstream content;
    content << in.rdbuf();
    return content.str();
}

}  // namespace

TEST(AwardingKey, IsMadeOnFirstUseAsAPrivateFileAndLoadedAfter) {
    const exam_test::TempDir dir;
    const auto file = dir.path() / "data" / "awarding-key.pem";
    const auto first = AwardingKey::load_or_create(file);
    ASSERT_TRUE(fs::exists(file));
    EXPECT_EQ(fs::status(file).permissions() & fs::perms::all, fs::perms::owner_read | fs::perms::owner_write);
    EXPECT_EQ(read(file).rfind("-----BEGIN PRIVATE KEY-----", 0), 0u);
    const auto pem = read(file);

    const auto second = AwardingKey::load_or_create(file);
    EXPECT_EQ(second.public_key_pem(), first.public_key_pem());
    EXPECT_EQ(second.key_id(), first.key_id());
    EXPECT_EQ(read(file), pem);  // loaded, not rewritten
    EXPECT_EQ(first.key_id().size(), 16u);
    EXPECT_EQ(first.key_id().find_first_not_of("0123456789abcdef"), std::string::npos);
    EXPECT_EQ(first.public_key_pem().rfind("-----BEGIN PUBLIC KEY-----", 0), 0u);
}

TEST(AwardingKey, SignaturesVerifyOnlyForTheSameMessageSignatureAndKey) {
    const exam_test::TempDir dir;
    const auto key = AwardingKey::load_or_create(dir.path() / "a.pem");
    const auto other = AwardingKey::load_or_create(dir.path() / "b.pem");
    EXPECT_NE(key.key_id(), other.key_id());
    const auto public_key = read_ed25519_public_key(key.public_key_pem());
    ASSERT_TRUE(public_key);
    EXPECT_EQ(ed25519_key_id(public_key.get()), key.key_id());

    const std::string message = "certificate EXC-2026-000001";
    auto signature = key.sign(message);
    ASSERT_EQ(signature.size(), 64u);
    EXPECT_TRUE(verify_ed25519(public_key.get(), message, signature));
    EXPECT_FALSE(verify_ed25519(public_key.get(), "certificate EXC-2026-000002", signature));
    EXPECT_FALSE(verify_ed25519(public_key.get(), message, other.sign(message)));
    EXPECT_FALSE(verify_ed25519(public_key.get(), message, std::vector<unsigned char>(signature.begin(), signature.end() - 1)));
    for (std::size_t i = 0; i < signature.size(); ++i) {
        auto changed = signature;
        changed[i] ^= 0x01;
        EXPECT_FALSE(verify_ed25519(public_key.get(), message, changed)) << "byte " << i;
    }
}

TEST(AwardingKey, AnUnreadableKeyFileStopsTheServerAndIsNotReplaced) {
    const exam_test::TempDir dir;
    const auto file = dir.write("awarding-key.pem", "-----BEGIN PRIVATE KEY-----\nnot a key\n-----END PRIVATE KEY-----\n");
    const auto before = read(file);
    EXPECT_THROW(AwardingKey::load_or_create(file), std::runtime_error);
    EXPECT_EQ(read(file), before);

    // A key of another kind (P-256) is refused too: certificates are Ed25519.
    PrivateKeyHandle p256(EVP_EC_gen("P-256"));
    ASSERT_TRUE(p256);
    const BioHandle out(BIO_new_file((dir.path() / "p256.pem").c_str(), "w"));
    ASSERT_EQ(PEM_write_bio_PrivateKey(out.get(), p256.get(), nullptr, nullptr, 0, nullptr, nullptr), 1);
    BIO_flush(out.get());
    EXPECT_THROW(AwardingKey::load_or_create(dir.path() / "p256.pem"), std::runtime_error);
}

TEST(AwardingKey, OnlyEd25519PublicKeysAreRead) {
    PrivateKeyHandle p256(EVP_EC_gen("P-256"));
    const BioHandle memory(BIO_new(BIO_s_mem()));
    ASSERT_EQ(PEM_write_bio_PUBKEY(memory.get(), p256.get()), 1);
    char* data = nullptr;
    const long length = BIO_get_mem_data(memory.get(), &data);
    EXPECT_FALSE(read_ed25519_public_key(std::string_view(data, static_cast<std::size_t>(length))));
    EXPECT_FALSE(read_ed25519_public_key("not a key"));
    EXPECT_FALSE(read_ed25519_public_key(""));
}
