#include <gtest/gtest.h>

#include "security/password_hash.hpp"

using namespace exam::security;

namespace {
constexpr std::string_view password = "correct horse battery staple";
const ScryptParameters cheap = ScryptParameters::cheap_for_tests();
}  // namespace

TEST(PasswordHash, VerifiesTheRightPasswordOnly) {
    const auto stored = hash_password(password, cheap);
    EXPECT_TRUE(verify_password(password, stored));
    EXPECT_FALSE(verify_password("correct horse battery stapler", stored));
    EXPECT_FALSE(verify_password("Correct horse battery staple", stored));
    EXPECT_FALSE(verify_password("", stored));
}

TEST(PasswordHash, StoresItsParametersSaltAndHash) {
    const auto stored = hash_password(password, cheap);
    const std::string prefix = "$scrypt$ln=10,r=8,p=1$";
    ASSERT_TRUE(stored.starts_with(prefix)) << stored;
    const auto rest = stored.substr(prefix.size());
    const auto dollar = rest.find('$');
    ASSERT_NE(dollar, std::string::npos);
    EXPECT_EQ(dollar, 24u) << "16-byte salt in base64";
    EXPECT_EQ(rest.size() - dollar - 1, 44u) << "32-byte hash in base64";
}

TEST(PasswordHash, AnyChangedCharacterOfTheStoredHashFails) {
    const auto stored = hash_password(password, cheap);
    for (std::size_t i = 0; i < stored.size(); ++i) {
        auto changed = stored;
        changed[i] = changed[i] == 'A' ? 'B' : 'A';
        EXPECT_FALSE(verify_password(password, changed)) << "position " << i << ": " << changed;
    }
}

TEST(PasswordHash, ChangedParametersFail) {
    const auto stored = hash_password(password, cheap);
    auto other = stored;
    other.replace(other.find("ln=10"), 5, "ln=11");
    EXPECT_FALSE(verify_password(password, other));
    other = stored;
    other.replace(other.find("p=1"), 3, "p=2");
    EXPECT_FALSE(verify_password(password, other));
}

TEST(PasswordHash, ReadsTheParametersFromTheStoredString) {
    const auto stored = hash_password(password, cheap);
    EXPECT_TRUE(verify_password(password, stored));  // no parameters passed: they come from the string
    EXPECT_TRUE(needs_rehash(stored, ScryptParameters::production()));
    EXPECT_FALSE(needs_rehash(stored, cheap));
    EXPECT_TRUE(needs_rehash(stored, ScryptParameters{10, 8, 2}));

    const auto other_cost = hash_password(password, ScryptParameters{11, 4, 2});
    EXPECT_TRUE(other_cost.starts_with("$scrypt$ln=11,r=4,p=2$"));
    EXPECT_TRUE(verify_password(password, other_cost));
    EXPECT_FALSE(needs_rehash(other_cost, ScryptParameters{11, 4, 2}));
}

TEST(PasswordHash, TwoHashesOfOnePasswordDiffer) {
    const auto first = hash_password(password, cheap);
    const auto second = hash_password(password, cheap);
    EXPECT_NE(first, second);
    EXPECT_TRUE(verify_password(password, first));
    EXPECT_TRUE(verify_password(password, second));
}

TEST(PasswordHash, AnyPasswordBytesHashAndVerify) {
    for (const std::string_view odd : {std::string_view(""), std::string_view("a\0b", 3), std::string_view("\xff\xfe")}) {
        const auto stored = hash_password(odd, cheap);
        EXPECT_TRUE(verify_password(odd, stored));
    }
    EXPECT_FALSE(verify_password("a", hash_password(std::string_view("a\0b", 3), cheap)));
}

TEST(PasswordHash, MalformedStoredStringsVerifyFalseWithoutThrowing) {
    const auto good = hash_password(password, cheap);
    const auto tail = good.substr(std::string_view("$scrypt$ln=10,r=8,p=1").size());  // "$salt$hash"
    const auto salt = tail.substr(1, 24);
    const auto hash = tail.substr(26);
    const std::vector<std::string> malformed = {
        "",
        "$",
        "password",
        "$scrypt$",
        "$scrypt$ln=10,r=8,p=1",
        "$scrypt$ln=10,r=8,p=1$" + salt,
        "$scrypt$ln=10,r=8,p=1$" + salt + "$",
        "$scrypt$ln=10,r=8,p=1$$" + hash,
        "$scrypt$ln=10,r=8,p=1" + tail + "$",
        "$scrypt$ln=10,r=8,p=1" + tail + "$extra",
        "$scrypt$ln=10,r=8" + tail,
        "$scrypt$ln=10,r=8,p=1,x=1" + tail,
        "$scrypt$r=8,ln=10,p=1" + tail,
        "$scrypt$ln=10;r=8;p=1" + tail,
        "$scrypt$ln=,r=8,p=1" + tail,
        "$scrypt$ln=+10,r=8,p=1" + tail,
        "$scrypt$ln=-10,r=8,p=1" + tail,
        "$scrypt$ln= 10,r=8,p=1" + tail,
        "$scrypt$ln=10 ,r=8,p=1" + tail,
        "$scrypt$ln=0x0a,r=8,p=1" + tail,
        "$scrypt$ln=0,r=8,p=1" + tail,
        "$scrypt$ln=10,r=0,p=1" + tail,
        "$scrypt$ln=10,r=8,p=0" + tail,
        "$scrypt$ln=31,r=8,p=1" + tail,                  // past the bounds
        "$scrypt$ln=64,r=8,p=1" + tail,                  // would overflow a shift
        "$scrypt$ln=99999999999999999999,r=8,p=1" + tail, // overflows the field
        "$scrypt$ln=20,r=8,p=1" + tail,                  // 1 GiB and more
        "$scrypt$ln=10,r=8,p=100000" + tail,             // too much work
        "$scrypt$ln=17,r=1,p=1" + tail,                  // N >= 2^(16r): scrypt refuses
        "$SCRYPT$ln=10,r=8,p=1" + tail,
        "$argon2id$v=19$m=65536,t=3,p=4" + tail,
        "$scrypt$ln=10,r=8,p=1$" + salt + "$" + hash.substr(0, 40),         // hash too short
        "$scrypt$ln=10,r=8,p=1$" + salt + "$" + hash + "AAAA",              // hash too long
        "$scrypt$ln=10,r=8,p=1$AAAAAAAAAAAA$" + hash,                        // salt of 9 bytes
        "$scrypt$ln=10,r=8,p=1$" + salt + "$" + hash.substr(0, 43) + "!",   // not base64
        "$scrypt$ln=10,r=8,p=1$" + salt + "$ " + hash.substr(1),            // whitespace
        std::string("$scrypt$ln=10\0,r=8,p=1", 22) + tail,
    };
    for (const auto& stored : malformed) {
        bool verified = true;
        EXPECT_NO_THROW(verified = verify_password(password, stored)) << stored;
        EXPECT_FALSE(verified) << stored;
        EXPECT_TRUE(needs_rehash(stored, cheap)) << stored;
    }
}

TEST(PasswordHash, RefusesToHashWithParametersItWouldNotVerify) {
    EXPECT_THROW(hash_password(password, ScryptParameters{0, 8, 1}), std::invalid_argument);
    EXPECT_THROW(hash_password(password, ScryptParameters{20, 8, 1}), std::invalid_argument);
    EXPECT_THROW(hash_password(password, ScryptParameters{17, 1, 1}), std::invalid_argument);
    EXPECT_THROW(hash_password(password, ScryptParameters{10, 8, 0}), std::invalid_argument);
}

TEST(PasswordHash, ProductionParametersEndToEnd) {
    EXPECT_EQ(ScryptParameters{}, ScryptParameters::production());
    const auto stored = hash_password(password);  // the default: N = 2^17, r = 8, p = 1, 128 MiB
    EXPECT_TRUE(stored.starts_with("$scrypt$ln=17,r=8,p=1$")) << stored;
    EXPECT_TRUE(verify_password(password, stored));
    EXPECT_FALSE(needs_rehash(stored, ScryptParameters::production()));
}
