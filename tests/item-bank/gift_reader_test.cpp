// GIFT import on small files written here: every answer form, weight, escape,
// marker and skipped question type, and the encodings the format allows.
#include <gtest/gtest.h>

#include "item_interchange/gift_reader.hpp"

using namespace item_interchange;
using item_bank::ItemStatus;
using item_bank::ResponseType;

namespace {

item_bank::Unit test_unit() {
    item_bank::Unit u;
    u.code = "T/000/0001";
    u.title = "Testing unit";
    u.learning_outcomes = {item_bank::LearningOutcome{"1", "Know", {{"1.1", "state"}, {"1.2", "describe"}}, ""}};
    return u;
}

FileReport read(const std::string& gift) {
    static const item_bank::Unit unit = test_unit();
    return read_gift(gift, "test.gift", ImportOptions{"T/000/0001", &unit});
}

bool breaks(const ImportedItem& i, const std::string& rule) {
    for (const auto& b : i.broken_rules) {
        if (b.starts_with(rule + ":")) return true;
    }
    return false;
}

}  // namespace

TEST(GiftReader, SingleResponseWithWeightsFeedbackTitleAndMappingImportsLive) {
    const auto r = read(
        "// [id:Q-7] [tag:AC:T/000/0001:1.2] [tag:easy]\n"
        "::Sky colour::What colour is a clear sky? {\n"
        "  =blue#Right.\n  ~%50%light blue#Nearly.\n  ~%-25%green#No.\n  ~red\n"
        "  ####Rayleigh scattering.\n}\n");
    ASSERT_FALSE(r.rejected) << r.error;
    ASSERT_EQ(r.imported.size(), 1u);
    const auto& i = r.imported[0];
    EXPECT_EQ(i.item.id, "Q-7");
    EXPECT_EQ(i.title, "Sky colour");
    EXPECT_EQ(i.position, "line 2");
    ASSERT_TRUE(i.item.source);
    EXPECT_EQ(i.item.source->format, "gift");
    EXPECT_EQ(i.item.source->identifier, "Q-7");
    EXPECT_EQ(i.item.stem, "What colour is a clear sky?");
    EXPECT_EQ(i.item.type, ResponseType::single);
    ASSERT_EQ(i.item.options.size(), 4u);
    EXPECT_EQ(i.item.key, std::vector<std::string>{"A"});
    EXPECT_EQ(i.source_keys, std::vector<std::string>{"blue"});
    EXPECT_EQ(i.item.options[1].weight, 0.5);
    EXPECT_EQ(i.item.options[2].weight, -0.25);
    EXPECT_EQ(i.item.options[3].weight, 0.0);
    EXPECT_EQ(i.item.options[2].feedback, "No.");
    EXPECT_EQ(i.item.rationale, "Rayleigh scattering.");
    EXPECT_EQ(i.item.criteria, std::vector<std::string>{"1.2"});
    EXPECT_EQ(i.item.status, ItemStatus::live) << (i.broken_rules.empty() ? "" : i.broken_rules[0]);
}

TEST(GiftReader, RightOrWrongItemsKeepNoWeights) {
    const auto r = read("Pick one. {=yes ~no ~maybe}\n");
    ASSERT_EQ(r.imported.size(), 1u);
    EXPECT_FALSE(r.imported[0].item.weighted());
    EXPECT_TRUE(breaks(r.imported[0], "mapped"));  // no AC tag: imported as a draft that needs mapping
    EXPECT_EQ(r.imported[0].item.status, ItemStatus::draft);
}

TEST(GiftReader, NoEqualsAnswerWithPositiveWeightsIsMultipleResponse) {
    const auto r = read("Which two? {~%50%one ~%50%two ~%-100%three ~four}\n");
    ASSERT_EQ(r.imported.size(), 1u);
    const auto& item = r.imported[0].item;
    EXPECT_EQ(item.type, ResponseType::multiple);
    EXPECT_EQ(item.key, (std::vector<std::string>{"A", "B"}));
    EXPECT_EQ(item.choose, 2);
    EXPECT_EQ(item.options[2].weight, -1.0);
    EXPECT_EQ(item_bank::response_credit(item, {"A"}), 0.5);
    EXPECT_EQ(item_bank::response_credit(item, {"A", "C"}), 0.0);
}

TEST(GiftReader, EveryTrueFalseFormIsATwoOptionDraft) {
    const auto r = read("A1 {T}\n\nA2 {TRUE}\n\nA3 {F}\n\nA4 {FALSE#It is true.#Well done.}\n");
    ASSERT_EQ(r.imported.size(), 4u);
    const char* keys[] = {"A", "A", "B", "B"};
    for (std::size_t n = 0; n < 4; ++n) {
        const auto& i = r.imported[n];
        ASSERT_EQ(i.item.options.size(), 2u);
        EXPECT_EQ(i.item.options[0].text, "True");
        EXPECT_EQ(i.item.key, std::vector<std::string>{keys[n]});
        EXPECT_EQ(i.item.status, ItemStatus::draft);
        EXPECT_TRUE(breaks(i, "options-3-to-6"));
    }
    // The first feedback is for a wrong answer, the second for the right one.
    EXPECT_EQ(r.imported[3].item.options[0].feedback, "It is true.");
    EXPECT_EQ(r.imported[3].item.options[1].feedback, "Well done.");
    EXPECT_EQ(r.imported[3].source_keys, std::vector<std::string>{"FALSE"});
}

TEST(GiftReader, EachEscapeStandsForItsCharacter) {
    const auto r = read(
        "::T\\:1::Tilde \\~ equals \\= hash \\# braces \\{\\} colon \\: backslash \\\\ line\\nbreak {\n"
        "=a \\= b ~c \\~ d ~e \\# f#feedback \\# kept}\n");
    ASSERT_EQ(r.imported.size(), 1u) << (r.skipped.empty() ? "" : r.skipped[0].reason);
    const auto& i = r.imported[0];
    EXPECT_EQ(i.title, "T:1");
    // The backslash is itself escaped in safe text.
    EXPECT_EQ(i.item.stem, "Tilde ~ equals = hash # braces {} colon : backslash \\\\ line\nbreak");
    ASSERT_EQ(i.item.options.size(), 3u);
    EXPECT_EQ(i.item.options[0].text, "a = b");
    EXPECT_EQ(i.item.options[1].text, "c ~ d");
    EXPECT_EQ(i.item.options[2].text, "e # f");
    EXPECT_EQ(i.item.options[2].feedback, "feedback # kept");
}

TEST(GiftReader, MarkersChooseHowTextIsReadAndHtmlNeverPasses) {
    // In GIFT an '=' inside HTML is escaped, as Moodle writes it.
    const auto r = read(
        "[html]<p>Which is <b>not</b> safe?</p><script>alert(1)</script> {=<i>this</i> ~<span style\\=\"x\" "
        "onclick\\=\"y\">that</span> ~other}\n\n"
        "[markdown]Which is **not** *wrong*? {=a ~b ~c}\n\n"
        "[plain]2 * 3 = ? {=6 ~5 ~9}\n");
    ASSERT_EQ(r.imported.size(), 3u);
    const auto& html = r.imported[0];
    EXPECT_EQ(html.item.stem, "Which is **not** safe?");
    EXPECT_EQ(html.item.options[0].text, "*this*");
    EXPECT_EQ(html.item.options[1].text, "that");
    EXPECT_FALSE(html.warnings.empty());
    EXPECT_EQ(r.imported[1].item.stem, "Which is **not** *wrong*?");
    EXPECT_EQ(r.imported[2].item.stem, "2 \\* 3 = ?");
}

TEST(GiftReader, MissingWordQuestionsKeepTheBlank) {
    const auto r = read("The {~cat =dog ~cow} barks.\n");
    ASSERT_EQ(r.imported.size(), 1u);
    EXPECT_EQ(r.imported[0].item.stem, "The _____ barks.");
    EXPECT_EQ(r.imported[0].source_keys, std::vector<std::string>{"dog"});
}

TEST(GiftReader, OtherQuestionTypesAreSkippedWithTypeAndPosition) {
    const auto r = read(
        "$CATEGORY: $course$/Top\n\n"
        "// a comment\n::E::Write about it. {}\n\n"
        "::N::How many? {#5:1}\n\n"
        "::M::Match. {=a -> 1 =b -> 2 =c -> 3}\n\n"
        "::S::Name it. {=cat =kitten}\n\n"
        "Just a description.\n\n"
        "::OK::Fine? {=y ~n ~m}\n");
    ASSERT_EQ(r.skipped.size(), 5u);
    EXPECT_EQ(r.skipped[0].type, "essay");
    EXPECT_EQ(r.skipped[0].position, "line 4");
    EXPECT_EQ(r.skipped[0].source_id, "E");
    EXPECT_EQ(r.skipped[1].type, "numerical");
    EXPECT_EQ(r.skipped[2].type, "matching");
    EXPECT_EQ(r.skipped[3].type, "short answer");
    EXPECT_EQ(r.skipped[4].type, "description");
    ASSERT_EQ(r.imported.size(), 1u);
    EXPECT_EQ(r.imported[0].position, "line 14");
    ASSERT_EQ(r.warnings.size(), 1u);  // the category, which is not a question
    EXPECT_NE(r.warnings[0].find("category $course$/Top"), std::string::npos);
}

TEST(GiftReader, Windows1252BytesRejectTheFileNamingTheLine) {
    const auto r = read("::A::Fine {=a ~b ~c}\n\n::B::Caf\xE9 au lait? {=yes ~no ~maybe}\n");
    EXPECT_TRUE(r.rejected);
    EXPECT_NE(r.error.find("test.gift: line 3: byte 0xE9 is not UTF-8"), std::string::npos) << r.error;
    EXPECT_TRUE(r.imported.empty());
}

TEST(GiftReader, ByteOrderMarkIsStrippedAndUtf8Kept) {
    const auto r = read("\xEF\xBB\xBF::A::Caf\xC3\xA9? {=oui ~non ~peut-\xC3\xAAtre}\n");
    ASSERT_FALSE(r.rejected) << r.error;
    ASSERT_EQ(r.imported.size(), 1u);
    EXPECT_EQ(r.imported[0].title, "A");
    EXPECT_EQ(r.imported[0].item.stem, "Caf\xC3\xA9?");
}

TEST(GiftReader, TextSafeTextCannotHoldSkipsTheQuestionSayingWhy) {
    const auto r = read("[plain]Is <b> a tag? {=yes ~no ~maybe}\n");
    ASSERT_EQ(r.skipped.size(), 1u);
    EXPECT_NE(r.skipped[0].reason.find("/stem"), std::string::npos) << r.skipped[0].reason;
    EXPECT_TRUE(r.imported.empty());
}

TEST(GiftReader, AcTagsFollowTheSharedConventionAndAMalformedOneIsAWarningNotAMapping) {
    const auto r = read("// [tag:AC:T/000/0001:1.1] [tag:AC:1.2] [tag:AC:T/000/0001:] [tag:AC:X/999/9999:1.2] [tag:hard]\n"
                        "::Q::Which? {=a ~b ~c}\n");
    ASSERT_EQ(r.imported.size(), 1u) << r.error;
    const auto& i = r.imported[0];
    EXPECT_EQ(i.item.criteria, std::vector<std::string>{"1.1"});  // never an empty criterion
    EXPECT_EQ(i.warnings, (std::vector<std::string>{
                              "tag AC:1.2 is not a mapping: expected AC:<unit>:<criterion>",
                              "tag AC:T/000/0001: is not a mapping: expected AC:<unit>:<criterion>",
                              "tag AC:X/999/9999:1.2 maps to another unit than T/000/0001",
                          }));
}
