// QTI 2.1, 2.2 and 3.0 single item files written here: templates in every
// spelling, hand-written idioms, mapping, fixed choices, and the namespaces
// that must be rejected.
#include <gtest/gtest.h>

#include <algorithm>

#include "item_interchange/qti_item_reader.hpp"

using namespace item_interchange;

namespace {

FileReport read(const std::string& xml) { return read_qti_item(xml, "item.xml", ImportOptions{"T/000/0001", nullptr}); }

std::string v2_item(const std::string& ns, const std::string& processing, const std::string& declaration_extra = "",
                    const std::string& max_choices = "1", const std::string& keys = "<value>B</value>") {
    return R"(<?xml version="1.0" encoding="UTF-8"?>
<assessmentItem xmlns=")" + ns + R"(" identifier="item-1" title="Capital" adaptive="false" timeDependent="false">
  <responseDeclaration identifier="RESPONSE" cardinality="single" baseType="identifier">
    <correctResponse>)" + keys + "</correctResponse>" + declaration_extra + R"(</responseDeclaration>
  <outcomeDeclaration identifier="SCORE" cardinality="single" baseType="float"/>
  <itemBody><p>Which is the <b>capital</b>?</p>
    <choiceInteraction responseIdentifier="RESPONSE" shuffle="true" maxChoices=")" + max_choices + R"(">
      <prompt>Choose one.</prompt>
      <simpleChoice identifier="A">Lyon<feedbackInline outcomeIdentifier="FEEDBACK" identifier="A" showHide="show">Not the capital.</feedbackInline></simpleChoice><simpleChoice identifier="B">Paris</simpleChoice>
      <simpleChoice identifier="C" fixed="true">None of these</simpleChoice>
    </choiceInteraction></itemBody>
  )" + processing + "</assessmentItem>";
}

const char* const v21 = "http://www.imsglobal.org/xsd/imsqti_v2p1";

}  // namespace

TEST(QtiItemReader, EveryTemplateSpellingIsRecognised) {
    for (const char* uri : {"http://www.imsglobal.org/question/qti_v2p1/rptemplates/match_correct",
                            "http://www.imsglobal.org/question/qti_v2p1/rptemplates/match_correct.xml",
                            "http://www.imsglobal.org/question/qti_v2p2/rptemplates/match_correct",
                            "https://purl.imsglobal.org/spec/qti/v3p0/rptemplates/match_correct.xml",
                            "https://purl.imsglobal.org/spec/qti/v3p0/rptemplates/match_correct",
                            "http://imsglobal.org/question/qti_v2p1/rptemplates/match_correct"}) {
        EXPECT_EQ(standard_template(uri), "match_correct") << uri;
    }
    EXPECT_EQ(standard_template("https://purl.imsglobal.org/spec/qti/v3p0/rptemplates/map_response.xml"), "map_response");
    EXPECT_EQ(standard_template("http://www.imsglobal.org/question/qti_v2p1/rptemplates/map_response_point"), "");
    EXPECT_EQ(standard_template("http://example.com/match_correct"), "");
}

TEST(QtiItemReader, Qti21ChoiceItemWithTheMatchCorrectTemplate) {
    const auto r = read(v2_item(v21, R"(<responseProcessing template="http://www.imsglobal.org/question/qti_v2p1/rptemplates/match_correct"/>)"));
    ASSERT_FALSE(r.rejected) << r.error;
    EXPECT_EQ(r.format, "qti21");
    ASSERT_EQ(r.imported.size(), 1u);
    const auto& i = r.imported[0];
    EXPECT_EQ(i.item.id, "item-1");
    EXPECT_EQ(i.title, "Capital");
    EXPECT_EQ(i.item.stem, "Which is the **capital**?\n\nChoose one.");
    ASSERT_EQ(i.item.options.size(), 3u);
    EXPECT_EQ(i.item.options[1].text, "Paris");
    EXPECT_EQ(i.item.options[0].text, "Lyon");
    EXPECT_EQ(i.item.options[0].feedback, "Not the capital.");
    EXPECT_EQ(i.item.key, std::vector<std::string>{"B"});
    EXPECT_EQ(i.source_keys, std::vector<std::string>{"B"});
    EXPECT_FALSE(i.item.shuffle_options);  // a fixed choice keeps the order
    EXPECT_FALSE(i.item.weighted());
    ASSERT_TRUE(i.item.source);
    EXPECT_EQ(i.item.source->format, "qti21");
}

TEST(QtiItemReader, MappingBecomesWeightsForMultipleResponse) {
    const auto r = read(v2_item("http://www.imsglobal.org/xsd/imsqti_v2p2",
                                R"(<responseProcessing template="http://www.imsglobal.org/question/qti_v2p2/rptemplates/map_response.xml"/>)",
                                R"(<mapping lowerBound="0" upperBound="2" defaultValue="0">
                                     <mapEntry mapKey="A" mappedValue="1"/><mapEntry mapKey="B" mappedValue="1"/>
                                     <mapEntry mapKey="C" mappedValue="-1"/></mapping>)",
                                "0", "<value>A</value><value>B</value>"));
    ASSERT_EQ(r.imported.size(), 1u);
    const auto& item = r.imported[0].item;
    EXPECT_EQ(r.format, "qti22");
    EXPECT_EQ(item.type, item_bank::ResponseType::multiple);
    EXPECT_EQ(item.options[0].weight, 0.5);
    EXPECT_EQ(item.options[2].weight, -0.5);
}

TEST(QtiItemReader, HandWrittenIdiomsAreRecognisedAndAnythingElseIsCustom) {
    const auto idiom = read(v2_item(v21, R"(<responseProcessing><responseCondition><responseIf>
        <match><variable identifier="RESPONSE"/><correct identifier="RESPONSE"/></match>
        <setOutcomeValue identifier="SCORE"><baseValue baseType="float">1</baseValue></setOutcomeValue>
        </responseIf></responseCondition></responseProcessing>)"));
    ASSERT_EQ(idiom.imported.size(), 1u);
    for (const auto& b : idiom.imported[0].broken_rules) EXPECT_FALSE(b.starts_with("custom-scoring")) << b;

    const auto custom = read(v2_item(v21, R"(<responseProcessing><setOutcomeValue identifier="SCORE">
        <baseValue baseType="float">7</baseValue></setOutcomeValue></responseProcessing>)"));
    ASSERT_EQ(custom.imported.size(), 1u);
    const auto& i = custom.imported[0];
    EXPECT_EQ(i.item.status, item_bank::ItemStatus::draft);
    EXPECT_TRUE(std::any_of(i.broken_rules.begin(), i.broken_rules.end(),
                            [](const std::string& b) { return b.starts_with("custom-scoring"); }));
    EXPECT_TRUE(std::any_of(i.warnings.begin(), i.warnings.end(),
                            [](const std::string& w) { return w.find("<baseValue baseType=\"float\">7") != w.npos; }));
}

TEST(QtiItemReader, Qti30ItemIsRead) {
    const auto r = read(R"(<qti-assessment-item xmlns="http://www.imsglobal.org/xsd/imsqtiasi_v3p0" identifier="q3" title="T">
      <qti-response-declaration identifier="RESPONSE" cardinality="single" base-type="identifier">
        <qti-correct-response><qti-value>C2</qti-value></qti-correct-response></qti-response-declaration>
      <qti-item-body><qti-choice-interaction response-identifier="RESPONSE" max-choices="1" shuffle="true">
        <qti-prompt>Pick</qti-prompt><qti-simple-choice identifier="C1">x</qti-simple-choice>
        <qti-simple-choice identifier="C2">y</qti-simple-choice><qti-simple-choice identifier="C3">z</qti-simple-choice>
      </qti-choice-interaction></qti-item-body>
      <qti-response-processing template="https://purl.imsglobal.org/spec/qti/v3p0/rptemplates/match_correct.xml"/>
    </qti-assessment-item>)");
    ASSERT_FALSE(r.rejected) << r.error;
    EXPECT_EQ(r.format, "qti30");
    ASSERT_EQ(r.imported.size(), 1u);
    EXPECT_EQ(r.imported[0].item.key, std::vector<std::string>{"B"});
    EXPECT_TRUE(r.imported[0].item.shuffle_options);
    EXPECT_EQ(r.imported[0].item.stem, "Pick");
}

TEST(QtiItemReader, AScorersRubricBlockIsTheRationaleAndContentBodiesAreUnwrapped) {
    const auto r = read(R"(<qti-assessment-item xmlns="http://www.imsglobal.org/xsd/imsqtiasi_v3p0" identifier="q4" title="T">
      <qti-response-declaration identifier="RESPONSE" cardinality="single" base-type="identifier">
        <qti-correct-response><qti-value>A</qti-value></qti-correct-response></qti-response-declaration>
      <qti-item-body>
        <qti-rubric-block view="candidate" use="instructions"><qti-content-body><p>Read carefully.</p></qti-content-body></qti-rubric-block>
        <p>Which?</p>
        <qti-choice-interaction response-identifier="RESPONSE" max-choices="1"><qti-simple-choice identifier="A">x</qti-simple-choice>
          <qti-simple-choice identifier="B">y</qti-simple-choice><qti-simple-choice identifier="C">z</qti-simple-choice>
        </qti-choice-interaction>
        <qti-rubric-block view="scorer tutor" use="scoring"><qti-content-body><p>X is <em>right</em>.</p></qti-content-body></qti-rubric-block>
      </qti-item-body>
      <qti-response-processing template="https://purl.imsglobal.org/spec/qti/v3p0/rptemplates/match_correct.xml"/>
      <qti-modal-feedback outcome-identifier="FEEDBACK" identifier="G" show-hide="hide"><qti-content-body><p>General.</p></qti-content-body></qti-modal-feedback>
    </qti-assessment-item>)");
    ASSERT_EQ(r.imported.size(), 1u) << r.error;
    const auto& i = r.imported[0];
    EXPECT_EQ(i.item.rationale, "X is *right*.");
    EXPECT_EQ(i.item.stem, "Read carefully.\n\nWhich?");  // a candidate's rubric is part of what they read
    EXPECT_EQ(i.item.feedback, "General.");
    EXPECT_TRUE(i.warnings.empty()) << i.warnings[0];  // the wrappers are QTI's own, not dropped formatting
}

TEST(QtiItemReader, AQti30ElementTheTextCannotHoldIsNamedWhole) {
    const auto r = read(R"(<qti-assessment-item xmlns="http://www.imsglobal.org/xsd/imsqtiasi_v3p0" identifier="q5" title="T">
      <qti-response-declaration identifier="RESPONSE" cardinality="single" base-type="identifier">
        <qti-correct-response><qti-value>A</qti-value></qti-correct-response></qti-response-declaration>
      <qti-item-body><p>Costs <qti-printed-variable identifier="PRICE"/> pounds?</p>
        <qti-choice-interaction response-identifier="RESPONSE" max-choices="1"><qti-simple-choice identifier="A">x</qti-simple-choice>
          <qti-simple-choice identifier="B">y</qti-simple-choice><qti-simple-choice identifier="C">z</qti-simple-choice>
        </qti-choice-interaction></qti-item-body>
      <qti-response-processing template="https://purl.imsglobal.org/spec/qti/v3p0/rptemplates/match_correct.xml"/>
    </qti-assessment-item>)");
    ASSERT_EQ(r.imported.size(), 1u) << r.error;
    EXPECT_EQ(r.imported[0].warnings,
              std::vector<std::string>{"an unsupported qti-printed-variable element was dropped (its text kept)"});
}

TEST(QtiItemReader, WrongOrUnknownNamespacesAreRejectedNotGuessed) {
    const auto mixed = read(v2_item("http://www.imsglobal.org/xsd/imsqtiasi_v3p0", ""));
    EXPECT_TRUE(mixed.rejected);
    EXPECT_NE(mixed.error.find("expected <qti-assessment-item>"), std::string::npos) << mixed.error;
    const auto unknown = read(v2_item("http://example.com/qti", ""));
    EXPECT_TRUE(unknown.rejected);
    EXPECT_NE(unknown.error.find("unknown namespace"), std::string::npos) << unknown.error;
}

TEST(QtiItemReader, OtherInteractionsAreSkippedWithTheirType) {
    const auto r = read(R"(<assessmentItem xmlns="http://www.imsglobal.org/xsd/imsqti_v2p1" identifier="t1">
      <itemBody><textEntryInteraction responseIdentifier="R"/></itemBody></assessmentItem>)");
    ASSERT_EQ(r.skipped.size(), 1u);
    EXPECT_EQ(r.skipped[0].type, "textEntryInteraction");
    EXPECT_EQ(r.skipped[0].source_id, "t1");
}
