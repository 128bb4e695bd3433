#include <gtest/gtest.h>

#include "item_bank/safe_text.hpp"

using namespace item_bank;

namespace {
SafeText parsed(std::string_view s) {
    auto r = parse_safe_text(s);
    if (auto* e = std::get_if<SafeTextError>(&r)) {
        ADD_FAILURE() << "unexpected error for \"" << s << "\": " << e->message;
        return {};
    }
    return std::get<SafeText>(r);
}

std::string error_of(std::string_view s) {
    auto r = parse_safe_text(s);
    if (auto* e = std::get_if<SafeTextError>(&r)) return e->message;
    return "";
}
}  // namespace

TEST(SafeText, PlainTextIsOneParagraphOneRun) {
    auto t = parsed("Which customer is internal?");
    ASSERT_EQ(t.paragraphs.size(), 1u);
    ASSERT_EQ(t.paragraphs[0].runs.size(), 1u);
    EXPECT_EQ(t.paragraphs[0].runs[0].text, "Which customer is internal?");
    EXPECT_FALSE(t.paragraphs[0].runs[0].strong);
}

TEST(SafeText, StrongAndEmphasisMarkRuns) {
    auto t = parsed("Which is **not** a *legal* duty?");
    ASSERT_EQ(t.paragraphs.size(), 1u);
    const auto& runs = t.paragraphs[0].runs;
    ASSERT_EQ(runs.size(), 5u);
    EXPECT_EQ(runs[1].text, "not");
    EXPECT_TRUE(runs[1].strong);
    EXPECT_EQ(runs[3].text, "legal");
    EXPECT_TRUE(runs[3].emphasis);
    EXPECT_EQ(t.plain(), "Which is not a legal duty?");
}

TEST(SafeText, BlankLineSeparatesParagraphsAndNewlineBreaksALine) {
    auto t = parsed("A customer says:\nI want a refund.\n\nWhat do you do first?");
    ASSERT_EQ(t.paragraphs.size(), 2u);
    ASSERT_EQ(t.paragraphs[0].runs.size(), 2u);
    EXPECT_TRUE(t.paragraphs[0].runs[1].line_break_before);
    EXPECT_EQ(t.plain(), "A customer says:\nI want a refund.\n\nWhat do you do first?");
}

TEST(SafeText, EscapesGiveLiteralAsterisksAndBackslashes) {
    auto t = parsed("Press \\* then \\\\");
    EXPECT_EQ(t.plain(), "Press * then \\");
}

TEST(SafeText, RefusesHtmlInAnyForm) {
    EXPECT_NE(error_of("Click <b>here</b>").find("HTML tag"), std::string::npos);
    EXPECT_NE(error_of("<script>alert(1)</script>").find("HTML tag"), std::string::npos);
    EXPECT_NE(error_of("a </p> b").find("HTML tag"), std::string::npos);
    EXPECT_NE(error_of("<!-- hidden -->").find("HTML tag"), std::string::npos);
    EXPECT_NE(error_of("Tom &amp; Jerry").find("character reference"), std::string::npos);
    EXPECT_NE(error_of("it&#39;s").find("character reference"), std::string::npos);
    EXPECT_NE(error_of("it&#x27;s").find("character reference"), std::string::npos);
}

TEST(SafeText, AllowsComparisonsAndAmpersandsThatAreNotMarkup) {
    EXPECT_EQ(parsed("If 3 < 5 and 7 > 2").plain(), "If 3 < 5 and 7 > 2");
    EXPECT_EQ(parsed("Marks & Spencer").plain(), "Marks & Spencer");
}

TEST(SafeText, RefusesUnclosedOrEmptyEmphasisEmptyTextAndControlCharacters) {
    EXPECT_NE(error_of("Which is **not correct?").find("not closed"), std::string::npos);
    EXPECT_NE(error_of("*one\n\ntwo*").find("not closed"), std::string::npos);
    EXPECT_NE(error_of("a **** b").find("empty"), std::string::npos);
    EXPECT_NE(error_of("   \n ").find("empty"), std::string::npos);
    EXPECT_NE(error_of("tab\there").find("tab"), std::string::npos);
    EXPECT_NE(error_of("line\r\nbreak").find("carriage return"), std::string::npos);
    EXPECT_NE(error_of(std::string("bell\x07", 5)).find("control character"), std::string::npos);
}

TEST(SafeText, ErrorsGiveTheOffsetOfTheProblem) {
    auto r = parse_safe_text("abc <i>");
    ASSERT_TRUE(std::holds_alternative<SafeTextError>(r));
    EXPECT_EQ(std::get<SafeTextError>(r).offset, 4u);
}

TEST(SafeText, RenderEscapesEverythingAndEmitsOnlyItsOwnElements) {
    auto t = parsed("Is 3 < 4 & \"yes\"? **Do** *not* guess.\nNext line");
    EXPECT_EQ(render_html(t),
              "<p>Is 3 &lt; 4 &amp; &quot;yes&quot;? <strong>Do</strong> <em>not</em> guess.<br>Next line</p>");
}
