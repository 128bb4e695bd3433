// The credit ledger end to end: a passed test is credit exactly once; other
// routes need evidence; voiding keeps the record; progress applies the rules
// of combination, one unit counting toward every qualification containing it.
#include <boost/json.hpp>

#include "bundled_bank.hpp"
#include "server_fixture.hpp"
#include "services/attempt_service.hpp"

namespace json = boost::json;

class CreditLedger : public exam_test::ServerFixture {
protected:
    // Candidate 0001 (id 1) sits session 1's test (unit K/602/1597) and answers every item correctly.
    void pass_unit_4() {
        const auto token = candidate_token("0001");
        auto items = start_and_fetch(token).at("items").as_array();
        const auto attempt = app_->attempts().get(1).value();
        for (std::size_t i = 0; i < items.size(); ++i) {
            json::array key;
            for (const auto& k : exam_test::bundled_bank().item(attempt.form[i].item_id)->key) key.push_back(json::value(k));
            client().put("/api/v1/attempt/responses/" + std::to_string(i),
                         json::serialize(json::object{{"sequence", 1}, {"selected", key}}), token);
        }
        ASSERT_EQ(client().post("/api/v1/attempt/submit", R"({"confirm":true})", token).status, 200);
    }
    json::array achievements(const std::string& staff) {
        const auto reply = client().get("/api/v1/candidates/1/achievements", staff).json();
        return reply.at("achievements").as_array();
    }
    exam_test::Reply record(const std::string& staff, const std::string& unit, const std::string& route = "internal_assessment",
                            const std::string& on = "2026-06-01", const std::string& evidence = "Portfolio ref 12") {
        return client().post("/api/v1/candidates/1/achievements",
                             json::serialize(json::object{{"unit", unit}, {"route", route}, {"evidence", evidence},
                                                          {"achieved_on", on}}),
                             staff);
    }
    json::object progress_of(const std::string& staff, const std::string& qualification) {
        const auto reply = client().get("/api/v1/candidates/1/progress", staff).json();
        for (const auto& r : reply.at("registrations").as_array()) {
            if (r.at("qualification").as_string() == qualification) return r.as_object();
        }
        ADD_FAILURE() << "no registration on " << qualification;
        return {};
    }
};

TEST_F(CreditLedger, APassedTestIsCreditExactlyOnceAcrossRestarts) {
    pass_unit_4();
    const auto admin = staff_token("centre.admin");
    auto list = achievements(admin);
    ASSERT_EQ(list.size(), 1u);
    EXPECT_EQ(list[0].at("unit").as_string(), "K/602/1597");
    EXPECT_EQ(list[0].at("route").as_string(), "onscreen_test");
    EXPECT_EQ(list[0].at("attempt").as_int64(), 1);
    EXPECT_EQ(list[0].at("achieved_on").as_string(), "2026-11-25");
    restart_server();
    EXPECT_EQ(achievements(staff_token("centre.admin")).size(), 1u);
    // The same unit cannot be recorded again by another route while the first is active.
    auto again = record(staff_token("centre.admin"), "K/602/1597");
    EXPECT_EQ(again.status, 409);
    EXPECT_EQ(again.json().at("error").at("field").as_string(), "/unit");
}

TEST_F(CreditLedger, ProgressCountsOneUnitTowardEveryQualificationContainingIt) {
    const auto admin = staff_token("centre.admin");
    ASSERT_EQ(client().post("/api/v1/candidates/1/registrations", R"({"qualification":"501/0442/1"})", admin).status, 201);
    ASSERT_EQ(record(admin, "Y/602/1353").status, 201);
    ASSERT_EQ(record(admin, "A/602/1359", "credit_transfer", "2024-09-01", "Transcript CT-88").status, 201);
    auto unit3 = record(admin, "T/602/1361", "recognition_of_prior_learning", "2025-01-15", "RPL file 3");
    ASSERT_EQ(unit3.status, 201);
    pass_unit_4();

    auto l2 = progress_of(admin, "501/0442/1");
    EXPECT_TRUE(l2.at("achieved").as_bool());
    EXPECT_EQ(l2.at("credits").as_int64(), 13);
    auto l3 = progress_of(admin, "501/0443/3");
    EXPECT_FALSE(l3.at("achieved").as_bool());
    EXPECT_EQ(l3.at("credits").as_int64(), 9);  // unit 3 (3) counts here too, with unit 4 (6)
    EXPECT_EQ(l3.at("missing").as_array()[0].as_string(), "needs mandatory unit M/602/1598 Improving Customer Service");

    // Voiding unit 3 keeps the record, marked void, and both qualifications lose it.
    const auto id = unit3.json().at("id").as_int64();
    auto voided = client().post("/api/v1/achievements/" + std::to_string(id) + "/void",
                                R"({"reason":"evidence did not meet criterion 2.3"})", admin);
    ASSERT_EQ(voided.status, 200) << voided.body;
    EXPECT_FALSE(progress_of(admin, "501/0442/1").at("achieved").as_bool());
    EXPECT_EQ(progress_of(admin, "501/0443/3").at("credits").as_int64(), 6);
    bool kept = false;
    for (const auto& a : achievements(admin)) {
        if (a.at("id").as_int64() == id) {
            kept = a.at("status").as_string() == "voided" &&
                   a.at("void_reason").as_string() == "evidence did not meet criterion 2.3";
        }
    }
    EXPECT_TRUE(kept);
    EXPECT_EQ(client().post("/api/v1/achievements/" + std::to_string(id) + "/void", R"({"reason":"again"})", admin).status,
              409);
    // After the void, the unit may be recorded again.
    EXPECT_EQ(record(admin, "T/602/1361").status, 201);
    EXPECT_TRUE(progress_of(admin, "501/0442/1").at("achieved").as_bool());
}

TEST_F(CreditLedger, BadAchievementsAreRefusedByField) {
    const auto admin = staff_token("centre.admin");
    auto r = record(admin, "K/602/1597", "onscreen_test");
    EXPECT_EQ(r.status, 422);
    EXPECT_EQ(r.json().at("error").at("field").as_string(), "/route");
    r = record(admin, "K/602/1597", "internal_assessment", "2027-01-01");
    EXPECT_EQ(r.json().at("error").at("field").as_string(), "/achieved_on");
    r = record(admin, "Z/999/9999");
    EXPECT_EQ(r.json().at("error").at("field").as_string(), "/unit");
    r = record(admin, "K/602/1597", "internal_assessment", "2026-06-01", "   ");
    EXPECT_EQ(r.json().at("error").at("field").as_string(), "/evidence");
    r = record(admin, "K/602/1597", "by_magic");
    EXPECT_EQ(r.json().at("error").at("field").as_string(), "/route");
    EXPECT_TRUE(achievements(admin).empty());
    EXPECT_EQ(client().post("/api/v1/achievements/1/void", R"({"reason":""})", admin).status, 404);
}
