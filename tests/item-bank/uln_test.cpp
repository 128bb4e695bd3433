#include <gtest/gtest.h>

#include "item_bank/uln.hpp"

using item_bank::is_valid_uln;
using item_bank::uln_problem;

TEST(Uln, AcceptsTheDesignExample) { EXPECT_TRUE(is_valid_uln("9276308686")); }

TEST(Uln, AcceptsOtherNumbersWhoseWeightedSumIsTenModEleven) {
    // 1000000000: 1*10 = 10 (mod 11); 1000000019: 10 + 1*2 + 9*1 = 21 = 10 (mod 11)
    EXPECT_TRUE(is_valid_uln("1000000000"));
    EXPECT_TRUE(is_valid_uln("1000000019"));
    // 2000000008: 2*10 + 8*1 = 28 = 6 (mod 11): invalid
    EXPECT_FALSE(is_valid_uln("2000000008"));
}

TEST(Uln, RejectsEverySingleDigitChangeOfAValidNumber) {
    const std::string valid = "9276308686";
    for (std::size_t i = 0; i < valid.size(); ++i) {
        for (char d = '0'; d <= '9'; ++d) {
            if (d == valid[i]) continue;
            std::string changed = valid;
            changed[i] = d;
            EXPECT_FALSE(is_valid_uln(changed)) << changed;
        }
    }
}

TEST(Uln, RejectsWrongLengthNonDigitsAndLeadingZero) {
    EXPECT_NE(uln_problem("927630868").value_or("").find("10 digits"), std::string::npos);
    EXPECT_NE(uln_problem("92763086861").value_or("").find("10 digits"), std::string::npos);
    EXPECT_NE(uln_problem("92763O8686").value_or("").find("not a digit"), std::string::npos);
    // 0000000010: weighted sum 1*2 = 2, so build a leading-zero number that passes the checksum:
    // 0100000000 -> 1*9 = 9; 0100000001 -> 10: checksum fine, leading zero not.
    EXPECT_NE(uln_problem("0100000001").value_or("").find("start with 0"), std::string::npos);
    EXPECT_TRUE(uln_problem("").has_value());
    EXPECT_TRUE(uln_problem("9276308687").has_value());
}
