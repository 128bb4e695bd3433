// Moodle XML import on small files written here, including the encodings and
// the hostile files (XXE, billion laughs) that must be refused.
#include <gtest/gtest.h>

#include <algorithm>

#include "item_interchange/moodle_xml_reader.hpp"
#include "temp_dir.hpp"

using namespace item_interchange;
using item_bank::ResponseType;

namespace {

item_bank::Unit test_unit() {
    item_bank::Unit u;
    u.code = "T/000/0001";
    u.learning_outcomes = {item_bank::LearningOutcome{"1", "Know", {{"1.1", "state"}}, ""}};
    return u;
}

FileReport read(const std::string& xml) {
    static const item_bank::Unit unit = test_unit();
    return read_moodle_xml(xml, "quiz.xml", ImportOptions{"T/000/0001", &unit});
}

std::string multichoice(const std::string& single, const std::string& shuffle, const std::string& answers) {
    return R"(<question type="multichoice"><name><text>Q</text></name>
      <questiontext format="html"><text><![CDATA[<p>Pick <b>right</b></p>]]></text></questiontext>
      <single>)" + single + "</single><shuffleanswers>" + shuffle + "</shuffleanswers>" + answers + "</question>";
}

const char* const three_answers = R"(
      <answer fraction="100" format="html"><text>one</text><feedback format="html"><text>Yes</text></feedback></answer>
      <answer fraction="0"><text>two</text></answer><answer fraction="0"><text>three</text></answer>)";

}  // namespace

TEST(MoodleXmlReader, MultichoiceWithFeedbackTagsAndIdnumberImportsLive) {
    const auto r = read(R"(<?xml version="1.0" encoding="UTF-8"?><quiz>
      <question type="category"><category><text>$course$/Unit 1</text></category></question>
      <question type="multichoice"><name><text>Prepare</text></name>
        <questiontext format="html"><text>&lt;p&gt;Which?&lt;/p&gt;</text></questiontext>
        <generalfeedback format="html"><text>Because.</text></generalfeedback>
        <idnumber>cs-9</idnumber><single>true</single><shuffleanswers>0</shuffleanswers>)" +
                        std::string(three_answers) + R"(
        <tags><tag><text>AC:T/000/0001:1.1</text></tag></tags></question></quiz>)");
    ASSERT_FALSE(r.rejected) << r.error;
    ASSERT_EQ(r.imported.size(), 1u);
    const auto& i = r.imported[0];
    EXPECT_EQ(i.item.id, "cs-9");
    EXPECT_EQ(i.title, "Prepare");
    EXPECT_EQ(i.item.stem, "Which?");
    EXPECT_EQ(i.item.key, std::vector<std::string>{"A"});
    EXPECT_EQ(i.item.options[0].feedback, "Yes");
    EXPECT_FALSE(i.item.shuffle_options);
    EXPECT_FALSE(i.item.weighted());
    EXPECT_EQ(i.item.criteria, std::vector<std::string>{"1.1"});
    EXPECT_EQ(i.item.status, item_bank::ItemStatus::live) << (i.broken_rules.empty() ? "" : i.broken_rules[0]);
    EXPECT_EQ(i.position, "question 2 (line 3)");
    EXPECT_EQ(r.warnings.size(), 1u);  // the category
}

TEST(MoodleXmlReader, SingleAndShuffleAreReadAsMoodleReadsThem) {
    const std::pair<const char*, bool> readings[] = {{"1", true}, {" true ", true}, {"TRUE", true},
                                                     {"0", false}, {"\n false\n", false}, {"False", false}};
    for (const auto& [value, expected] : readings) {
        const auto r = read("<quiz>" +
                            multichoice(value, value,
                                        R"(<answer fraction="50"><text>a</text></answer><answer fraction="50"><text>b</text></answer>
                                           <answer fraction="-100"><text>c</text></answer><answer fraction="0"><text>d</text></answer>)") +
                            "</quiz>");
        ASSERT_EQ(r.imported.size(), 1u) << value;
        const auto& item = r.imported[0].item;
        EXPECT_EQ(item.type, expected ? ResponseType::single : ResponseType::multiple) << value;
        EXPECT_EQ(item.shuffle_options, expected) << value;
        if (!expected) {
            EXPECT_EQ(item.key, (std::vector<std::string>{"A", "B"}));
            EXPECT_EQ(item.options[2].weight, -1.0);
        }
    }
}

TEST(MoodleXmlReader, PartialCreditFractionsBecomeWeights) {
    const auto r = read("<quiz>" +
                        multichoice("true", "1",
                                    R"(<answer fraction="100"><text>a</text></answer><answer fraction="33.33333"><text>b</text></answer>
                                       <answer fraction="-25"><text>c</text></answer>)") +
                        "</quiz>");
    ASSERT_EQ(r.imported.size(), 1u);
    const auto& item = r.imported[0].item;
    EXPECT_TRUE(item.weighted());
    EXPECT_NEAR(*item.options[1].weight, 0.3333333, 1e-9);
    EXPECT_EQ(*item.options[2].weight, -0.25);
}

TEST(MoodleXmlReader, TrueFalseIsATwoOptionDraftAndOtherTypesAreSkipped) {
    const auto r = read(R"(<quiz>
      <question type="truefalse"><name><text>TF</text></name><questiontext format="html"><text>Sky is blue.</text></questiontext>
        <answer fraction="0"><text>true</text></answer><answer fraction="100"><text>false</text></answer></question>
      <question type="essay"><name><text>E</text></name></question>
      <question type="matching"><name><text>M</text></name></question></quiz>)");
    ASSERT_EQ(r.imported.size(), 1u);
    EXPECT_EQ(r.imported[0].item.options[0].text, "True");
    EXPECT_EQ(r.imported[0].item.key, std::vector<std::string>{"B"});
    EXPECT_EQ(r.imported[0].item.status, item_bank::ItemStatus::draft);
    ASSERT_EQ(r.skipped.size(), 2u);
    EXPECT_EQ(r.skipped[0].type, "essay");
    EXPECT_EQ(r.skipped[1].type, "matching");
    EXPECT_EQ(r.skipped[1].source_id, "M");
}

TEST(MoodleXmlReader, Iso88591DeclarationIsHonoured) {
    const auto r = read("<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?><quiz>" +
                        multichoice("1", "1",
                                    "<answer fraction=\"100\"><text>caf\xE9</text></answer>"
                                    "<answer fraction=\"0\"><text>th\xE9</text></answer>"
                                    "<answer fraction=\"0\"><text>eau</text></answer>") +
                        "</quiz>");
    ASSERT_FALSE(r.rejected) << r.error;
    ASSERT_EQ(r.imported.size(), 1u);
    EXPECT_EQ(r.imported[0].item.options[0].text, "caf\xC3\xA9");
}

TEST(MoodleXmlReader, ExternalEntityFileIsRejectedAndNothingIsRead) {
    exam_test::TempDir dir;
    const auto secret = dir.write("secret.txt", "TOP-SECRET");
    const auto r = read("<?xml version=\"1.0\"?>\n<!DOCTYPE quiz [\n<!ENTITY x SYSTEM \"file://" + secret.string() +
                        "\">\n]>\n<quiz>" + multichoice("1", "1", three_answers) + "<!-- &x; --></quiz>");
    EXPECT_TRUE(r.rejected);
    EXPECT_NE(r.error.find("quiz.xml: line 3: entity declarations are not accepted"), std::string::npos) << r.error;
    EXPECT_TRUE(r.imported.empty());
}

TEST(MoodleXmlReader, BillionLaughsIsRejected) {
    std::string xml = "<?xml version=\"1.0\"?>\n<!DOCTYPE quiz [\n<!ENTITY l0 \"ha\">\n";
    for (int n = 1; n < 10; ++n) {
        xml += "<!ENTITY l" + std::to_string(n) + " \"";
        for (int k = 0; k < 10; ++k) xml += "&l" + std::to_string(n - 1) + ";";
        xml += "\">\n";
    }
    xml += "]>\n<quiz><question type=\"essay\"><name><text>&l9;</text></name></question></quiz>";
    const auto r = read(xml);
    EXPECT_TRUE(r.rejected);
    EXPECT_NE(r.error.find("entity declarations are not accepted"), std::string::npos) << r.error;
}

TEST(MoodleXmlReader, MalformedXmlNamesTheLine) {
    const auto r = read("<quiz>\n<question type=\"essay\">\n</quiz>");
    EXPECT_TRUE(r.rejected);
    EXPECT_NE(r.error.find("quiz.xml: line 3: not well-formed XML"), std::string::npos) << r.error;
}

TEST(MoodleXmlReader, AcTagsFollowTheSharedConventionAndAMalformedOneIsAWarningNotAMapping) {
    std::string question = multichoice("true", "1", three_answers);
    question.insert(question.rfind("</question>"),
                    "<tags><tag><text> AC:T/000/0001:1.1 </text></tag><tag><text>AC:1.1</text></tag>"
                    "<tag><text>AC:X/999/9999:1.1</text></tag><tag><text>easy</text></tag></tags>");
    const auto r = read("<quiz>" + question + "</quiz>");
    ASSERT_EQ(r.imported.size(), 1u) << r.error;
    const auto& i = r.imported[0];
    EXPECT_EQ(i.item.criteria, std::vector<std::string>{"1.1"});
    EXPECT_NE(std::find(i.warnings.begin(), i.warnings.end(), "tag AC:1.1 is not a mapping: expected AC:<unit>:<criterion>"),
              i.warnings.end());
    EXPECT_NE(std::find(i.warnings.begin(), i.warnings.end(), "tag AC:X/999/9999:1.1 maps to another unit than T/000/0001"),
              i.warnings.end());
}
