// The seed qualifications as encoded in item-bank/data: present, complete and
// consistent with the figures the seeds print.
#include <gtest/gtest.h>

#include <regex>

#include "bundled_bank.hpp"

using namespace item_bank;

namespace {

const Bank& bank() { return exam_test::bundled_bank(); }

int credits_of(const Qualification& q, const UnitGroup& g) {
    int sum = 0;
    for (const auto& code : g.units) sum += bank().unit(code)->credit_or_zero();
    (void)q;
    return sum;
}

std::size_t criteria_count(const Unit& u) {
    std::size_t n = 0;
    for (const auto& lo : u.learning_outcomes) n += lo.criteria.size();
    return n;
}

}  // namespace

TEST(SeedSpecifications, EveryQualificationOfTheSeedsIsPresent) {
    for (const char* id : {"501/0441/X", "501/0442/1", "501/0444/5", "501/0443/3", "601/4883/4", "601/4768/4",
                           "VTCT-L2-CERT-CS", "EDI-L2-NVQ-CERT-CS"}) {
        EXPECT_NE(bank().qualification(id), nullptr) << id;
    }
}

TEST(SeedSpecifications, PearsonUnitsOneToFiveInFull) {
    struct Expected {
        const char* code;
        const char* reference;
        int level, credit, glh;
        std::size_t outcomes, criteria;
    };
    const Expected expected[] = {
        {"Y/602/1353", "Unit 1", 2, 6, 40, 4, 25}, {"A/602/1359", "Unit 2", 2, 4, 25, 3, 21},
        {"T/602/1361", "Unit 3", 2, 3, 20, 2, 13}, {"K/602/1597", "Unit 4", 3, 6, 40, 5, 24},
        {"M/602/1598", "Unit 5", 3, 4, 25, 3, 17},
    };
    for (const auto& e : expected) {
        const Unit* u = bank().unit(e.code);
        ASSERT_NE(u, nullptr) << e.code;
        EXPECT_EQ(u->reference, e.reference);
        EXPECT_EQ(u->level, e.level) << e.code;
        EXPECT_EQ(u->credit, e.credit) << e.code;
        EXPECT_EQ(u->glh, e.glh) << e.code;
        EXPECT_EQ(u->learning_outcomes.size(), e.outcomes) << e.code;
        EXPECT_EQ(criteria_count(*u), e.criteria) << e.code;
        EXPECT_TRUE(u->has_method(AssessmentMethod::onscreen_test)) << e.code;
        for (const auto& lo : u->learning_outcomes) {
            EXPECT_GT(lo.content.size(), 100u) << e.code << " LO " << lo.number << " has no unit content";
        }
    }
    const Unit* u1 = bank().unit("Y/602/1353");
    EXPECT_EQ(u1->learning_outcomes[0].text, "Know the characteristics of customers and their expectations");
    EXPECT_EQ(u1->criterion("1.1")->text, "identify the differences between internal and external customers");
}

TEST(SeedSpecifications, QualificationCreditsMatchTheirMandatoryUnits) {
    for (const char* id : {"501/0441/X", "501/0442/1", "501/0444/5", "501/0443/3", "VTCT-L2-CERT-CS"}) {
        const Qualification* q = bank().qualification(id);
        ASSERT_NE(q, nullptr);
        ASSERT_EQ(q->rules.groups.size(), 1u) << id;
        EXPECT_EQ(credits_of(*q, q->rules.groups[0]), *q->credit) << id;
    }
}

TEST(SeedSpecifications, VtctLevel3DiplomaStructure) {
    const Qualification* q = bank().qualification("601/4883/4");
    ASSERT_NE(q, nullptr);
    EXPECT_EQ(q->rules.min_credits, 55);
    ASSERT_EQ(q->rules.groups.size(), 3u);
    EXPECT_TRUE(q->rules.groups[0].mandatory);
    EXPECT_EQ(credits_of(*q, q->rules.groups[0]), 31);
    EXPECT_EQ(q->rules.groups[1].min_credits, 15);
    EXPECT_EQ(q->rules.groups[2].max_credits, 9);
    ASSERT_EQ(q->rules.level_rules.size(), 1u);
    EXPECT_EQ(q->rules.level_rules[0].min_credits, 40);
    EXPECT_EQ(q->rules.level_rules[0].min_level, 3);
    std::size_t units = 0;
    for (const auto& g : q->rules.groups) units += g.units.size();
    EXPECT_EQ(units, 45u);
    for (const auto& code : q->rules.groups[0].units) {
        EXPECT_FALSE(bank().unit(code)->learning_outcomes.empty()) << code;
        EXPECT_FALSE(bank().unit(code)->reference.empty()) << code;
    }
}

TEST(SeedSpecifications, EdiNvqUnitCodesAreRecoveredAsCUnnn) {
    const Qualification* q = bank().qualification("EDI-L2-NVQ-CERT-CS");
    ASSERT_NE(q, nullptr);
    const std::regex code("CU[0-9]{3}");
    ASSERT_EQ(q->rules.groups.size(), 5u);
    EXPECT_TRUE(q->rules.groups[0].mandatory);
    EXPECT_EQ(credits_of(*q, q->rules.groups[0]), 8);
    std::set<std::string> all;
    for (const auto& g : q->rules.groups) {
        for (const auto& c : g.units) {
            EXPECT_TRUE(std::regex_match(c, code)) << c;
            EXPECT_TRUE(all.insert(c).second) << c;
        }
        if (!g.mandatory) {
            EXPECT_EQ(g.min_units, 1) << g.id;
        }
    }
    EXPECT_EQ(all.size(), 49u);
    EXPECT_EQ(q->rules.min_credits, 28);
}

TEST(SeedSpecifications, ProQualIsRqfWithUnitsWithoutCredit) {
    const Qualification* q = bank().qualification("601/4768/4");
    ASSERT_NE(q, nullptr);
    EXPECT_EQ(q->framework, Framework::rqf);
    EXPECT_FALSE(q->credit.has_value());
    ASSERT_EQ(q->rules.groups.size(), 1u);
    EXPECT_EQ(q->rules.groups[0].units.size(), 3u);
    for (const auto& code : q->rules.groups[0].units) {
        const Unit* u = bank().unit(code);
        EXPECT_FALSE(u->credit.has_value()) << code;
        EXPECT_EQ(u->learning_outcomes.size(), 5u) << code;
    }
}

TEST(SeedSpecifications, VtctLevel2UnitsCarryTheirKnowledgeOutcomes) {
    for (const char* code : {"UV20615", "UV20616"}) {
        const Unit* u = bank().unit(code);
        ASSERT_NE(u, nullptr) << code;
        EXPECT_EQ(u->level, 2);
        EXPECT_FALSE(u->learning_outcomes.empty()) << code;
        EXPECT_GT(criteria_count(*u), 20u) << code;
    }
    EXPECT_EQ(bank().unit("UV20615")->credit, 6);
    EXPECT_EQ(bank().unit("UV20616")->credit, 7);
}

TEST(SeedSpecifications, EveryCriterionNumberBelongsToItsOutcome) {
    for (const auto& u : bank().units()) {
        for (const auto& lo : u.learning_outcomes) {
            for (const auto& ac : lo.criteria) {
                EXPECT_EQ(ac.number.substr(0, ac.number.find('.')), lo.number) << u.code << " " << ac.number;
            }
        }
    }
}
