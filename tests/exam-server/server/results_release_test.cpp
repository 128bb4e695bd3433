// Results the test specification holds stay hidden from the candidate until
// the awarding organisation releases them (DESIGN invariant 1).
#include <boost/json.hpp>

#include <filesystem>
#include <fstream>
#include <sstream>

#include "bundled_bank.hpp"
#include "server_fixture.hpp"

class HeldResults : public exam_test::ServerFixture {
protected:
    void SetUp() override {
        // A copy of the bundled bank whose unit 4 test holds its results.
        const auto bank = dir_.path() / "bank";
        std::filesystem::copy(exam_test::bundled_bank_dir(), bank, std::filesystem::copy_options::recursive);
        const auto spec = bank / "tests" / "k-602-1597.json";
        std::stringstream text;
        text << std::ifstream(spec).rdbuf();
        std::string json = text.str();
        const auto at = json.find("\"release\": \"immediate\"");
        ASSERT_NE(at, std::string::npos);
        json.replace(at, std::string("\"release\": \"immediate\"").size(), "\"release\": \"held\"");
        std::ofstream(spec) << json;
        bank_dir_ = bank.string();
        ServerFixture::SetUp();
    }
};

TEST_F(HeldResults, TheCandidateSeesNoScoreUntilTheAwardingOrganisationReleasesIt) {
    const auto token = candidate_token("0001");
    start_and_fetch(token);
    auto submitted = client().post("/api/v1/attempt/submit", R"({"confirm":true})", token);
    ASSERT_EQ(submitted.status, 200);
    EXPECT_EQ(submitted.body.find("raw_score"), std::string::npos);
    auto held = client().get("/api/v1/attempt/result", token);
    EXPECT_EQ(held.body, R"({"released":false})");

    // Staff see the mark; only the AO may release it.
    const auto centre_admin = staff_token("centre.admin");
    auto staff_view = client().get("/api/v1/attempts/1", centre_admin).json();
    EXPECT_FALSE(staff_view.at("result").at("released").as_bool());
    EXPECT_EQ(client().post("/api/v1/attempts/1/release", "", centre_admin).status, 403);
    EXPECT_EQ(client().post("/api/v1/attempts/1/release", "", staff_token("invigilator")).status, 403);
    auto released = client().post("/api/v1/attempts/1/release", "", staff_token("ao.admin"));
    ASSERT_EQ(released.status, 200) << released.body;

    auto result = client().get("/api/v1/attempt/result", token).json();
    EXPECT_TRUE(result.at("released").as_bool());
    EXPECT_EQ(result.at("available").as_int64(), 24);
}

TEST_F(HeldResults, AnUnsubmittedAttemptHasNothingToRelease) {
    const auto token = candidate_token("0001");
    start_and_fetch(token);
    EXPECT_EQ(client().post("/api/v1/attempts/1/release", "", staff_token("ao.admin")).status, 409);
    EXPECT_EQ(client().post("/api/v1/attempts/99/release", "", staff_token("ao.admin")).status, 404);
}
