// Centre records the staff console edits: a candidate's details corrected
// with an audited reason, a session's invigilators reassigned, and the
// awarding organisation's read-only view of the bank's coverage.
#include <boost/json.hpp>

#include <set>
#include <string>

#include "server_fixture.hpp"

namespace json = boost::json;

class CentreRecords : public exam_test::ServerFixture {};

TEST_F(CentreRecords, ACandidatesDetailsAreCorrectedWithAReasonTheAuditKeeps) {
    const auto admin = staff_token("centre.admin");
    auto no_reason = client().request("PATCH", "/api/v1/candidates/1", R"({"family_name":"Okafor"})", admin);
    EXPECT_EQ(no_reason.status, 422);
    EXPECT_EQ(no_reason.json().at("error").at("field").as_string(), "/reason");
    auto bad_uln = client().request("PATCH", "/api/v1/candidates/1", R"({"uln":"1234567890","reason":"typo"})", admin);
    EXPECT_EQ(bad_uln.status, 422);
    EXPECT_EQ(bad_uln.json().at("error").at("field").as_string(), "/uln");
    auto number = client().request("PATCH", "/api/v1/candidates/1", R"({"candidate_number":"9999","reason":"x"})", admin);
    EXPECT_EQ(number.status, 422) << "the candidate number never changes";

    auto fixed = client().request("PATCH", "/api/v1/candidates/1",
                                  R"({"family_name":"Okafor","extra_time_percent":25,"reason":"name changed by deed poll"})",
                                  admin);
    ASSERT_EQ(fixed.status, 200) << fixed.body;
    EXPECT_EQ(fixed.json().at("family_name").as_string(), "Okafor");
    auto read = client().get("/api/v1/candidates/1", admin).json();
    EXPECT_EQ(read.at("family_name").as_string(), "Okafor");
    EXPECT_EQ(read.at("extra_time_percent").as_int64(), 25);
    EXPECT_EQ(read.at("candidate_number").as_string(), "0001");

    const auto rows = query("SELECT actor, details FROM audit_log WHERE action = 'candidate.update'");
    ASSERT_EQ(rows.size(), 1u);
    EXPECT_EQ(rows[0][0], "staff:centre.admin");
    EXPECT_EQ(rows[0][1], R"({"fields":["family_name","extra_time_percent"],"reason":"name changed by deed poll"})");

    EXPECT_EQ(client().request("PATCH", "/api/v1/candidates/1", R"({"family_name":"X","reason":"y"})",
                               staff_token("invigilator")).status, 403);
}

TEST_F(CentreRecords, ASessionsInvigilatorsAreReassignedAndOnlyTheyRunIt) {
    const auto admin = staff_token("centre.admin");
    ASSERT_EQ(client().post("/api/v1/staff",
                            R"({"username":"second.invigilator","display_name":"Second","role":"invigilator","centre":1,
                                "password":"another-password-2026"})",
                            staff_token("ao.admin")).status, 201);
    const auto second = client().post("/api/v1/auth/login",
                                      R"({"username":"second.invigilator","password":"another-password-2026"})");
    const std::string second_token(second.json().at("token").as_string());
    const auto second_id = client().get("/api/v1/me", second_token).json().at("id").as_int64();
    EXPECT_EQ(client().get("/api/v1/sessions/1/room", second_token).status, 404);

    auto bad = client().put("/api/v1/sessions/1/invigilators", R"({"invigilators":[1]})", admin);
    EXPECT_EQ(bad.status, 422) << "user 1 is the AO admin";
    EXPECT_EQ(bad.json().at("error").at("field").as_string(), "/invigilators/0");

    auto assigned = client().put("/api/v1/sessions/1/invigilators",
                                 R"({"invigilators":[)" + std::to_string(second_id) + "]}", admin);
    ASSERT_EQ(assigned.status, 200) << assigned.body;
    EXPECT_EQ(client().get("/api/v1/sessions/1/room", second_token).status, 200);
    EXPECT_EQ(client().get("/api/v1/sessions/1/room", staff_token("invigilator")).status, 404)
        << "the first invigilator was taken off the session";
}

TEST_F(CentreRecords, TheAwardingOrganisationSeesEachCriterionsLiveItemsAndTheFormsUsingThem) {
    auto refused = client().get("/api/v1/bank", staff_token("centre.admin"));
    EXPECT_EQ(refused.status, 403);
    auto r = client().get("/api/v1/bank", staff_token("ao.admin"));
    ASSERT_EQ(r.status, 200) << r.body.substr(0, 300);
    const auto bank = r.json();
    bool found_unit4 = false;
    for (const auto& u : bank.at("units").as_array()) {
        if (u.at("code").as_string() != "K/602/1597") continue;
        found_unit4 = true;
        EXPECT_FALSE(u.at("test_specification").is_null());
        std::int64_t live = 0;
        bool some_form = false;
        for (const auto& lo : u.at("learning_outcomes").as_array()) {
            EXPECT_TRUE(lo.as_object().contains("blueprint"));
            for (const auto& ac : lo.at("criteria").as_array()) {
                live += ac.at("live_items").as_int64();
                if (!ac.at("forms").as_array().empty()) some_form = true;
            }
        }
        EXPECT_GT(live, 0);
        EXPECT_TRUE(some_form) << "unit 4 has published forms";
        EXPECT_EQ(u.at("criteria_without_live_items").as_int64(), 0);
    }
    EXPECT_TRUE(found_unit4);
    bool l3_certificate = false;
    for (const auto& q : bank.at("qualifications").as_array()) {
        if (q.at("id").as_string() == "501/0443/3") l3_certificate = true;
    }
    EXPECT_TRUE(l3_certificate);
}

TEST_F(CentreRecords, TheCentresStaffAreListedForAssigningInvigilatorsWithoutTheirPasswords) {
    auto r = client().get("/api/v1/centres/1/staff", staff_token("centre.admin"));
    ASSERT_EQ(r.status, 200) << r.body;
    std::set<std::string> names;
    const auto doc = r.json();
    for (const auto& u : doc.at("staff").as_array()) {
        names.insert(std::string(u.at("username").as_string()));
        EXPECT_EQ(u.at("centre").as_int64(), 1);
        EXPECT_FALSE(u.as_object().contains("password_hash"));
    }
    EXPECT_EQ(names, (std::set<std::string>{"centre.admin", "invigilator"})) << "the AO's own admin is no centre's staff";
    EXPECT_EQ(r.body.find("scrypt"), std::string::npos);
    EXPECT_EQ(client().get("/api/v1/centres/1/staff", staff_token("invigilator")).status, 403);
    EXPECT_EQ(client().get("/api/v1/centres/99/staff", staff_token("ao.admin")).status, 404);
}

TEST_F(CentreRecords, TheCatalogueTellsEveryStaffRoleWhatCanBeBookedAndNothingOfItems) {
    auto r = client().get("/api/v1/catalogue", staff_token("invigilator"));
    ASSERT_EQ(r.status, 200);
    const auto doc = r.json();
    bool unit4 = false, internal_only = false;
    for (const auto& u : doc.at("units").as_array()) {
        if (u.at("code").as_string() == "K/602/1597") {
            unit4 = true;
            EXPECT_EQ(u.at("level").as_int64(), 3);
            EXPECT_EQ(u.at("onscreen_test").at("items").as_int64(), 24);
            EXPECT_EQ(u.at("onscreen_test").at("duration_minutes").as_int64(), 40);
        }
        if (u.at("onscreen_test").is_null()) internal_only = true;
    }
    EXPECT_TRUE(unit4);
    EXPECT_TRUE(internal_only) << "units assessed only internally say so";
    EXPECT_FALSE(doc.at("qualifications").as_array().empty());
    for (const char* secret : {"\"key\"", "\"stem\"", "\"options\"", "\"rationale\""}) {
        EXPECT_EQ(r.body.find(secret), std::string::npos) << secret;
    }
}
