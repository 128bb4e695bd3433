// Every rule of combination in the seeds, evaluated on the bundled
// specifications: achieved and not-achieved cases for each.
#include <gtest/gtest.h>

#include "bundled_bank.hpp"
#include "item_bank/rules_evaluator.hpp"

using namespace item_bank;

namespace {

RulesOutcome evaluate(const std::string& qualification, const std::set<std::string>& units) {
    const Bank& bank = exam_test::bundled_bank();
    const Qualification* q = bank.qualification(qualification);
    if (q == nullptr) {
        ADD_FAILURE() << "no qualification " << qualification;
        return {};
    }
    for (const auto& u : units) {
        if (bank.unit(u) == nullptr) ADD_FAILURE() << "no unit " << u;
    }
    return evaluate_rules(*q, [&](const std::string& code) { return bank.unit(code); }, units);
}

::testing::AssertionResult mentions(const RulesOutcome& r, const std::string& text) {
    for (const auto& m : r.missing) {
        if (m.find(text) != std::string::npos) return ::testing::AssertionSuccess();
    }
    auto failure = ::testing::AssertionFailure() << "no sentence mentions \"" << text << "\"; sentences:";
    for (const auto& m : r.missing) failure << "\n  " << m;
    return failure;
}

const std::set<std::string> vtct_l3_mandatory = {"UBU52", "UBU53", "UBU54", "UBU55", "UBU56", "UBU57"};

std::set<std::string> with(std::set<std::string> base, std::initializer_list<std::string> more) {
    base.insert(more.begin(), more.end());
    return base;
}

}  // namespace

// Pearson BTEC: four qualifications from units 1-5.

TEST(SeedRules, PearsonLevel2AwardNeedsUnits1And2) {
    auto r = evaluate("501/0441/X", {"Y/602/1353", "A/602/1359"});
    EXPECT_TRUE(r.achieved);
    EXPECT_EQ(r.credits, 10);
    r = evaluate("501/0441/X", {"Y/602/1353"});
    EXPECT_FALSE(r.achieved);
    EXPECT_TRUE(mentions(r, "needs mandatory unit A/602/1359"));
    EXPECT_TRUE(mentions(r, "needs 4 more credits in total (has 6 of 10)"));
}

TEST(SeedRules, PearsonLevel2CertificateNeedsUnits1To3) {
    auto r = evaluate("501/0442/1", {"Y/602/1353", "A/602/1359", "T/602/1361"});
    EXPECT_TRUE(r.achieved);
    EXPECT_EQ(r.credits, 13);
    r = evaluate("501/0442/1", {"Y/602/1353", "A/602/1359"});
    EXPECT_FALSE(r.achieved);
    EXPECT_TRUE(mentions(r, "needs mandatory unit T/602/1361"));
}

TEST(SeedRules, PearsonLevel3AwardNeedsUnits4And5) {
    auto r = evaluate("501/0444/5", {"K/602/1597", "M/602/1598"});
    EXPECT_TRUE(r.achieved);
    EXPECT_EQ(r.credits, 10);
    r = evaluate("501/0444/5", {"K/602/1597", "Y/602/1353"});
    EXPECT_FALSE(r.achieved);
    EXPECT_EQ(r.foreign_units, (std::vector<std::string>{"Y/602/1353"}));
    EXPECT_TRUE(mentions(r, "needs 4 more credits at level 3 or above (has 6 of 10)"));
}

TEST(SeedRules, PearsonLevel3CertificateCountsALevel2UnitWithTenCreditsAtLevel3) {
    auto r = evaluate("501/0443/3", {"T/602/1361", "K/602/1597", "M/602/1598"});
    EXPECT_TRUE(r.achieved);
    EXPECT_EQ(r.credits, 13);
    EXPECT_EQ(r.counted_units, (std::vector<std::string>{"T/602/1361", "K/602/1597", "M/602/1598"}));
    r = evaluate("501/0443/3", {"T/602/1361", "K/602/1597"});
    EXPECT_FALSE(r.achieved);
    EXPECT_TRUE(mentions(r, "needs 4 more credits at level 3 or above (has 6 of 10)"));
    EXPECT_TRUE(mentions(r, "needs 4 more credits in total (has 9 of 13)"));
}

TEST(SeedRules, OneUnitsCreditCountsTowardEveryQualificationContainingIt) {
    const std::set<std::string> all = {"Y/602/1353", "A/602/1359", "T/602/1361", "K/602/1597", "M/602/1598"};
    for (const char* q : {"501/0441/X", "501/0442/1", "501/0444/5", "501/0443/3"}) {
        EXPECT_TRUE(evaluate(q, all).achieved) << q;
    }
    const auto containing = exam_test::bundled_bank().qualifications_containing("T/602/1361");
    std::set<std::string> ids;
    for (const auto* q : containing) ids.insert(q->id);
    EXPECT_EQ(ids, (std::set<std::string>{"501/0442/1", "501/0443/3"}));
    EXPECT_TRUE(evaluate("501/0442/1", all).counted_units.size() == 3u);
    EXPECT_TRUE(evaluate("501/0443/3", all).counted_units.size() == 3u);
}

// VTCT Level 3 Diploma 601/4883/4: 55 credits; mandatory 31; B >= 15; C counts at most 9; 40 at level 3+.

TEST(SeedRules, VtctDiplomaAchievedWithMandatoryGroupBAndCappedGroupC) {
    auto r = evaluate("601/4883/4", with(vtct_l3_mandatory, {"UBU58", "UBU39", "UBU62", "UBU73", "UBU66"}));
    EXPECT_TRUE(r.achieved);
    EXPECT_EQ(r.credits, 56);  // 31 + 16 + 9
}

TEST(SeedRules, VtctDiplomaGroupCOverflowDoesNotDisqualify) {
    // C: 6 + 3 + 4 achieved; only 9 count, and the diploma is still achieved.
    auto r = evaluate("601/4883/4", with(vtct_l3_mandatory, {"UBU58", "UBU39", "UBU62", "UBU73", "UBU66", "UBU50"}));
    EXPECT_TRUE(r.achieved);
    EXPECT_EQ(r.credits, 56);
    EXPECT_EQ(r.uncounted_units, (std::vector<std::string>{"UBU50"}));
}

TEST(SeedRules, VtctDiplomaGroupCOverflowDoesNotMakeUpATotalShortfall) {
    // B 15, C 4 + 4 + 4 = 12 of which only 8 can count (units count whole): 54 of 55.
    auto r = evaluate("601/4883/4", with(vtct_l3_mandatory, {"UBU58", "UBU39", "UBU60", "UBU50", "UBU67", "UBU68"}));
    EXPECT_FALSE(r.achieved);
    EXPECT_EQ(r.credits, 54);
    EXPECT_TRUE(mentions(r, "needs 1 more credit in total (has 54 of 55)"));
}

TEST(SeedRules, VtctDiplomaLevelThresholdMissed) {
    // 55 credits, but the optional ones are all level 2: 31 at level 3 of the 40 needed.
    auto r = evaluate("601/4883/4",
                      with(vtct_l3_mandatory, {"UBU24", "UBU8", "UBU27", "UBU28", "UBU31", "UBU37", "UBU42"}));
    EXPECT_FALSE(r.achieved);
    EXPECT_EQ(r.credits, 55);
    EXPECT_TRUE(mentions(r, "needs 9 more credits at level 3 or above (has 31 of 40)"));
}

TEST(SeedRules, VtctDiplomaGroupBShortfallIsExplained) {
    auto r = evaluate("601/4883/4", with(vtct_l3_mandatory, {"UBU58", "UBU62", "UBU73", "UBU66"}));
    EXPECT_FALSE(r.achieved);
    EXPECT_TRUE(mentions(r, "needs 4 more credits from"));
    EXPECT_TRUE(mentions(r, "Group B (has 11 of 15)"));
}

TEST(SeedRules, VtctDiplomaMissingMandatoryUnit) {
    std::set<std::string> units = with(vtct_l3_mandatory, {"UBU58", "UBU39", "UBU62", "UBU73", "UBU66", "UBU60"});
    units.erase("UBU56");
    auto r = evaluate("601/4883/4", units);
    EXPECT_FALSE(r.achieved);
    EXPECT_TRUE(mentions(r, "needs mandatory unit UBU56"));
}

// EDI Level 2 NVQ Certificate: 28 credits; mandatory 8; a unit from each optional group; 11 at level 2+ from them.

TEST(SeedRules, EdiNvqAchievedWithAUnitFromEachOptionalGroup) {
    auto r = evaluate("EDI-L2-NVQ-CERT-CS", {"CU791", "CU792", "CU795", "CU806", "CU815", "CU826"});
    EXPECT_TRUE(r.achieved);
    EXPECT_EQ(r.credits, 29);
}

TEST(SeedRules, EdiNvqNeedsAUnitFromEveryOptionalGroupEvenWithEnoughCredit) {
    auto r = evaluate("EDI-L2-NVQ-CERT-CS", {"CU791", "CU792", "CU795", "CU796", "CU806", "CU826"});
    EXPECT_FALSE(r.achieved);
    EXPECT_EQ(r.credits, 28);
    ASSERT_EQ(r.missing.size(), 1u);
    EXPECT_TRUE(mentions(r, "needs 1 more unit from"));
    EXPECT_TRUE(mentions(r, "Group D"));
}

TEST(SeedRules, EdiNvqLevelThresholdOnOptionalGroupsMissed) {
    auto r = evaluate("EDI-L2-NVQ-CERT-CS", {"CU791", "CU792", "CU793", "CU794", "CU805", "CU813", "CU814", "CU826"});
    EXPECT_FALSE(r.achieved);
    EXPECT_EQ(r.credits, 37);
    EXPECT_TRUE(mentions(r, "needs 6 more credits at level 2 or above from"));
}

TEST(SeedRules, EdiNvqMandatoryUnitsAreRequired) {
    auto r = evaluate("EDI-L2-NVQ-CERT-CS", {"CU792", "CU795", "CU796", "CU806", "CU815", "CU826"});
    EXPECT_FALSE(r.achieved);
    EXPECT_TRUE(mentions(r, "needs mandatory unit CU791"));
}

// VTCT Level 2 Certificate and ProQual Level 2 Certificate (RQF, no unit credit).

TEST(SeedRules, VtctLevel2CertificateNeedsBothUnits) {
    auto r = evaluate("VTCT-L2-CERT-CS", {"UV20615", "UV20616"});
    EXPECT_TRUE(r.achieved);
    EXPECT_EQ(r.credits, 13);
    r = evaluate("VTCT-L2-CERT-CS", {"UV20615"});
    EXPECT_FALSE(r.achieved);
    EXPECT_TRUE(mentions(r, "needs mandatory unit UV20616"));
    EXPECT_TRUE(mentions(r, "needs 7 more credits in total (has 6 of 13)"));
}

TEST(SeedRules, ProQualRqfCertificateNeedsAllThreeUnitsWithoutCredit) {
    auto r = evaluate("601/4768/4", {"R/506/4854", "Y/506/4855", "K/503/0323"});
    EXPECT_TRUE(r.achieved);
    EXPECT_EQ(r.credits, 0);
    EXPECT_EQ(r.counted_units.size(), 3u);
    r = evaluate("601/4768/4", {"R/506/4854", "K/503/0323"});
    EXPECT_FALSE(r.achieved);
    EXPECT_EQ(r.missing.size(), 1u);
    EXPECT_TRUE(mentions(r, "needs mandatory unit Y/506/4855"));
}
