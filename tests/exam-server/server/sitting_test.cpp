// A whole sitting against the real server: booking to result, and the
// candidate-facing invariants (no key, only one's own attempt).
#include <boost/json.hpp>

#include "bundled_bank.hpp"
#include "server_fixture.hpp"
#include "services/attempt_service.hpp"

namespace json = boost::json;
using exam_test::ServerFixture;

namespace {

std::string save_body(std::int64_t sequence, const std::vector<std::string>& selected, bool flagged = false) {
    json::array a;
    for (const auto& s : selected) a.push_back(json::value(s));
    return json::serialize(json::object{{"sequence", sequence}, {"selected", a}, {"flagged", flagged}});
}

}  // namespace

class Sitting : public ServerFixture {};

TEST_F(Sitting, FromBookingToResultThroughTheApi) {
    const auto admin = staff_token("centre.admin");
    // Book a new session for unit 3 (T/602/1361) with a new candidate, as a centre would.
    auto add = client().post("/api/v1/centres/1/candidates",
                             R"({"candidates":[{"candidate_number":"0100","given_name":"Eve","family_name":"Okafor",
                                 "date_of_birth":"2001-05-05","uln":"9276308686"}]})",
                             admin);
    ASSERT_EQ(add.status, 201) << add.body;
    const auto candidate = add.json().at("candidates").as_array()[0].at("id").as_int64();
    ASSERT_EQ(client().post("/api/v1/candidates/" + std::to_string(candidate) + "/registrations",
                            R"({"qualification":"501/0442/1"})", admin).status, 201);
    auto session = client().post("/api/v1/centres/1/sessions",
                                 R"({"unit":"T/602/1361","starts_at":"2026-11-25T08:30:00Z","ends_at":"2026-11-25T12:00:00Z",
                                     "room":"Library","invigilators":[3]})",
                                 admin);
    ASSERT_EQ(session.status, 201) << session.body;
    const auto session_id = std::to_string(session.json().at("id").as_int64());
    auto booked = client().post("/api/v1/sessions/" + session_id + "/bookings",
                                R"({"candidates":[)" + std::to_string(candidate) + "]}", admin);
    ASSERT_EQ(booked.status, 201) << booked.body;
    const std::string keycode(booked.json().at("bookings").as_array()[0].at("keycode").as_string());

    const std::string login_body =
        R"({"centre_number":"90001","candidate_number":"0100","keycode":")" + keycode + R"("})";
    auto early = client().post("/api/v1/candidate/login", login_body);
    EXPECT_EQ(early.status, 403) << "a session not yet opened refuses log-in";
    EXPECT_EQ(early.json().at("error").at("code").as_string(), "session_not_open");

    ASSERT_EQ(client().post("/api/v1/sessions/" + session_id + "/open", "", staff_token("invigilator")).status, 200);
    auto login = client().post("/api/v1/candidate/login", login_body);
    ASSERT_EQ(login.status, 200) << login.body;
    const std::string token(login.json().at("token").as_string());
    EXPECT_EQ(login.json().at("unit").at("code").as_string(), "T/602/1361");
    EXPECT_EQ(login.json().at("attempt").at("state").as_string(), "booked") << "logged in, not yet admitted";
    EXPECT_EQ(client().post("/api/v1/attempt/start", "", token).status, 409) << "no start before admission";
    const auto booking = booked.json().at("bookings").as_array()[0].at("id").as_int64();
    ASSERT_EQ(client().post("/api/v1/sessions/" + session_id + "/admit",
                            R"({"bookings":[)" + std::to_string(booking) + "]}", staff_token("invigilator")).status,
              200);

    auto items = start_and_fetch(token).at("items").as_array();
    ASSERT_EQ(items.size(), 13u);  // unit 3's item_count
    // Answer every item correctly, using the bank's keys (the test knows them; the candidate never does).
    const auto& bank = exam_test::bundled_bank();
    auto attempt = app_->attempts().get(1).value();
    for (std::size_t i = 0; i < items.size(); ++i) {
        const auto* item = bank.item(attempt.form[i].item_id);
        auto r = client().put("/api/v1/attempt/responses/" + std::to_string(i), save_body(1, item->key), token);
        ASSERT_EQ(r.status, 200) << r.body;
        EXPECT_TRUE(r.json().at("applied").as_bool());
    }
    auto summary = client().get("/api/v1/attempt/summary", token).json();
    EXPECT_EQ(summary.at("answered").as_int64(), 13);
    EXPECT_TRUE(summary.at("unanswered_positions").as_array().empty());

    auto submitted = client().post("/api/v1/attempt/submit", R"({"confirm":true})", token);
    ASSERT_EQ(submitted.status, 200) << submitted.body;
    EXPECT_EQ(submitted.json().at("state").as_string(), "marked");
    auto result = client().get("/api/v1/attempt/result", token).json();
    EXPECT_TRUE(result.at("released").as_bool());
    EXPECT_EQ(result.at("raw_score").as_int64(), 13);
    EXPECT_TRUE(result.at("passed").as_bool());
    EXPECT_EQ(result.at("by_learning_outcome").as_array().size(), 2u);

    // After submission nothing more can be saved.
    auto late = client().put("/api/v1/attempt/responses/0", save_body(2, {"A"}), token);
    EXPECT_EQ(late.status, 409);
    // Staff see the marked attempt with its result.
    auto staff_view = client().get("/api/v1/attempts/1", admin).json();
    EXPECT_EQ(staff_view.at("result").at("raw_score").as_int64(), 13);
}

TEST_F(Sitting, NoCandidateFacingReplyEverContainsAKeyOrRationale) {
    const auto token = candidate_token("0001");
    auto items = start_and_fetch(token).at("items").as_array();
    for (std::size_t i = 0; i < items.size(); ++i) {
        client().put("/api/v1/attempt/responses/" + std::to_string(i), save_body(1, {"A"}), token);
    }
    client().get("/api/v1/attempt/summary", token);
    client().post("/api/v1/attempt/heartbeat", "", token);
    client().get("/api/v1/attempt", token);
    const auto attempt = app_->attempts().get(1).value();
    const auto& bank = exam_test::bundled_bank();
    for (const auto& body : client().bodies_received()) {
        if (body.find("\"role\"") != std::string::npos) continue;  // staff replies made by the fixture
        EXPECT_EQ(body.find("\"key\""), std::string::npos) << body.substr(0, 200);
        EXPECT_EQ(body.find("rationale"), std::string::npos);
        EXPECT_EQ(body.find("raw_score"), std::string::npos);
        for (const auto& entry : attempt.form) {
            const auto* item = bank.item(entry.item_id);
            EXPECT_EQ(body.find(item->rationale.substr(0, 40)), std::string::npos) << entry.item_id;
        }
    }
    // The options of every item arrive in the recorded order, and only those.
    for (std::size_t i = 0; i < items.size(); ++i) {
        const auto& options = items[i].at("options").as_array();
        ASSERT_EQ(options.size(), attempt.form[i].option_order.size());
        for (std::size_t k = 0; k < options.size(); ++k) {
            EXPECT_EQ(options[k].at("id").as_string(), attempt.form[i].option_order[k]);
        }
    }
}

TEST_F(Sitting, ACandidateTokenReachesOnlyItsOwnAttempt) {
    const auto a = candidate_token("0001");
    const auto b = candidate_token("0002");
    start_and_fetch(a);
    start_and_fetch(b);
    ASSERT_EQ(client().put("/api/v1/attempt/responses/0", save_body(1, {"B"}), a).status, 200);
    // B's view is B's attempt: A's answer is not there.
    auto b_items = client().get("/api/v1/attempt/items", b).json();
    EXPECT_EQ(b_items.at("attempt").as_int64(), 2);
    EXPECT_TRUE(b_items.at("items").as_array()[0].at("response").at("selected").as_array().empty());
    // Candidate tokens open no staff endpoint.
    EXPECT_EQ(client().get("/api/v1/attempts/1", b).status, 403);
    EXPECT_EQ(client().get("/api/v1/centres/1/candidates", b).status, 403);
    EXPECT_EQ(client().get("/api/v1/sessions/1", a).status, 403);
}

TEST_F(Sitting, AStaleSequenceNumberNeverOverwritesANewerAnswer) {
    const auto token = candidate_token("0001");
    auto items = start_and_fetch(token).at("items").as_array();
    const std::string first(items[1].at("options").as_array()[0].at("id").as_string());
    const std::string second(items[1].at("options").as_array()[1].at("id").as_string());
    ASSERT_EQ(client().put("/api/v1/attempt/responses/1", save_body(5, {second}), token).status, 200);
    auto stale = client().put("/api/v1/attempt/responses/1", save_body(4, {first}), token);
    ASSERT_EQ(stale.status, 200) << "a stale change is acknowledged (the client may drop it) but not applied";
    EXPECT_FALSE(stale.json().at("applied").as_bool());
    EXPECT_EQ(stale.json().at("sequence").as_int64(), 5);
    auto again = client().put("/api/v1/attempt/responses/1", save_body(5, {first}), token);
    EXPECT_FALSE(again.json().at("applied").as_bool());
    auto now = client().get("/api/v1/attempt/items", token).json().at("items").as_array()[1].at("response");
    EXPECT_EQ(now.at("selected").as_array()[0].as_string(), second);
    EXPECT_EQ(now.at("sequence").as_int64(), 5);
    // And the same holds after a restart: it is what the database says.
    restart_server();
    now = client().get("/api/v1/attempt/items", token).json().at("items").as_array()[1].at("response");
    EXPECT_EQ(now.at("selected").as_array()[0].as_string(), second);
}

TEST_F(Sitting, WrongDetailsGetOnePlainMessageWhicheverIsWrong) {
    const auto keycode = keycode_of("0003");
    const std::vector<std::string> wrong = {
        R"({"centre_number":"99999","candidate_number":"0003","keycode":")" + keycode + R"("})",
        R"({"centre_number":"90001","candidate_number":"9999","keycode":")" + keycode + R"("})",
        R"({"centre_number":"90001","candidate_number":"0003","keycode":"AAAAAAAA"})",
    };
    std::string message;
    for (const auto& body : wrong) {
        auto r = client().post("/api/v1/candidate/login", body);
        EXPECT_EQ(r.status, 401) << r.body;
        const std::string m(r.json().at("error").at("message").as_string());
        if (message.empty()) message = m;
        EXPECT_EQ(m, message);
    }
    // Lower-case and spaced keycodes are accepted as typed by a person.
    std::string typed = keycode.substr(0, 4) + " " + keycode.substr(4);
    for (auto& ch : typed) ch = static_cast<char>(std::tolower(static_cast<unsigned char>(ch)));
    auto ok = client().post("/api/v1/candidate/login",
                            R"({"centre_number":"90001","candidate_number":"0003","keycode":")" + typed + R"("})");
    EXPECT_EQ(ok.status, 200) << ok.body;
}

TEST_F(Sitting, RepeatedWrongKeycodesAreThrottled) {
    int status = 0;
    for (int i = 0; i < 8 && status != 429; ++i) {
        status = client()
                     .post("/api/v1/candidate/login",
                           R"({"centre_number":"90001","candidate_number":"0004","keycode":"WRONGKEY"})")
                     .status;
    }
    EXPECT_EQ(status, 429);
}

TEST_F(Sitting, ClosedSessionsAndTimesOutsideTheWindowRefuseLogIn) {
    const auto keycode = keycode_of("0001");
    const std::string body = R"({"centre_number":"90001","candidate_number":"0001","keycode":")" + keycode + R"("})";
    clock_.set(start_time + 9LL * 60 * 60 * 1000);  // 18:00, after the session's end
    auto late = client().post("/api/v1/candidate/login", body);
    EXPECT_EQ(late.status, 403);
    EXPECT_EQ(late.json().at("error").at("code").as_string(), "outside_session_window");
    clock_.set(start_time);
    ASSERT_EQ(client().post("/api/v1/sessions/1/close", "", staff_token("invigilator")).status, 200);
    auto closed = client().post("/api/v1/candidate/login", body);
    EXPECT_EQ(closed.status, 403);
    EXPECT_EQ(closed.json().at("error").at("code").as_string(), "session_not_open");
}
