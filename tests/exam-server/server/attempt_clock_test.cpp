// The server owns the clock (DESIGN invariant 3), tested with an injected
// clock: time runs only while the client is heard from, pauses stop it, the
// scheduler submits an attempt whose time is up with no client there, and a
// restart keeps responses and remaining time.
#include <boost/json.hpp>

#include "server_fixture.hpp"

using exam_test::ServerFixture;

class AttemptClock : public ServerFixture {
protected:
    std::int64_t remaining(const std::string& token) {
        return client().get("/api/v1/attempt", token).json().at("remaining_seconds").as_int64();
    }
    // The client heartbeats every 10 s of (injected) time.
    void sit_for(const std::string& token, exam::domain::Millis ms) {
        for (exam::domain::Millis t = 0; t < ms; t += 10'000) {
            clock_.advance(10'000);
            client().post("/api/v1/attempt/heartbeat", "", token);
        }
    }
};

TEST_F(AttemptClock, TimeRunsWhileTheClientIsHeardFrom) {
    const auto token = candidate_token("0001");
    start_and_fetch(token);
    EXPECT_EQ(remaining(token), 40 * 60);
    sit_for(token, 5 * 60'000);
    EXPECT_EQ(remaining(token), 35 * 60);
}

TEST_F(AttemptClock, ASilentClientLosesAtMostTheGrace) {
    const auto token = candidate_token("0001");
    start_and_fetch(token);
    clock_.advance(60 * 60'000);  // an hour of network outage
    EXPECT_EQ(remaining(token), 40 * 60 - grace_ms_ / 1000);
}

TEST_F(AttemptClock, PausedTimeIsNotUsedAndExtraTimeExtends) {
    const auto ben = candidate_token("0002");  // +25 % access arrangement
    start_and_fetch(ben);
    EXPECT_EQ(remaining(ben), 50 * 60);
    const auto invigilator = staff_token("invigilator");
    ASSERT_EQ(client().post("/api/v1/attempts/1/pause", R"({"reason":"fire alarm"})", invigilator).status, 200);
    clock_.advance(20 * 60'000);
    EXPECT_EQ(remaining(ben), 50 * 60);
    auto save = client().put("/api/v1/attempt/responses/0", R"({"sequence":1,"selected":[]})", ben);
    EXPECT_EQ(save.status, 409);
    EXPECT_EQ(save.json().at("error").at("code").as_string(), "attempt_paused");
    ASSERT_EQ(client().post("/api/v1/attempts/1/resume", "", invigilator).status, 200);
    sit_for(ben, 60'000);
    EXPECT_EQ(remaining(ben), 49 * 60);
}

TEST_F(AttemptClock, TheSchedulerSubmitsWhenTimeIsUpEvenWithNoClient) {
    const auto token = candidate_token("0001");
    start_and_fetch(token);
    ASSERT_EQ(client().put("/api/v1/attempt/responses/0", R"({"sequence":1,"selected":[]})", token).status, 200);
    sit_for(token, 40 * 60'000 - 20'000);  // 20 s left, inside the grace
    EXPECT_EQ(app_->run_scheduler_once(), 0u);
    clock_.advance(25'000);  // the client is gone; the last 20 s run out within the grace
    EXPECT_EQ(app_->run_scheduler_once(), 1u);
    auto a = client().get("/api/v1/attempt", token).json();
    EXPECT_EQ(a.at("state").as_string(), "marked");
    EXPECT_EQ(a.at("submitted_by").as_string(), "time_out");
    EXPECT_EQ(a.at("remaining_seconds").as_int64(), 0);
}

TEST_F(AttemptClock, ARestartMidAttemptKeepsResponsesAndRemainingTime) {
    const auto token = candidate_token("0001");
    auto items = start_and_fetch(token).at("items").as_array();
    const std::string option(items[2].at("options").as_array()[0].at("id").as_string());
    ASSERT_EQ(client().put("/api/v1/attempt/responses/2", R"({"sequence":3,"selected":[")" + option + R"("],"flagged":true})",
                           token).status, 200);
    sit_for(token, 10 * 60'000);
    const auto before = remaining(token);
    restart_server();
    clock_.advance(5 * 60'000);  // the outage: charged only up to the grace
    const auto after = remaining(token);
    EXPECT_EQ(after, before - grace_ms_ / 1000);
    auto item = client().get("/api/v1/attempt/items", token).json().at("items").as_array()[2].at("response");
    EXPECT_EQ(item.at("selected").as_array()[0].as_string(), option);
    EXPECT_TRUE(item.at("flagged").as_bool());
    EXPECT_EQ(item.at("sequence").as_int64(), 3);
}
