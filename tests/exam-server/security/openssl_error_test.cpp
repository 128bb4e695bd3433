#include <gtest/gtest.h>
#include <openssl/err.h>
#include <openssl/kdf.h>

#include "security/openssl_error.hpp"

using namespace exam::security;

TEST(SecurityOpenSslError, CarriesOpenSslsReasonAndEmptiesTheQueue) {
    ASSERT_EQ(EVP_KDF_fetch(nullptr, "NO-SUCH-KDF", nullptr), nullptr);
    try {
        throw_openssl_error("fetch NO-SUCH-KDF");
        FAIL() << "did not throw";
    } catch (const OpenSslError& e) {
        const std::string message = e.what();
        EXPECT_TRUE(message.starts_with("fetch NO-SUCH-KDF: error:")) << message;
        EXPECT_NE(message.find("unsupported"), std::string::npos) << message;
    }
    EXPECT_EQ(ERR_peek_error(), 0u);
}

TEST(SecurityOpenSslError, SaysSoWhenOpenSslGaveNoReason) {
    ERR_clear_error();
    EXPECT_THROW(
        {
            try {
                check_openssl(0, "nothing queued");
            } catch (const OpenSslError& e) {
                EXPECT_STREQ(e.what(), "nothing queued: OpenSSL gave no reason");
                throw;
            }
        },
        OpenSslError);
}

TEST(SecurityOpenSslError, SuccessPassesThrough) {
    int value = 0;
    EXPECT_NO_THROW(check_openssl(1, "one"));
    EXPECT_EQ(check_openssl(&value, "pointer"), &value);
    EXPECT_THROW(check_openssl(static_cast<int*>(nullptr), "null"), OpenSslError);
}
