#include <gtest/gtest.h>

#include "security/base64.hpp"

using namespace exam::security;

namespace {
std::vector<unsigned char> bytes_of(std::string_view text) { return {text.begin(), text.end()}; }
}  // namespace

TEST(SecurityBase64, EncodesTheRfc4648Vectors) {
    EXPECT_EQ(base64_encode(bytes_of("")), "");
    EXPECT_EQ(base64_encode(bytes_of("f")), "Zg==");
    EXPECT_EQ(base64_encode(bytes_of("fo")), "Zm8=");
    EXPECT_EQ(base64_encode(bytes_of("foo")), "Zm9v");
    EXPECT_EQ(base64_encode(bytes_of("foobar")), "Zm9vYmFy");
}

TEST(SecurityBase64, DecodesWhatItEncodes) {
    for (const std::string_view text : {"", "f", "fo", "foo", "foob", "fooba", "foobar"}) {
        const auto decoded = base64_decode(base64_encode(bytes_of(text)));
        ASSERT_TRUE(decoded) << text;
        EXPECT_EQ(*decoded, bytes_of(text));
    }
    std::vector<unsigned char> all(256);
    for (std::size_t i = 0; i < all.size(); ++i) all[i] = static_cast<unsigned char>(i);
    EXPECT_EQ(base64_decode(base64_encode(all)), all);
}

TEST(SecurityBase64, RejectsAnythingButTheCanonicalForm) {
    using namespace std::string_view_literals;
    for (const auto text : {"Zg="sv, "Zg"sv, "Zh=="sv, "Zm9="sv, " Zg=="sv, "Zg== "sv, "Zg==\n"sv, "Z=g="sv,
                            "Zm9v!AAA"sv, "===="sv, "Zm9vYmFy===="sv, "Zg\0="sv}) {
        EXPECT_FALSE(base64_decode(text)) << "accepted \"" << text << "\"";
    }
}

TEST(SecurityBase64, UrlFormUsesDashAndUnderscoreWithoutPadding) {
    const std::vector<unsigned char> bytes{0xfb, 0xff};
    EXPECT_EQ(base64_encode(bytes), "+/8=");
    EXPECT_EQ(base64url_encode_unpadded(bytes), "-_8");
    EXPECT_EQ(base64url_encode_unpadded(bytes_of("foobar")), "Zm9vYmFy");
}
