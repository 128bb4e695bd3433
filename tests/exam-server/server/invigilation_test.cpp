// The invigilator's controls end to end: admission before the start, the
// whole room paused and resumed, extra time, voiding (with the credit it
// earned), incidents and the client's irregularity reports, each audited and
// each refused to staff outside the session.
#include <boost/json.hpp>

#include "bundled_bank.hpp"
#include "room_helpers.hpp"
#include "server_fixture.hpp"
#include "services/attempt_service.hpp"

namespace json = boost::json;
using exam_test::TestRoom;

class Invigilation : public exam_test::ServerFixture {
protected:
    void SetUp() override {
        ServerFixture::SetUp();
        admin_ = staff_token("centre.admin");
        invigilator_ = staff_token("invigilator");
    }
    std::string path(const TestRoom& room, const std::string& tail) { return "/api/v1/sessions/" + room.session + tail; }
    exam_test::Reply admit(const TestRoom& room, std::int64_t candidate) {
        return client().post(path(room, "/admit"),
                             R"({"bookings":[)" + std::to_string(room.by_candidate.at(candidate).booking) + "]}",
                             invigilator_);
    }
    std::string sit(const TestRoom& room, std::int64_t candidate, const std::string& number) {
        const auto token = exam_test::room_login(client(), number, room.by_candidate.at(candidate).keycode);
        EXPECT_EQ(admit(room, candidate).status, 200);
        EXPECT_EQ(client().post("/api/v1/attempt/start", "", token).status, 200);
        return token;
    }
    json::object room_row(const TestRoom& room, std::int64_t candidate) {
        auto r = client().get(path(room, "/room"), invigilator_);
        EXPECT_EQ(r.status, 200) << r.body;
        const auto body = r.json();
        for (const auto& row : body.at("candidates").as_array()) {
            if (row.at("candidate").as_int64() == candidate) return row.as_object();
        }
        ADD_FAILURE() << "candidate " << candidate << " is not in the room";
        return {};
    }
    std::int64_t remaining_seconds(const std::string& token) {
        return client().get("/api/v1/attempt", token).json().at("remaining_seconds").as_int64();
    }
    // Whether an audit entry with this action mentions `text`, in a chain that still holds.
    bool audited(const std::string& action, const std::string& text) {
        EXPECT_EQ(first_broken_audit_row(), 0);
        for (const auto& row : query("SELECT details FROM audit_log WHERE action = ?", {action})) {
            if (row[0].find(text) != std::string::npos) return true;
        }
        return false;
    }
    std::string admin_, invigilator_;
};

TEST_F(Invigilation, ACandidateWhoLogsInBeforeAdmissionWaitsThenStarts) {
    const auto room = exam_test::create_room(client(), admin_, invigilator_, "1,2");
    const auto token = exam_test::room_login(client(), "0001", room.by_candidate.at(1).keycode);
    EXPECT_EQ(client().get("/api/v1/attempt", token).json().at("state").as_string(), "booked");
    auto refused = client().post("/api/v1/attempt/start", "", token);
    EXPECT_EQ(refused.status, 409);
    EXPECT_EQ(refused.json().at("error").at("code").as_string(), "not_admitted");
    EXPECT_EQ(room_row(room, 1).at("state").as_string(), "booked");

    auto admitted = admit(room, 1);
    ASSERT_EQ(admitted.status, 200) << admitted.body;
    EXPECT_FALSE(admitted.json().at("bookings").as_array()[0].at("admitted_at").is_null());
    EXPECT_EQ(client().get("/api/v1/attempt", token).json().at("state").as_string(), "admitted");
    EXPECT_EQ(client().post("/api/v1/attempt/start", "", token).status, 200);
    EXPECT_EQ(room_row(room, 1).at("state").as_string(), "in_progress");
    EXPECT_TRUE(audited("booking.admit", "{}"));
    // Candidate 2 never logged in: the room shows the booking's own state.
    EXPECT_EQ(room_row(room, 2).at("state").as_string(), "booked");
    EXPECT_TRUE(room_row(room, 2).at("attempt").is_null());
}

TEST_F(Invigilation, ACandidateAdmittedAtTheDoorStartsStraightAfterLoggingIn) {
    const auto room = exam_test::create_room(client(), admin_, invigilator_, "1");
    ASSERT_EQ(admit(room, 1).status, 200);
    ASSERT_EQ(admit(room, 1).status, 200) << "admitting twice is harmless";
    EXPECT_EQ(room_row(room, 1).at("state").as_string(), "admitted");
    const auto token = exam_test::room_login(client(), "0001", room.by_candidate.at(1).keycode);
    EXPECT_EQ(client().post("/api/v1/attempt/start", "", token).status, 200);

    auto wrong = client().post(path(room, "/admit"), R"({"bookings":[1]})", invigilator_);
    EXPECT_EQ(wrong.status, 422) << "booking 1 belongs to the demo session";
    EXPECT_EQ(wrong.json().at("error").at("field").as_string(), "/bookings/0");
}

TEST_F(Invigilation, PausingTheRoomStopsEveryClockAndResumingRestartsThem) {
    const auto room = exam_test::create_room(client(), admin_, invigilator_, "1,2,3");
    const auto one = sit(room, 1, "0001");
    const auto two = sit(room, 2, "0002");
    exam_test::room_login(client(), "0003", room.by_candidate.at(3).keycode);  // logged in, never admitted
    const auto before_one = remaining_seconds(one);
    const auto before_two = remaining_seconds(two);

    auto paused = client().post(path(room, "/pause"), R"({"reason":"fire alarm"})", invigilator_);
    ASSERT_EQ(paused.status, 200) << paused.body;
    EXPECT_EQ(paused.json().at("changed").as_array().size(), 2u) << "only attempts in progress are paused";
    EXPECT_EQ(client().get("/api/v1/attempt", one).json().at("state").as_string(), "paused");
    auto save = client().put("/api/v1/attempt/responses/0", R"({"sequence":1,"selected":[]})", one);
    EXPECT_EQ(save.status, 409);
    EXPECT_EQ(save.json().at("error").at("code").as_string(), "attempt_paused");

    clock_.advance(20 * 60 * 1000);  // the evacuation costs nobody any time
    EXPECT_EQ(remaining_seconds(one), before_one);
    EXPECT_EQ(remaining_seconds(two), before_two);

    auto resumed = client().post(path(room, "/resume"), "", invigilator_);
    ASSERT_EQ(resumed.status, 200) << resumed.body;
    EXPECT_EQ(resumed.json().at("changed").as_array().size(), 2u);
    clock_.advance(10 * 1000);
    ASSERT_EQ(client().post("/api/v1/attempt/heartbeat", "", one).status, 200);
    EXPECT_EQ(remaining_seconds(one), before_one - 10) << "time runs again once resumed";
    EXPECT_TRUE(audited("attempt.pause", "whole room: fire alarm"));
}

TEST_F(Invigilation, ExtraTimeExtendsTheClockAtOnceAndNeedsMinutesAndAReason) {
    const auto room = exam_test::create_room(client(), admin_, invigilator_, "1");
    const auto token = sit(room, 1, "0001");
    const auto before = client().get("/api/v1/attempt", token).json();
    const auto attempt = std::to_string(before.at("attempt").as_int64());

    auto bad = client().post("/api/v1/attempts/" + attempt + "/extra-time", R"({"minutes":0,"reason":"x"})", invigilator_);
    EXPECT_EQ(bad.status, 422);
    EXPECT_EQ(bad.json().at("error").at("field").as_string(), "/minutes");
    bad = client().post("/api/v1/attempts/" + attempt + "/extra-time", R"({"minutes":10})", invigilator_);
    EXPECT_EQ(bad.status, 422);
    EXPECT_EQ(bad.json().at("error").at("field").as_string(), "/reason");

    auto added = client().post("/api/v1/attempts/" + attempt + "/extra-time",
                               R"({"minutes":10,"reason":"computer restarted"})", invigilator_);
    ASSERT_EQ(added.status, 200) << added.body;
    EXPECT_EQ(added.json().at("added_minutes").as_int64(), 10);
    const auto after = client().get("/api/v1/attempt", token).json();
    EXPECT_EQ(after.at("allowed_seconds").as_int64(), before.at("allowed_seconds").as_int64() + 600);
    EXPECT_EQ(after.at("remaining_seconds").as_int64(), before.at("remaining_seconds").as_int64() + 600);
    EXPECT_TRUE(audited("attempt.extra_time", "computer restarted"));

    auto by_ao = client().post("/api/v1/attempts/" + attempt + "/extra-time", R"({"minutes":5,"reason":"x"})",
                               staff_token("ao.admin"));
    EXPECT_EQ(by_ao.status, 200) << "the awarding organisation may";
    EXPECT_EQ(by_ao.json().at("added_minutes").as_int64(), 15);
}

TEST_F(Invigilation, VoidingEndsTheAttemptAndTheCreditItEarned) {
    // Candidate 0001 passes the demo session's test and the result is released: credit recorded.
    const auto token = candidate_token("0001");
    auto items = start_and_fetch(token).at("items").as_array();
    const auto attempt = app_->attempts().get(1).value();
    for (std::size_t i = 0; i < items.size(); ++i) {
        json::array key;
        for (const auto& k : exam_test::bundled_bank().item(attempt.form[i].item_id)->key) key.push_back(json::value(k));
        ASSERT_EQ(client().put("/api/v1/attempt/responses/" + std::to_string(i),
                               json::serialize(json::object{{"sequence", 1}, {"selected", key}}), token).status, 200);
    }
    ASSERT_EQ(client().post("/api/v1/attempt/submit", R"({"confirm":true})", token).status, 200);
    ASSERT_EQ(client().post("/api/v1/attempts/1/release", "", staff_token("ao.admin")).status, 200);
    auto ledger = client().get("/api/v1/candidates/1/achievements", admin_).json();
    ASSERT_EQ(ledger.at("achievements").as_array().size(), 1u);

    auto no_reason = client().post("/api/v1/attempts/1/void", R"({"reason":""})", invigilator_);
    EXPECT_EQ(no_reason.status, 422);
    auto voided = client().post("/api/v1/attempts/1/void", R"({"reason":"candidate used notes"})", invigilator_);
    ASSERT_EQ(voided.status, 200) << voided.body;
    EXPECT_EQ(voided.json().at("state").as_string(), "void");
    EXPECT_EQ(client().post("/api/v1/attempts/1/void", R"({"reason":"again"})", invigilator_).status, 409);

    ledger = client().get("/api/v1/candidates/1/achievements", admin_).json();
    EXPECT_EQ(ledger.at("achievements").as_array()[0].at("status").as_string(), "voided");
    EXPECT_FALSE(client().get("/api/v1/attempt/result", token).json().at("released").as_bool())
        << "a voided result is no longer shown to the candidate";
    EXPECT_TRUE(audited("attempt.void", "candidate used notes"));
    EXPECT_TRUE(audited("achievement.void", "K/602/1597"));
}

TEST_F(Invigilation, VoidingAnAttemptInProgressStopsItAtOnce) {
    const auto room = exam_test::create_room(client(), admin_, invigilator_, "2");
    const auto token = sit(room, 2, "0002");
    const auto attempt = std::to_string(client().get("/api/v1/attempt", token).json().at("attempt").as_int64());
    ASSERT_EQ(client().post("/api/v1/attempts/" + attempt + "/void", R"({"reason":"wrong candidate"})", invigilator_).status,
              200);
    auto save = client().put("/api/v1/attempt/responses/0", R"({"sequence":1,"selected":[]})", token);
    EXPECT_EQ(save.status, 409);
    EXPECT_EQ(save.json().at("error").at("code").as_string(), "attempt_finished");
    restart_server();  // and it stays void
    EXPECT_EQ(client().get("/api/v1/attempt", token).json().at("state").as_string(), "void");
}

TEST_F(Invigilation, IncidentsAreRecordedForTheSessionOrOneCandidate) {
    const auto room = exam_test::create_room(client(), admin_, invigilator_, "1");
    auto general = client().post(path(room, "/incidents"), R"({"kind":"disruption","description":"Drilling next door"})",
                                 invigilator_);
    ASSERT_EQ(general.status, 201) << general.body;
    EXPECT_TRUE(general.json().at("candidate").is_null());
    auto one = client().post(path(room, "/incidents"),
                             R"({"kind":"illness","candidate":1,"description":"Felt faint, left 10:12, back 10:20"})",
                             invigilator_);
    ASSERT_EQ(one.status, 201) << one.body;

    auto bad = client().post(path(room, "/incidents"), R"({"kind":"gossip","description":"x"})", invigilator_);
    EXPECT_EQ(bad.status, 422);
    EXPECT_EQ(bad.json().at("error").at("field").as_string(), "/kind");
    bad = client().post(path(room, "/incidents"), R"({"kind":"other","candidate":4,"description":"x"})", invigilator_);
    EXPECT_EQ(bad.status, 422) << "candidate 4 is not booked in this room";
    EXPECT_EQ(bad.json().at("error").at("field").as_string(), "/candidate");

    auto list = client().get(path(room, "/incidents"), admin_).json().at("incidents").as_array();
    ASSERT_EQ(list.size(), 2u);
    EXPECT_EQ(list[1].at("description").as_string(), "Felt faint, left 10:12, back 10:20");
    EXPECT_EQ(list[1].at("recorded_by").as_string(), "staff:invigilator");
    EXPECT_EQ(client().get(path(room, "/room"), invigilator_).json().at("incidents").as_array().size(), 2u);
    EXPECT_TRUE(audited("incident.record", "Drilling next door"));
}

TEST_F(Invigilation, IrregularitiesTheClientReportsAreCountedInTheRoom) {
    const auto room = exam_test::create_room(client(), admin_, invigilator_, "1");
    const auto token = sit(room, 1, "0001");
    for (int i = 0; i < 2; ++i) {
        ASSERT_EQ(client().post("/api/v1/attempt/irregularities", R"({"kind":"focus_lost"})", token).status, 200);
    }
    auto bad = client().post("/api/v1/attempt/irregularities", R"({"kind":"sneezed"})", token);
    EXPECT_EQ(bad.status, 422);
    EXPECT_EQ(bad.json().at("error").at("field").as_string(), "/kind");
    EXPECT_EQ(room_row(room, 1).at("attempt").at("irregularities").at("focus_lost").as_int64(), 2);
    restart_server();
    EXPECT_EQ(room_row(room, 1).at("attempt").at("irregularities").at("focus_lost").as_int64(), 2)
        << "counts are kept in the database";
}

TEST_F(Invigilation, StaffOutsideTheSessionCanNeitherSeeNorActOnIt) {
    // A second invigilator of the same centre, not assigned to the room.
    const auto ao = staff_token("ao.admin");
    ASSERT_EQ(client().post("/api/v1/staff",
                            R"({"username":"other.invigilator","display_name":"Other","role":"invigilator","centre":1,
                                "password":"another-password-2026"})",
                            ao).status,
              201);
    auto login = client().post("/api/v1/auth/login", R"({"username":"other.invigilator","password":"another-password-2026"})");
    const std::string other(login.json().at("token").as_string());
    const auto room = exam_test::create_room(client(), admin_, invigilator_, "1");
    const auto token = sit(room, 1, "0001");
    const auto attempt = std::to_string(client().get("/api/v1/attempt", token).json().at("attempt").as_int64());

    EXPECT_EQ(client().get(path(room, "/room"), other).status, 404);
    EXPECT_EQ(client().post(path(room, "/admit"), R"({"bookings":[1]})", other).status, 404);
    EXPECT_EQ(client().post(path(room, "/pause"), "", other).status, 404);
    EXPECT_EQ(client().post(path(room, "/incidents"), R"({"kind":"other","description":"x"})", other).status, 404);
    EXPECT_EQ(client().post("/api/v1/attempts/" + attempt + "/extra-time", R"({"minutes":5,"reason":"x"})", other).status, 404);
    EXPECT_EQ(client().post("/api/v1/attempts/" + attempt + "/void", R"({"reason":"x"})", other).status, 404);
    EXPECT_EQ(client().get("/api/v1/attempt", token).json().at("state").as_string(), "in_progress") << "nothing changed";
}
