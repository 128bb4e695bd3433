// Loading bank files: every error names the file, the JSON Pointer and what was
// expected, and a bank with any error loads nothing.
#include <gtest/gtest.h>

#include "item_bank/bank.hpp"
#include "temp_dir.hpp"
#include "test_bank_files.hpp"

using namespace item_bank;
using exam_test::TempDir;
using namespace exam_test::bank_files;

namespace {

std::string four_items() {
    return items_file({item_json("I1", "1.1"), item_json("I2", "1.2"), item_json("I3", "2.1"), item_json("I4", "2.1")});
}

std::string test_json(const std::string& forms = "") {
    return R"({ "format": "test-specification/1", "unit": "T/000/0001", "item_count": 2, "duration_minutes": 10,
      "pass_mark": 1, "blueprint": [ { "learning_outcome": "1", "min_items": 1, "max_items": 1 },
      { "learning_outcome": "2", "min_items": 1, "max_items": 1 } ],
      "shuffle_items": true, "shuffle_options": true, "release": "immediate")" +
           (forms.empty() ? std::string() : R"(, "forms": [)" + forms + "]") + " }";
}

std::string replace(std::string s, const std::string& from, const std::string& to) {
    const auto at = s.find(from);
    EXPECT_NE(at, std::string::npos) << from;
    if (at != std::string::npos) s.replace(at, from.size(), to);
    return s;
}

}  // namespace

TEST(BankLoader, LoadsAValidBankWithEveryKindOfFile) {
    TempDir dir;
    dir.write("spec.json", spec_json);
    dir.write("items/t.json", four_items());
    dir.write("tests/t.json", test_json(R"({ "id": "F1", "status": "published", "items": [ { "item": "I1", "version": 1 }, { "item": "I3", "version": 1 } ] })"));
    const auto r = load_bank({dir.path()});
    ASSERT_TRUE(r.bank) << (r.errors.empty() ? "" : r.errors[0].to_string());
    EXPECT_EQ(r.files, 3u);
    EXPECT_NE(r.bank->unit("T/000/0001"), nullptr);
    EXPECT_NE(r.bank->qualification("T/Q/1"), nullptr);
    EXPECT_EQ(r.bank->items_of_unit("T/000/0001").size(), 4u);
    ASSERT_NE(r.bank->test_specification("T/000/0001"), nullptr);
    EXPECT_EQ(r.bank->test_specification("T/000/0001")->forms.size(), 1u);
    EXPECT_EQ(r.bank->item("I3")->primary_outcome(), "2");
}

TEST(BankLoader, InvalidJsonGivesLineAndColumn) {
    TempDir dir;
    dir.write("bad.json", "{\n  \"format\": \"items/1\",\n  \"unit\": oops\n}");
    const auto r = load_bank({dir.path()});
    EXPECT_FALSE(r.bank);
    EXPECT_TRUE(has_error(r, "bad.json", "", "not valid JSON at line 3, column 11"));
}

TEST(BankLoader, MissingFormatAndUnknownFormatAreNamed) {
    TempDir dir;
    dir.write("a.json", "{}");
    dir.write("b.json", R"({ "format": "items/9" })");
    dir.write("c.json", "[1, 2]");
    const auto r = load_bank({dir.path()});
    EXPECT_TRUE(has_error(r, "a.json", "", "missing \"format\""));
    EXPECT_TRUE(has_error(r, "b.json", "/format", "found \"items/9\""));
    EXPECT_TRUE(has_error(r, "c.json", "", "expected a JSON object"));
}

TEST(BankLoader, WrongTypesMissingMembersAndUnknownMembersHaveTheirPointers) {
    TempDir dir;
    std::string s = replace(spec_json, R"("level": 2, "credit": 4, "glh": 30,)", R"("level": "two", "credit": 4, "gl_h": 30,)");
    s = replace(s, R"("text": "state another")", R"("txt": "state another")");
    dir.write("spec.json", s);
    const auto r = load_bank({dir.path()});
    EXPECT_FALSE(r.bank);
    EXPECT_TRUE(has_error(r, "spec.json", "/units/0/level", "expected an integer from 0 to 8, found a string"));
    EXPECT_TRUE(has_error(r, "spec.json", "/units/0", "missing required member \"glh\""));
    EXPECT_TRUE(has_error(r, "spec.json", "/units/0/gl_h", "unknown member"));
    EXPECT_TRUE(has_error(r, "spec.json", "/units/0/learning_outcomes/0/assessment_criteria/1",
                          "missing required member \"text\""));
}

TEST(BankLoader, CriterionNumbersMustBelongToTheirOutcome) {
    TempDir dir;
    dir.write("spec.json", replace(spec_json, R"("number": "2.1")", R"("number": "1.3")"));
    const auto r = load_bank({dir.path()});
    EXPECT_TRUE(has_error(r, "spec.json", "/units/0/learning_outcomes/1/assessment_criteria/0/number",
                          "does not belong to learning outcome 2"));
}

TEST(BankLoader, QualificationReferencesMustResolveAndSizesMustFitCredit) {
    TempDir dir;
    std::string s = replace(spec_json, R"("units": ["T/000/0001"])", R"("units": ["T/000/0001", "X/999/9999"])");
    s = replace(s, R"("size": "Award")", R"("size": "Diploma")");
    dir.write("spec.json", s);
    const auto r = load_bank({dir.path()});
    EXPECT_FALSE(r.bank);
    EXPECT_TRUE(has_error(r, "spec.json", "/qualifications/0/size", "does not fit a QCF qualification of 4 credits"));
    dir.write("spec.json", replace(spec_json, R"("units": ["T/000/0001"])", R"("units": ["T/000/0001", "X/999/9999"])"));
    const auto r2 = load_bank({dir.path()});
    EXPECT_TRUE(has_error(r2, "spec.json", "/qualifications/0/rules/groups/0/units/1",
                          "unit X/999/9999 is not defined in any qualification specification"));
}

TEST(BankLoader, AUnitDefinedTwiceNamesBothFiles) {
    TempDir dir;
    dir.write("one.json", spec_json);
    dir.write("two.json", replace(spec_json, R"("id": "T/Q/1")", R"("id": "T/Q/2")"));
    const auto r = load_bank({dir.path()});
    EXPECT_FALSE(r.bank);
    EXPECT_TRUE(has_error(r, "two.json", "/units/0/code", "is already defined in"));
}

TEST(BankLoader, ItemProblemsArePlacedInsideTheItem) {
    TempDir dir;
    dir.write("spec.json", spec_json);
    dir.write("items.json", items_file({item_json("I1", "1.1"), item_json("I2", "1.9", "Z")}));
    const auto r = load_bank({dir.path()});
    EXPECT_FALSE(r.bank);
    EXPECT_TRUE(has_error(r, "items.json", "/items/1/criteria/0", "has no assessment criterion 1.9"));
    EXPECT_TRUE(has_error(r, "items.json", "/items/1/key/0", "names option Z"));
}

TEST(BankLoader, ItemsOfAnUnknownUnitAreReportedOncePerFile) {
    TempDir dir;
    dir.write("spec.json", spec_json);
    dir.write("items.json", replace(four_items(), R"("unit": "T/000/0001")", R"("unit": "NOPE1")"));
    const auto r = load_bank({dir.path()});
    std::size_t count = 0;
    for (const auto& e : r.errors) count += e.pointer == "/unit" ? 1 : 0;
    EXPECT_EQ(count, 1u);
    EXPECT_TRUE(has_error(r, "items.json", "/unit", "unit 'NOPE1' is not defined"));
}

TEST(BankLoader, DuplicateItemIdsAcrossFilesAreRefused) {
    TempDir dir;
    dir.write("spec.json", spec_json);
    dir.write("a.json", items_file({item_json("I1", "1.1")}));
    dir.write("b.json", items_file({item_json("I1", "1.2")}));
    const auto r = load_bank({dir.path()});
    EXPECT_TRUE(has_error(r, "b.json", "/items/0/id", "item I1 is already defined in"));
}

TEST(BankLoader, TestSpecificationMustCoverEveryOutcomeAndBeFillable) {
    TempDir dir;
    dir.write("spec.json", spec_json);
    dir.write("items.json", items_file({item_json("I1", "1.1"), item_json("I2", "1.2")}));
    dir.write("test.json", replace(replace(test_json(), R"(,
      { "learning_outcome": "2", "min_items": 1, "max_items": 1 } ])", "]"), R"("item_count": 2)", R"("item_count": 1)"));
    const auto r = load_bank({dir.path()});
    EXPECT_FALSE(r.bank);
    EXPECT_TRUE(has_error(r, "test.json", "/blueprint", "learning outcome 2 (Know a second thing) has no blueprint entry"));
    dir.write("test.json", test_json());
    const auto r2 = load_bank({dir.path()});
    EXPECT_TRUE(has_error(r2, "test.json", "/blueprint", "learning outcome 2 has 0 live items"));
}

TEST(BankLoader, BlueprintSumsAndPassMarkAreChecked) {
    TempDir dir;
    dir.write("spec.json", spec_json);
    dir.write("items.json", four_items());
    std::string t = replace(test_json(), R"("pass_mark": 1)", R"("pass_mark": 3)");
    t = replace(t, R"("item_count": 2)", R"("item_count": 3)");
    dir.write("test.json", t);
    const auto r = load_bank({dir.path()});
    EXPECT_TRUE(has_error(r, "test.json", "/blueprint", "maximums add up to 2, fewer than the 3 items"));
    dir.write("test.json", replace(test_json(), R"("pass_mark": 1)", R"("pass_mark": 5)"));
    const auto r2 = load_bank({dir.path()});
    EXPECT_TRUE(has_error(r2, "test.json", "/pass_mark", "more than the 2 marks available"));
}

TEST(BankLoader, FixedFormsAreCheckedAgainstTheBlueprintAndTheBank) {
    TempDir dir;
    dir.write("spec.json", spec_json);
    dir.write("items.json", four_items());
    dir.write("test.json", test_json(R"({ "id": "F1", "status": "published", "items": [ { "item": "I1", "version": 1 }, { "item": "I2", "version": 2 } ] })"));
    const auto r = load_bank({dir.path()});
    EXPECT_FALSE(r.bank);
    EXPECT_TRUE(has_error(r, "test.json", "/forms/0/items/1/version", "the bank holds version 1 of item I2"));
    EXPECT_TRUE(has_error(r, "test.json", "/forms/0/items", "learning outcome 1 has 2 items on the form"));
    EXPECT_TRUE(has_error(r, "test.json", "/forms/0/items", "learning outcome 2 has 0 items on the form"));
}

TEST(BankLoader, OneBadFileMeansNothingLoads) {
    TempDir dir;
    dir.write("spec.json", spec_json);
    dir.write("good-items.json", four_items());
    dir.write("bad-items.json", R"({ "format": "items/1", "unit": "T/000/0001", "items": [ { "id": "X" } ] })");
    const auto r = load_bank({dir.path()});
    EXPECT_EQ(r.bank, nullptr);
    EXPECT_FALSE(r.errors.empty());
    for (const auto& e : r.errors) EXPECT_TRUE(e.file.ends_with("bad-items.json")) << e.to_string();
}

TEST(BankLoader, MissingPathsAreReported) {
    const auto r = load_bank({"/nonexistent/exam-bank"});
    EXPECT_FALSE(r.bank);
    EXPECT_TRUE(has_error(r, "/nonexistent/exam-bank", "", "no such file or folder"));
}

TEST(BankLoader, ItemsAloneCanBeCheckedAgainstContextSpecifications) {
    TempDir specs, items;
    specs.write("spec.json", spec_json);
    items.write("items.json", four_items());
    EXPECT_FALSE(holds_specifications({items.path()}));
    EXPECT_TRUE(holds_specifications({specs.path()}));
    EXPECT_FALSE(load_bank({items.path()}).bank);
    const auto r = load_bank_with_context({items.path()}, {specs.path()});
    EXPECT_TRUE(r.bank);
}

TEST(BankLoader, DraftsMayBreakLiveItemRulesWhichAreNamedNotFatal) {
    TempDir dir;
    dir.write("spec.json", spec_json);
    const std::string true_false = R"({ "id": "TF1", "version": 1, "status": "draft", "type": "single", "criteria": [],
      "stem": "The sky is blue.", "options": [ { "id": "A", "text": "True", "feedback": "Yes." },
      { "id": "B", "text": "False" } ], "key": ["A"], "feedback": "About the sky.",
      "source": { "format": "gift", "id": "sky", "file": "quiz.gift" } })";
    dir.write("items.json", items_file({item_json("I1", "1.1"), true_false}));
    const auto r = load_bank({dir.path()});
    ASSERT_TRUE(r.bank) << (r.errors.empty() ? "" : r.errors.front().to_string());
    ASSERT_EQ(r.draft_rules.size(), 2u);
    EXPECT_EQ(r.draft_rules[0].pointer, "/items/1/criteria");
    EXPECT_NE(r.draft_rules[0].message.find("rule mapped: needs mapping"), std::string::npos);
    EXPECT_EQ(r.draft_rules[1].pointer, "/items/1/options");
    EXPECT_NE(r.draft_rules[1].message.find("rule options-3-to-6"), std::string::npos);
    const Item* tf = r.bank->item("TF1");
    ASSERT_TRUE(tf);
    ASSERT_TRUE(tf->source);
    EXPECT_EQ(tf->source->format, "gift");
    EXPECT_EQ(tf->source->identifier, "sky");
    EXPECT_EQ(tf->source->file, "quiz.gift");
    EXPECT_EQ(tf->options[0].feedback, "Yes.");
    EXPECT_EQ(tf->feedback, "About the sky.");

    // The same item marked live is refused, naming the rule's problem.
    dir.write("items.json", items_file({item_json("I1", "1.1"), replace(true_false, "\"draft\"", "\"live\"")}));
    const auto live = load_bank({dir.path()});
    EXPECT_FALSE(live.bank);
    EXPECT_TRUE(has_error(live, "items.json", "/items/1/options", "expected 3 to 6 options, found 2"));
}

TEST(BankLoader, WeightsAreReadAndBadWeightsOrSourcesAreLocated) {
    TempDir dir;
    dir.write("spec.json", spec_json);
    std::string weighted = item_json("W1", "1.1");
    weighted = replace(weighted, R"("text": "first W1" })", R"("text": "first W1", "weight": 1 })");
    weighted = replace(weighted, R"("text": "second" })", R"("text": "second", "weight": 0.5 })");
    weighted = replace(weighted, R"("text": "third" })", R"("text": "third", "weight": -0.25 })");
    dir.write("items.json", items_file({weighted}));
    const auto r = load_bank({dir.path()});
    ASSERT_TRUE(r.bank) << (r.errors.empty() ? "" : r.errors.front().to_string());
    const Item* w = r.bank->item("W1");
    ASSERT_TRUE(w && w->options[1].weight && w->options[2].weight);
    EXPECT_EQ(*w->options[1].weight, 0.5);
    EXPECT_EQ(*w->options[2].weight, -0.25);

    dir.write("items.json", items_file({replace(weighted, "-0.25", "\"-0.25\"")}));
    EXPECT_TRUE(has_error(load_bank({dir.path()}), "items.json", "/items/0/options/2/weight",
                          "expected a weight from -1 to 1 (a share of the item's mark), found a string"));
    dir.write("items.json", items_file({replace(weighted, "-0.25", "-2")}));
    EXPECT_TRUE(has_error(load_bank({dir.path()}), "items.json", "/items/0/options/2/weight", "found -2"));
    dir.write("items.json",
              items_file({replace(weighted, R"("rationale")", R"("source": { "format": "word", "id": "x" }, "rationale")")}));
    EXPECT_TRUE(has_error(load_bank({dir.path()}), "items.json", "/items/0/source/format", "word"));
}
