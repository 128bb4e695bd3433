#include <gtest/gtest.h>

#include "item_bank/item_validation.hpp"

using namespace item_bank;

namespace {

Unit test_unit() {
    Unit u;
    u.code = "T/000/0001";
    u.title = "Testing unit";
    u.learning_outcomes = {LearningOutcome{"1", "Know", {{"1.1", "state"}, {"1.2", "describe"}}, ""},
                           LearningOutcome{"2", "Understand", {{"2.1", "explain"}}, ""}};
    return u;
}

Item good_single() {
    Item i;
    i.id = "T0000001-001";
    i.version = 1;
    i.status = ItemStatus::live;
    i.type = ResponseType::single;
    i.unit = "T/000/0001";
    i.criteria = {"1.1"};
    i.stem = "Which of these is an **internal** customer?";
    i.options = {{"A", "A colleague in accounts"}, {"B", "A visitor"}, {"C", "A supplier's agent"}, {"D", "A new client"}};
    i.key = {"A"};
    i.rationale = "Internal customers work for the same organisation.";
    return i;
}

Item good_multiple() {
    Item i = good_single();
    i.type = ResponseType::multiple;
    i.stem = "Which **two** are external customers?";
    i.options.push_back({"E", "A delivery driver from another firm"});
    i.key = {"B", "D"};
    i.choose = 2;
    return i;
}

bool has(const std::vector<ItemProblem>& problems, const std::string& pointer, const std::string& text) {
    for (const auto& p : problems) {
        if (p.pointer == pointer && p.message.find(text) != std::string::npos) return true;
    }
    return false;
}

}  // namespace

TEST(ItemValidation, WellFormedSingleAndMultipleResponseItemsPass) {
    const Unit u = test_unit();
    EXPECT_TRUE(validate_item(good_single(), &u).empty());
    EXPECT_TRUE(validate_item(good_multiple(), &u).empty());
}

TEST(ItemValidation, MustBelongToAKnownUnitAndMapToItsCriteria) {
    const Unit u = test_unit();
    Item i = good_single();
    EXPECT_TRUE(has(validate_item(i, nullptr), "/unit", "not defined"));
    i.criteria = {};
    EXPECT_TRUE(has(validate_item(i, &u), "/criteria", "at least one"));
    i.criteria = {"1.1", "3.1", "1.1"};
    const auto p = validate_item(i, &u);
    EXPECT_TRUE(has(p, "/criteria/1", "no assessment criterion 3.1"));
    EXPECT_TRUE(has(p, "/criteria/2", "listed twice"));
}

TEST(ItemValidation, ThreeToSixDistinctOptionsWithLetterIds) {
    const Unit u = test_unit();
    Item i = good_single();
    i.options.resize(2);
    EXPECT_TRUE(has(validate_item(i, &u), "/options", "expected 3 to 6 options, found 2"));
    i = good_single();
    for (char c = 'E'; c <= 'G'; ++c) i.options.push_back({std::string(1, c), std::string("extra ") + c});
    EXPECT_TRUE(has(validate_item(i, &u), "/options", "found 7"));
    i = good_single();
    i.options[2].text = "a  COLLEAGUE in accounts";
    EXPECT_TRUE(has(validate_item(i, &u), "/options/2/text", "same text"));
    i = good_single();
    i.options[1].id = "b";
    EXPECT_TRUE(has(validate_item(i, &u), "/options/1/id", "capital letter"));
    i = good_single();
    i.options[3].id = "A";
    EXPECT_TRUE(has(validate_item(i, &u), "/options/3/id", "used twice"));
}

TEST(ItemValidation, KeysFitTheResponseType) {
    const Unit u = test_unit();
    Item i = good_single();
    i.key = {"A", "B"};
    EXPECT_TRUE(has(validate_item(i, &u), "/key", "exactly one key, found 2"));
    i.key = {"Q"};
    EXPECT_TRUE(has(validate_item(i, &u), "/key/0", "names option Q"));
    Item m = good_multiple();
    m.key = {"B"};
    m.choose = 1;
    EXPECT_TRUE(has(validate_item(m, &u), "/key", "at least two keys"));
    m = good_multiple();
    m.choose = 3;
    EXPECT_TRUE(has(validate_item(m, &u), "/choose", "equal the number of keys (2), found 3"));
    m = good_multiple();
    m.key = {"A", "B", "C", "D", "E"};
    m.choose = 5;
    EXPECT_TRUE(has(validate_item(m, &u), "/key", "one option that is not a key"));
    m = good_multiple();
    m.key = {"B", "B"};
    EXPECT_TRUE(has(validate_item(m, &u), "/key/1", "listed twice"));
}

TEST(ItemValidation, StemAndOptionsAreSafeTextAndNeverHtml) {
    const Unit u = test_unit();
    Item i = good_single();
    i.stem = "Which <b>one</b>?";
    EXPECT_TRUE(has(validate_item(i, &u), "/stem", "HTML"));
    i = good_single();
    i.options[0].text = "<img src=x onerror=alert(1)>";
    EXPECT_TRUE(has(validate_item(i, &u), "/options/0/text", "HTML"));
    i = good_single();
    i.stem = "  ";
    EXPECT_TRUE(has(validate_item(i, &u), "/stem", "empty"));
}

TEST(ItemValidation, ReviewedAndLiveItemsNeedARationaleDraftsDoNot) {
    const Unit u = test_unit();
    Item i = good_single();
    i.rationale = "";
    EXPECT_TRUE(has(validate_item(i, &u), "/rationale", "live item needs a rationale"));
    i.status = ItemStatus::draft;
    EXPECT_TRUE(validate_item(i, &u).empty());
}

TEST(ItemValidation, IdsAndVersionsAreChecked) {
    const Unit u = test_unit();
    Item i = good_single();
    i.id = "has space";
    i.version = 0;
    const auto p = validate_item(i, &u);
    EXPECT_TRUE(has(p, "/id", "letters, digits"));
    EXPECT_TRUE(has(p, "/version", "1 or more"));
}

TEST(ItemValidation, NormalisationFoldsCaseSpaceAndMarkup) {
    EXPECT_EQ(normalise_for_comparison("  The **Manager**\n of  the  shop "), "the manager of the shop");
}

TEST(ItemValidation, LiveItemRulesAreNamedAndOnlyDraftsMayBreakThem) {
    const Unit u = test_unit();
    Item tf = good_single();
    tf.options = {{"A", "True"}, {"B", "False"}};
    tf.criteria.clear();
    const auto problems = validate_item(tf, &u);
    ASSERT_EQ(problems.size(), 2u);
    EXPECT_EQ(problems[0].rule, "mapped");
    EXPECT_TRUE(has(problems, "/criteria", "needs mapping"));
    EXPECT_EQ(problems[1].rule, "options-3-to-6");
    EXPECT_TRUE(blocks_item(tf, problems[1]));  // it is live
    tf.status = ItemStatus::draft;
    EXPECT_FALSE(blocks_item(tf, problems[0]));
    EXPECT_FALSE(blocks_item(tf, problems[1]));
    tf.options[1].id = "a";  // a structural problem blocks even a draft
    const auto bad = validate_item(tf, &u);
    ASSERT_TRUE(has(bad, "/options/1/id", "capital letter"));
    for (const auto& p : bad) {
        if (p.pointer == "/options/1/id") {
            EXPECT_TRUE(blocks_item(tf, p));
        }
    }
}

TEST(ItemValidation, WeightsMustGiveTheKeyFullCreditAndStayInRange) {
    const Unit u = test_unit();
    Item i = good_multiple();
    const double good[] = {0, 0.5, -0.5, 0.5, -1};
    for (std::size_t o = 0; o < 5; ++o) i.options[o].weight = good[o];
    EXPECT_TRUE(validate_item(i, &u).empty());
    i.options[3].weight = 0.25;
    EXPECT_TRUE(has(validate_item(i, &u), "/options", "add up to 0.75"));
    i.options[3].weight = 1.5;
    EXPECT_TRUE(has(validate_item(i, &u), "/options/3/weight", "from -1 to 1"));
    i.options[3].weight.reset();
    EXPECT_TRUE(has(validate_item(i, &u), "/options/3/weight", "every option a weight"));
}

TEST(ItemCredit, UnweightedIsAllOrNothingWeightedIsFlooredAndCapped) {
    Item i = good_multiple();
    EXPECT_EQ(response_credit(i, {"D", "B"}), 1.0);
    EXPECT_EQ(response_credit(i, {"B"}), 0.0);
    const double w[] = {-1, 0.5, -0.5, 0.5, 0};
    for (std::size_t o = 0; o < 5; ++o) i.options[o].weight = w[o];
    EXPECT_EQ(response_credit(i, {"B"}), 0.5);
    EXPECT_EQ(response_credit(i, {"B", "D"}), 1.0);
    EXPECT_EQ(response_credit(i, {"A", "B"}), 0.0);
}

TEST(ItemCredit, CanonicalTextChangesWithWeightsButNotForUnweightedItems) {
    Item i = good_single();
    const std::string before = canonical_item_text(i);
    EXPECT_EQ(before.find("weight"), std::string::npos);
    i.feedback = "General feedback";  // not seen in a sitting, not used in marking
    i.source = ItemSource{"gift", "Q1", "bank.gift"};
    EXPECT_EQ(canonical_item_text(i), before);
    i.options[0].weight = 1;
    EXPECT_NE(canonical_item_text(i), before);
}
