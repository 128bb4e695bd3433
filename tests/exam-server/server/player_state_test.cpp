// The candidate's place and display settings kept on the server: another
// log-in (another computer) and a restart find them; only known settings are
// kept; nothing is kept once the attempt is over. And the display settings of
// a candidate's access arrangements, which the player starts with.
#include <gtest/gtest.h>

#include <boost/json.hpp>

#include "server_fixture.hpp"

namespace {

using exam_test::ServerFixture;
namespace json = boost::json;

const std::string cream_wide =
    R"({"position":5,"display":{"text_size":150,"overlay":"cream","high_contrast":true,"line_spacing":"wide"}})";

std::string field_of(const exam_test::Reply& r) {
    const auto body = r.json();
    if (!body.is_object() || !body.as_object().contains("error")) return "(no error)";
    const auto& e = body.at("error").as_object();
    return e.contains("field") ? std::string(e.at("field").as_string()) : "";
}

class PlayerStateTest : public ServerFixture {};

TEST_F(PlayerStateTest, AnotherLogInAndARestartFindThePlaceAndTheSettings) {
    const auto token = candidate_token("0001");
    start_and_fetch(token);
    auto before = client().get("/api/v1/attempt/player-state", token);
    ASSERT_EQ(before.status, 200) << before.body;
    EXPECT_TRUE(before.json().at("position").is_null());
    EXPECT_TRUE(before.json().at("display").is_null());

    auto saved = client().put("/api/v1/attempt/player-state", cream_wide, token);
    ASSERT_EQ(saved.status, 200) << saved.body;

    const auto again = candidate_token("0001");  // a new token, as on another computer
    auto found = client().get("/api/v1/attempt/player-state", again).json();
    EXPECT_EQ(found.at("position").as_int64(), 5);
    EXPECT_EQ(found.at("display").at("text_size").as_int64(), 150);
    EXPECT_EQ(found.at("display").at("overlay").as_string(), "cream");
    EXPECT_EQ(found.at("display").at("high_contrast").as_bool(), true);
    EXPECT_EQ(found.at("display").at("line_spacing").as_string(), "wide");

    restart_server();
    auto after = client().get("/api/v1/attempt/player-state", again).json();
    EXPECT_EQ(after.at("position").as_int64(), 5);
    EXPECT_EQ(after.at("display").at("overlay").as_string(), "cream");

    // Another candidate has none of it.
    const auto other = candidate_token("0002");
    EXPECT_TRUE(client().get("/api/v1/attempt/player-state", other).json().at("position").is_null());
}

TEST_F(PlayerStateTest, OnlyKnownSettingsAndPositionsInsideTheFormAreKept) {
    const auto token = candidate_token("0003");
    const auto items = start_and_fetch(token).at("items").as_array().size();
    const std::string good_display = R"("display":{"text_size":100,"overlay":"none","high_contrast":false,"line_spacing":"normal"})";
    struct Case {
        std::string body;
        std::string field;
    };
    const std::vector<Case> cases = {
        {R"({"position":)" + std::to_string(items) + "," + good_display + "}", "/position"},
        {R"({"position":-1,)" + good_display + "}", "/position"},
        {R"({"position":0})", "/display"},
        {R"({"position":0,"display":{"text_size":120,"overlay":"none","high_contrast":false,"line_spacing":"normal"}})",
         "/display/text_size"},
        {R"({"position":0,"display":{"text_size":100,"overlay":"purple","high_contrast":false,"line_spacing":"normal"}})",
         "/display/overlay"},
        {R"({"position":0,"display":{"text_size":100,"overlay":"none","high_contrast":"yes","line_spacing":"normal"}})",
         "/display/high_contrast"},
        {R"({"position":0,"display":{"text_size":100,"overlay":"none","high_contrast":false,"line_spacing":"double"}})",
         "/display/line_spacing"},
        {R"({"position":0,"display":{"text_size":100,"overlay":"none","high_contrast":false,"line_spacing":"normal","font":"x"}})",
         "/display/font"},
    };
    for (const auto& c : cases) {
        auto r = client().put("/api/v1/attempt/player-state", c.body, token);
        EXPECT_EQ(r.status / 100, 4) << c.body << " -> " << r.body;
        EXPECT_EQ(field_of(r), c.field) << c.body << " -> " << r.body;
    }
    EXPECT_TRUE(client().get("/api/v1/attempt/player-state", token).json().at("position").is_null());
    auto last = client().put("/api/v1/attempt/player-state",
                             R"({"position":)" + std::to_string(items - 1) + "," + good_display + "}", token);
    EXPECT_EQ(last.status, 200) << last.body;
}

TEST_F(PlayerStateTest, NothingIsKeptOnceTheAttemptIsOver) {
    const auto token = candidate_token("0004");
    start_and_fetch(token);
    ASSERT_EQ(client().post("/api/v1/attempt/submit", R"({"confirm":true})", token).status, 200);
    auto r = client().put("/api/v1/attempt/player-state", cream_wide, token);
    EXPECT_EQ(r.status, 409) << r.body;
    EXPECT_NE(r.body.find("attempt_finished"), std::string::npos) << r.body;
}

std::int64_t candidate_id(exam_test::HttpsClient& client, const std::string& admin, const std::string& number) {
    auto list = client.get("/api/v1/centres/1/candidates", admin).json();
    for (const auto& c : list.at("candidates").as_array()) {
        if (c.at("candidate_number").as_string() == number) return c.at("id").as_int64();
    }
    ADD_FAILURE() << "no candidate " << number;
    return 0;
}

TEST_F(PlayerStateTest, TheCandidatesDisplayArrangementIsWhereThePlayerStartsUntilTheyChooseTheirOwn) {
    const auto admin = staff_token("centre.admin");
    const auto id = candidate_id(client(), admin, "0002");
    const std::string path = "/api/v1/candidates/" + std::to_string(id) + "/display-arrangement";
    EXPECT_TRUE(client().get(path, admin).json().at("display").is_null());
    auto set = client().put(
        path, R"({"display":{"text_size":200,"overlay":"yellow","high_contrast":false,"line_spacing":"wider"}})", admin);
    ASSERT_EQ(set.status, 200) << set.body;
    EXPECT_EQ(client().get(path, admin).json().at("display").at("overlay").as_string(), "yellow");

    const auto token = candidate_token("0002");
    auto start = client().get("/api/v1/attempt/player-state", token).json();
    EXPECT_EQ(start.at("display_source").as_string(), "arrangement");
    EXPECT_EQ(start.at("display").at("text_size").as_int64(), 200);
    EXPECT_TRUE(start.at("position").is_null());

    // The candidate changes a setting: their own choice wins from then on.
    start_and_fetch(token);
    ASSERT_EQ(client().put("/api/v1/attempt/player-state", cream_wide, token).status, 200);
    auto own = client().get("/api/v1/attempt/player-state", token).json();
    EXPECT_EQ(own.at("display_source").as_string(), "player");
    EXPECT_EQ(own.at("display").at("overlay").as_string(), "cream");

    // Only known settings; invigilators may not set them; the change is audited.
    auto bad = client().put(path, R"({"display":{"text_size":300,"overlay":"none","high_contrast":false,"line_spacing":"normal"}})", admin);
    EXPECT_EQ(field_of(bad), "/display/text_size") << bad.body;
    auto by_invigilator = client().put(
        path, R"({"display":{"text_size":100,"overlay":"none","high_contrast":false,"line_spacing":"normal"}})",
        staff_token("invigilator"));
    EXPECT_EQ(by_invigilator.status, 403) << by_invigilator.body;
    auto audit = client().get("/api/v1/audit?limit=1000", staff_token("ao.admin"));
    EXPECT_NE(audit.body.find("candidate.display_arrangement"), std::string::npos) << audit.body;
}

}  // namespace
