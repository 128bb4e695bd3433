// The rules engine on small made-up qualifications, each built to catch one way
// an evaluator can go wrong: greedy choices, caps, levels, bars, no credit.
#include <gtest/gtest.h>

#include <map>

#include "item_bank/rules_evaluator.hpp"

using namespace item_bank;

namespace {

class Catalogue {
public:
    Catalogue& unit(const std::string& code, int level, std::optional<int> credit) {
        Unit u;
        u.code = code;
        u.title = "Unit " + code;
        u.level = level;
        u.credit = credit;
        units_[code] = u;
        return *this;
    }
    UnitLookup lookup() const {
        return [this](const std::string& code) -> const Unit* {
            auto it = units_.find(code);
            return it == units_.end() ? nullptr : &it->second;
        };
    }

private:
    std::map<std::string, Unit> units_;
};

UnitGroup group(std::string id, std::vector<std::string> units, bool mandatory = false) {
    UnitGroup g;
    g.id = id;
    g.title = "Group " + id;
    g.units = std::move(units);
    g.mandatory = mandatory;
    return g;
}

Qualification qualification(RulesOfCombination rules) {
    Qualification q;
    q.id = "TEST/1";
    q.title = "Test qualification";
    q.rules = std::move(rules);
    return q;
}

bool mentions(const RulesOutcome& r, const std::string& text) {
    for (const auto& m : r.missing) {
        if (m.find(text) != std::string::npos) return true;
    }
    return false;
}

}  // namespace

TEST(RulesEvaluator, ChoosesExactlyWhereAGreedyChoiceWouldFail) {
    Catalogue c;
    c.unit("B5", 2, 5).unit("B3a", 2, 3).unit("B3b", 2, 3);
    RulesOfCombination rules;
    auto b = group("B", {"B5", "B3a", "B3b"});
    b.min_credits = 6;
    b.max_credits = 7;  // 5 + 3 passes the cap; only 3 + 3 meets both bounds
    rules.groups = {b};
    const auto r = evaluate_rules(qualification(rules), c.lookup(), {"B5", "B3a", "B3b"});
    EXPECT_TRUE(r.achieved);
    EXPECT_EQ(r.credits, 6);
    EXPECT_EQ(r.counted_units, (std::vector<std::string>{"B3a", "B3b"}));
    EXPECT_EQ(r.uncounted_units, (std::vector<std::string>{"B5"}));
}

TEST(RulesEvaluator, ExtraCreditInACappedGroupNeverDisqualifiesItJustDoesNotCount) {
    Catalogue c;
    c.unit("M1", 3, 10).unit("C1", 3, 5).unit("C2", 3, 5).unit("C3", 3, 5);
    RulesOfCombination rules;
    rules.min_credits = 19;
    auto cg = group("C", {"C1", "C2", "C3"});
    cg.max_credits = 9;
    rules.groups = {group("M", {"M1"}, true), cg};
    // Only one 5-credit unit of C fits under the cap of 9: 10 + 5 = 15 < 19.
    auto r = evaluate_rules(qualification(rules), c.lookup(), {"M1", "C1", "C2", "C3"});
    EXPECT_FALSE(r.achieved);
    EXPECT_EQ(r.credits, 15);
    EXPECT_TRUE(mentions(r, "needs 4 more credits in total (has 15 of 19)"));
    rules.min_credits = 15;
    r = evaluate_rules(qualification(rules), c.lookup(), {"M1", "C1", "C2", "C3"});
    EXPECT_TRUE(r.achieved);
    EXPECT_EQ(r.credits, 15);
    EXPECT_EQ(r.uncounted_units.size(), 2u);
}

TEST(RulesEvaluator, MaxUnitsLimitsWhatCounts) {
    Catalogue c;
    c.unit("O1", 2, 2).unit("O2", 2, 4).unit("O3", 2, 3);
    RulesOfCombination rules;
    auto o = group("O", {"O1", "O2", "O3"});
    o.max_units = 2;
    rules.groups = {o};
    rules.min_credits = 7;
    const auto r = evaluate_rules(qualification(rules), c.lookup(), {"O1", "O2", "O3"});
    EXPECT_TRUE(r.achieved);
    EXPECT_EQ(r.credits, 7);  // the two largest
    EXPECT_EQ(r.counted_units, (std::vector<std::string>{"O2", "O3"}));
}

TEST(RulesEvaluator, MissingMandatoryUnitIsNamedWithItsTitle) {
    Catalogue c;
    c.unit("M1", 2, 4).unit("M2", 2, 4);
    RulesOfCombination rules;
    rules.groups = {group("M", {"M1", "M2"}, true)};
    const auto r = evaluate_rules(qualification(rules), c.lookup(), {"M1"});
    EXPECT_FALSE(r.achieved);
    EXPECT_EQ(r.missing, (std::vector<std::string>{"needs mandatory unit M2 Unit M2"}));
}

TEST(RulesEvaluator, GroupMinimumsAreExplainedInCreditsAndUnits) {
    Catalogue c;
    c.unit("B1", 3, 6).unit("B2", 3, 5).unit("D1", 2, 4);
    RulesOfCombination rules;
    auto b = group("B", {"B1", "B2"});
    b.min_credits = 15;
    auto d = group("D", {"D1"});
    d.min_units = 1;
    rules.groups = {b, d};
    const auto r = evaluate_rules(qualification(rules), c.lookup(), {"B1", "B2"});
    EXPECT_FALSE(r.achieved);
    EXPECT_TRUE(mentions(r, "needs 4 more credits from Group B (has 11 of 15)"));
    EXPECT_TRUE(mentions(r, "needs 1 more unit from Group D (has 0 of 1)"));
}

TEST(RulesEvaluator, LevelRuleCountsOnlyUnitsAtOrAboveTheLevelAndInItsGroups) {
    Catalogue c;
    c.unit("A2", 2, 6).unit("B3", 3, 4).unit("C3", 3, 6);
    RulesOfCombination rules;
    rules.groups = {group("A", {"A2"}), group("B", {"B3"}), group("C", {"C3"})};
    LevelRule lr;
    lr.min_credits = 8;
    lr.min_level = 3;
    lr.groups = {"A", "B"};
    rules.level_rules = {lr};
    // C3 is level 3 but outside the rule's groups; A2 is in them but level 2.
    auto r = evaluate_rules(qualification(rules), c.lookup(), {"A2", "B3", "C3"});
    EXPECT_FALSE(r.achieved);
    EXPECT_TRUE(mentions(r, "needs 4 more credits at level 3 or above from Group A and Group B (has 4 of 8)"));
    lr.groups.clear();
    rules.level_rules = {lr};
    r = evaluate_rules(qualification(rules), c.lookup(), {"A2", "B3", "C3"});
    EXPECT_TRUE(r.achieved);
}

TEST(RulesEvaluator, BarredUnitsNeverCountTogether) {
    Catalogue c;
    c.unit("X", 2, 5).unit("Y", 2, 5).unit("Z", 2, 3);
    RulesOfCombination rules;
    rules.groups = {group("O", {"X", "Y", "Z"})};
    rules.min_credits = 10;
    rules.barred_combinations = {BarredCombination{{"X", "Y"}, "overlapping content"}};
    auto r = evaluate_rules(qualification(rules), c.lookup(), {"X", "Y", "Z"});
    EXPECT_FALSE(r.achieved);
    EXPECT_EQ(r.credits, 8);  // X or Y, plus Z
    rules.min_credits = 8;
    r = evaluate_rules(qualification(rules), c.lookup(), {"X", "Y", "Z"});
    EXPECT_TRUE(r.achieved);
    EXPECT_EQ(r.counted_units.size(), 2u);
}

TEST(RulesEvaluator, RqfUnitsWithoutCreditCountByUnit) {
    Catalogue c;
    c.unit("R1", 2, std::nullopt).unit("R2", 2, std::nullopt).unit("R3", 2, std::nullopt);
    RulesOfCombination rules;
    rules.groups = {group("M", {"R1", "R2", "R3"}, true)};
    auto r = evaluate_rules(qualification(rules), c.lookup(), {"R1", "R2", "R3"});
    EXPECT_TRUE(r.achieved);
    EXPECT_EQ(r.credits, 0);
    EXPECT_EQ(r.counted_units.size(), 3u);
    r = evaluate_rules(qualification(rules), c.lookup(), {"R1", "R3"});
    EXPECT_FALSE(r.achieved);
    EXPECT_EQ(r.missing, (std::vector<std::string>{"needs mandatory unit R2 Unit R2"}));
}

TEST(RulesEvaluator, UnitsOutsideTheQualificationAreReportedNotCounted) {
    Catalogue c;
    c.unit("M1", 2, 4).unit("OTHER", 2, 9);
    RulesOfCombination rules;
    rules.groups = {group("M", {"M1"}, true)};
    rules.min_credits = 4;
    const auto r = evaluate_rules(qualification(rules), c.lookup(), {"M1", "OTHER", "UNKNOWN"});
    EXPECT_TRUE(r.achieved);
    EXPECT_EQ(r.credits, 4);
    EXPECT_EQ(r.foreign_units, (std::vector<std::string>{"OTHER", "UNKNOWN"}));
}

TEST(RulesEvaluator, NothingAchievedExplainsEverythingStillNeeded) {
    Catalogue c;
    c.unit("M1", 3, 6).unit("B1", 3, 5);
    RulesOfCombination rules;
    auto b = group("B", {"B1"});
    b.min_credits = 5;
    rules.groups = {group("M", {"M1"}, true), b};
    rules.min_credits = 11;
    const auto r = evaluate_rules(qualification(rules), c.lookup(), {});
    EXPECT_FALSE(r.achieved);
    EXPECT_EQ(r.credits, 0);
    EXPECT_EQ(r.missing.size(), 3u);
    EXPECT_TRUE(mentions(r, "needs mandatory unit M1"));
    EXPECT_TRUE(mentions(r, "needs 5 more credits from Group B (has 0 of 5)"));
    EXPECT_TRUE(mentions(r, "needs 11 more credits in total (has 0 of 11)"));
}

TEST(RulesEvaluator, LargeOptionalGroupsStayExactAndFast) {
    // 60 optional units in three groups with caps and minimums: the class-based
    // search must still find the one valid mix.
    Catalogue c;
    RulesOfCombination rules;
    std::set<std::string> achieved;
    for (int g = 0; g < 3; ++g) {
        UnitGroup grp = group(std::string(1, static_cast<char>('A' + g)), {});
        for (int i = 0; i < 20; ++i) {
            const std::string code = grp.id + std::to_string(i);
            c.unit(code, 2 + (i % 2), 3 + (i % 5));
            grp.units.push_back(code);
            achieved.insert(code);
        }
        grp.max_credits = 13 + g;
        grp.min_credits = 12;
        rules.groups.push_back(grp);
    }
    rules.min_credits = 36 + 3;  // 13 + 14 + 15 = 42 possible at most
    LevelRule lr;
    lr.min_credits = 40;
    lr.min_level = 3;
    rules.level_rules = {lr};
    const auto r = evaluate_rules(qualification(rules), c.lookup(), achieved);
    // Level 3 units have odd i: credits 4, 6, 3, 5, 7 (i = 1, 3, 5, 7, 9 ...): caps 13, 14, 15 are all
    // reachable from level-3 units alone (6+7, 7+7, 4+5+6), so 42 credits at level 3.
    EXPECT_TRUE(r.achieved);
    EXPECT_EQ(r.credits, 42);
}
