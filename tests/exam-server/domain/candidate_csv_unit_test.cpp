#include <gtest/gtest.h>

#include "services/candidate_csv.hpp"

using exam::services::parse_candidate_csv;

TEST(CandidateCsv, QuotedFieldsCrlfBomAndAnyColumnOrder) {
    const auto r = parse_candidate_csv(
        "\xEF\xBB\xBFuln,family_name,given_name,candidate_number,date_of_birth\r\n"
        "9276308686,\"Smith, Jr\",\"Anne \"\"Nan\"\"\",0001,2000-01-01\r\n"
        "\r\n"
        "1000000000,Jones,\"Multi\nLine\",0002,2001-02-02\r\n");
    ASSERT_TRUE(r.problems.empty()) << r.problems[0].message;
    ASSERT_EQ(r.drafts.size(), 2u);
    EXPECT_EQ(r.drafts[0].family_name, "Smith, Jr");
    EXPECT_EQ(r.drafts[0].given_name, "Anne \"Nan\"");
    EXPECT_EQ(r.drafts[1].given_name, "Multi\nLine");
    EXPECT_EQ(r.lines[0], 2u);
    EXPECT_EQ(r.lines[1], 4u);
}

TEST(CandidateCsv, HeaderProblemsAreNamed) {
    auto r = parse_candidate_csv("candidate_number,given_name,surname\n1,a,b\n");
    ASSERT_FALSE(r.problems.empty());
    bool unknown = false, missing = false;
    for (const auto& p : r.problems) {
        unknown |= p.message.find("unknown column \"surname\"") != std::string::npos;
        missing |= p.message.find("missing column \"uln\"") != std::string::npos;
    }
    EXPECT_TRUE(unknown);
    EXPECT_TRUE(missing);
    EXPECT_FALSE(parse_candidate_csv("").problems.empty());
    EXPECT_FALSE(parse_candidate_csv("candidate_number,given_name,family_name,date_of_birth,uln\n").problems.empty());
}

TEST(CandidateCsv, RowShapeAndUnclosedQuotesAreReportedWithTheirLine) {
    auto r = parse_candidate_csv("candidate_number,given_name,family_name,date_of_birth,uln\n0001,a,b,2000-01-01\n");
    ASSERT_EQ(r.problems.size(), 1u);
    EXPECT_EQ(r.problems[0].row, 2u);
    EXPECT_NE(r.problems[0].message.find("expected 5 fields, found 4"), std::string::npos);
    r = parse_candidate_csv("candidate_number,given_name,family_name,date_of_birth,uln\n0001,\"open,b,c,d,e\n");
    ASSERT_EQ(r.problems.size(), 1u);
    EXPECT_NE(r.problems[0].message.find("not closed"), std::string::npos);
}
