#include <gtest/gtest.h>

#include <map>

#include "domain/marking.hpp"

using namespace exam::domain;

namespace {

item_bank::Item make_item(const std::string& id, const std::string& criterion, item_bank::ResponseType type,
                          std::vector<std::string> key) {
    item_bank::Item i;
    i.id = id;
    i.version = 1;
    i.type = type;
    i.criteria = {criterion};
    i.options = {{"A", "a"}, {"B", "b"}, {"C", "c"}, {"D", "d"}, {"E", "e"}};
    i.key = std::move(key);
    i.choose = static_cast<int>(i.key.size());
    return i;
}

}  // namespace

TEST(Marking, SingleRightOrWrongMultipleAllOrNothingWithOutcomes) {
    std::map<std::string, item_bank::Item> items = {
        {"S1", make_item("S1", "1.1", item_bank::ResponseType::single, {"B"})},
        {"S2", make_item("S2", "1.2", item_bank::ResponseType::single, {"C"})},
        {"M1", make_item("M1", "2.1", item_bank::ResponseType::multiple, {"A", "D"})},
        {"M2", make_item("M2", "2.2", item_bank::ResponseType::multiple, {"B", "E"})},
    };
    Attempt a;
    for (const char* id : {"S1", "S2", "M1", "M2"}) a.form.push_back({id, 1, {}});
    a.responses = {{{"B"}, false, 1}, {{"A"}, false, 1}, {{"D", "A"}, false, 1}, {{"B"}, false, 1}};
    item_bank::TestSpecification spec;
    spec.pass_mark = 2;
    spec.blueprint = {{"1", 1, 2}, {"2", 1, 2}};
    spec.release = item_bank::ReleasePolicy::held;
    const auto r = mark_attempt(a, spec, [&](const std::string& id, int) { return &items.at(id); });
    EXPECT_EQ(r.raw_score, 2);  // S1 right, S2 wrong, M1 right in any order, M2 half right scores nothing
    EXPECT_EQ(r.available, 4);
    EXPECT_DOUBLE_EQ(r.percentage, 50.0);
    EXPECT_TRUE(r.passed);
    EXPECT_FALSE(r.released);
    ASSERT_EQ(r.by_outcome.size(), 2u);
    EXPECT_EQ(r.by_outcome[0].learning_outcome, "1");
    EXPECT_EQ(r.by_outcome[0].marks, 1);
    EXPECT_EQ(r.by_outcome[1].marks, 1);
    EXPECT_EQ(r.by_outcome[1].available, 2);
}

TEST(Marking, UnansweredScoresNothingAndOneBelowThePassMarkFails) {
    std::map<std::string, item_bank::Item> items = {
        {"S1", make_item("S1", "1.1", item_bank::ResponseType::single, {"B"})},
        {"S2", make_item("S2", "1.2", item_bank::ResponseType::single, {"C"})},
    };
    Attempt a;
    a.form = {{"S1", 1, {}}, {"S2", 1, {}}};
    a.responses = {{{"B"}, false, 1}, {{}, true, 2}};
    item_bank::TestSpecification spec;
    spec.pass_mark = 2;
    spec.blueprint = {{"1", 1, 2}};
    const auto r = mark_attempt(a, spec, [&](const std::string& id, int) { return &items.at(id); });
    EXPECT_EQ(r.raw_score, 1);
    EXPECT_FALSE(r.passed);
    EXPECT_TRUE(r.released);
}

TEST(Marking, WeightsGivePartialAndNegativeCreditNeverBelowZeroPerItem) {
    auto weighted = make_item("W", "1.1", item_bank::ResponseType::multiple, {"A", "B"});
    const double weights[] = {0.5, 0.5, -0.5, -0.5, 0};
    for (std::size_t o = 0; o < 5; ++o) weighted.options[o].weight = weights[o];
    std::map<std::string, item_bank::Item> items = {{"W1", weighted}, {"W2", weighted}, {"W3", weighted}};
    Attempt a;
    a.form = {{"W1", 1, {}}, {"W2", 1, {}}, {"W3", 1, {}}};
    // Half right; both keys; one key and two wrong (0.5 - 1.0, floored at zero).
    a.responses = {{{"A", "E"}, false, 1}, {{"B", "A"}, false, 1}, {{"A", "C", "D"}, false, 1}};
    item_bank::TestSpecification spec;
    spec.pass_mark = 2;
    spec.blueprint = {{"1", 1, 3}};
    const auto r = mark_attempt(a, spec, [&](const std::string& id, int) { return &items.at(id); });
    EXPECT_DOUBLE_EQ(r.raw_score, 1.5);
    EXPECT_DOUBLE_EQ(r.by_outcome[0].marks, 1.5);
    EXPECT_FALSE(r.passed);
    EXPECT_DOUBLE_EQ(r.percentage, 50.0);
}
