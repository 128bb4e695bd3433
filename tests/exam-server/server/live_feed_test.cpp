// The live invigilation feed over wss: who may subscribe, the snapshot and
// the events that follow it, and the candidate's own channel that carries
// pause and resume to the screen without polling.
#include <boost/json.hpp>

#include <set>

#include "server_fixture.hpp"
#include "websocket_client.hpp"

namespace json = boost::json;
using exam_test::WebSocketClient;

class LiveFeed : public exam_test::ServerFixture {
protected:
    std::unique_ptr<WebSocketClient> subscribe(const std::string& target, const std::string& token, bool batch = false) {
        auto ws = std::make_unique<WebSocketClient>("127.0.0.1", app_->port());
        auto outcome = ws->connect(target, ws->own_origin());
        EXPECT_TRUE(outcome.upgraded) << "refused with " << outcome.refused_status;
        ws->send(json::serialize(json::object{{"token", token}, {"batch", batch}}));
        return ws;
    }
    // Reads attempt events until one satisfies `wanted`.
    std::optional<json::object> attempt_event(WebSocketClient& ws, const std::function<bool(const json::object&)>& wanted) {
        for (int i = 0; i < 20; ++i) {
            auto e = ws.read_type("attempt");
            if (!e) return std::nullopt;
            const auto& a = e->at("attempt").as_object();
            if (wanted(a)) return a;
        }
        return std::nullopt;
    }
};

TEST_F(LiveFeed, TheRoomGetsASnapshotThenEveryChangeAsItCommits) {
    auto room = subscribe("/api/v1/sessions/1/feed", staff_token("invigilator"));
    auto snapshot = room->read_json();
    ASSERT_TRUE(snapshot);
    EXPECT_EQ(snapshot->at("type").as_string(), "snapshot");
    EXPECT_EQ(snapshot->at("session").at("id").as_int64(), 1);
    ASSERT_EQ(snapshot->at("candidates").as_array().size(), 4u);
    EXPECT_EQ(snapshot->at("candidates").as_array()[0].at("state").as_string(), "admitted");

    const auto token = candidate_token("0001");
    start_and_fetch(token);
    const auto items = client().get("/api/v1/attempt/items", token).json().at("items").as_array();
    const std::string option(items[0].at("options").as_array()[0].at("id").as_string());
    ASSERT_EQ(client().put("/api/v1/attempt/responses/0", R"({"sequence":1,"selected":[")" + option + R"("]})", token).status,
              200);
    auto saved = attempt_event(*room, [](const json::object& a) { return a.at("answered").as_int64() == 1; });
    ASSERT_TRUE(saved) << "the save reaches the room";
    EXPECT_EQ(saved->at("state").as_string(), "in_progress");
    EXPECT_EQ(saved->at("items").as_int64(), static_cast<std::int64_t>(items.size()));
    EXPECT_TRUE(saved->at("connected").as_bool());
    EXPECT_TRUE(saved->at("running").as_bool());
    EXPECT_GT(saved->at("remaining_ms").as_int64(), 0);

    ASSERT_EQ(client().post("/api/v1/attempt/irregularities", R"({"kind":"focus_lost"})", token).status, 200);
    auto lost = attempt_event(*room, [](const json::object& a) {
        return a.at("irregularities").as_object().contains("focus_lost");
    });
    ASSERT_TRUE(lost);
    EXPECT_EQ(lost->at("irregularities").at("focus_lost").as_int64(), 1);

    const auto invigilator = staff_token("invigilator");
    ASSERT_EQ(client().post("/api/v1/sessions/1/incidents", R"({"kind":"technical","description":"Printer jam"})",
                            invigilator).status, 201);
    auto incident = room->read_type("incident");
    ASSERT_TRUE(incident);
    EXPECT_EQ(incident->at("incident").at("description").as_string(), "Printer jam");
}

TEST_F(LiveFeed, ASilentClientShowsAsDisconnectedAndAHeartbeatBringsItBack) {
    const auto token = candidate_token("0002");
    start_and_fetch(token);
    auto room = subscribe("/api/v1/sessions/1/feed", staff_token("centre.admin"));
    ASSERT_TRUE(room->read_type("snapshot"));

    clock_.advance(grace_ms_ + 1000);
    app_->run_scheduler_once();
    auto gone = attempt_event(*room, [](const json::object& a) { return !a.at("connected").as_bool(); });
    ASSERT_TRUE(gone) << "the room hears that the client fell silent";
    EXPECT_FALSE(gone->at("last_heard_at").is_null());

    ASSERT_EQ(client().post("/api/v1/attempt/heartbeat", "", token).status, 200);
    auto back = attempt_event(*room, [](const json::object& a) { return a.at("connected").as_bool(); });
    ASSERT_TRUE(back) << "and that it came back";
}

TEST_F(LiveFeed, AdmissionsAndTheSessionClosingReachTheRoom) {
    const auto admin = staff_token("centre.admin");
    auto s = client().post("/api/v1/centres/1/sessions",
                           R"({"unit":"K/602/1597","starts_at":"2026-11-25T08:30:00Z","ends_at":"2026-11-25T16:00:00Z",
                               "room":"Room 9","invigilators":[3]})",
                           admin);
    ASSERT_EQ(s.status, 201);
    const auto id = std::to_string(s.json().at("id").as_int64());
    auto booked = client().post("/api/v1/sessions/" + id + "/bookings", R"({"candidates":[3]})", admin);
    ASSERT_EQ(booked.status, 201);
    const auto booking = booked.json().at("bookings").as_array()[0].at("id").as_int64();
    auto room = subscribe("/api/v1/sessions/" + id + "/feed", staff_token("invigilator"));
    auto snapshot = room->read_type("snapshot");
    ASSERT_TRUE(snapshot);
    EXPECT_EQ(snapshot->at("candidates").as_array()[0].at("state").as_string(), "booked");

    ASSERT_EQ(client().post("/api/v1/sessions/" + id + "/admit", R"({"bookings":[)" + std::to_string(booking) + "]}", admin)
                  .status, 200);
    auto admitted = room->read_type("admitted");
    ASSERT_TRUE(admitted);
    EXPECT_EQ(admitted->at("booking").at("id").as_int64(), booking);
    ASSERT_EQ(client().post("/api/v1/sessions/" + id + "/close", "", admin).status, 200);
    auto closed = room->read_type("session");
    ASSERT_TRUE(closed);
    EXPECT_EQ(closed->at("session").at("status").as_string(), "closed");
}

TEST_F(LiveFeed, TheCandidatesScreenHearsOfPauseResumeAndExtraTime) {
    const auto token = candidate_token("0003");
    start_and_fetch(token);
    auto screen = subscribe("/api/v1/attempt/feed", token);
    auto first = screen->read_json();
    ASSERT_TRUE(first);
    EXPECT_EQ(first->at("attempt").at("state").as_string(), "in_progress");
    EXPECT_FALSE(first->at("attempt").as_object().contains("irregularities")) << "the candidate's view is their own";
    const auto attempt = std::to_string(first->at("attempt").at("attempt").as_int64());
    const auto allowed = first->at("attempt").at("allowed_seconds").as_int64();

    const auto invigilator = staff_token("invigilator");
    ASSERT_EQ(client().post("/api/v1/attempts/" + attempt + "/pause", R"({"reason":"rest break"})", invigilator).status, 200);
    auto paused = attempt_event(*screen, [](const json::object& a) { return a.at("state").as_string() == "paused"; });
    ASSERT_TRUE(paused);
    EXPECT_FALSE(paused->at("running").as_bool());
    ASSERT_EQ(client().post("/api/v1/attempts/" + attempt + "/resume", "", invigilator).status, 200);
    ASSERT_TRUE(attempt_event(*screen, [](const json::object& a) { return a.at("state").as_string() == "in_progress"; }));
    ASSERT_EQ(client().post("/api/v1/attempts/" + attempt + "/extra-time", R"({"minutes":5,"reason":"late start"})",
                            invigilator).status, 200);
    ASSERT_TRUE(attempt_event(*screen, [&](const json::object& a) {
        return a.at("allowed_seconds").as_int64() == allowed + 300;
    }));
}

TEST_F(LiveFeed, ABatchingSubscriberGetsEveryCandidatesLatestStateInOrder) {
    auto room = subscribe("/api/v1/sessions/1/feed", staff_token("invigilator"), true);
    auto first = room->read_json();
    ASSERT_TRUE(first);
    EXPECT_EQ(first->at("type").as_string(), "snapshot") << "the snapshot travels alone, first";
    std::vector<std::string> tokens;
    for (const char* number : {"0001", "0002", "0003", "0004"}) {
        tokens.push_back(candidate_token(number));
        start_and_fetch(tokens.back());
    }
    for (std::size_t i = 0; i < tokens.size(); ++i) {
        const auto items = client().get("/api/v1/attempt/items", tokens[i]).json();
        const std::string option(items.at("items").as_array()[0].at("options").as_array()[0].at("id").as_string());
        ASSERT_EQ(client().put("/api/v1/attempt/responses/0", R"({"sequence":1,"selected":[")" + option + R"("]})", tokens[i])
                      .status, 200);
    }
    // Every candidate's latest state arrives (coalesced and batched as the server sees fit).
    std::set<std::int64_t> answered;
    for (int i = 0; i < 40 && answered.size() < 4; ++i) {
        auto e = room->read_type("attempt");
        ASSERT_TRUE(e);
        if (e->at("attempt").at("answered").as_int64() == 1) answered.insert(e->at("attempt").at("candidate").as_int64());
    }
    EXPECT_EQ(answered.size(), 4u);
}

TEST_F(LiveFeed, OnlyThisSitesPagesMayOpenAFeed) {
    WebSocketClient foreign("127.0.0.1", app_->port());
    EXPECT_EQ(foreign.connect("/api/v1/sessions/1/feed", "https://evil.example").refused_status, 403);
    WebSocketClient none("127.0.0.1", app_->port());
    EXPECT_EQ(none.connect("/api/v1/sessions/1/feed", "").refused_status, 403);
    WebSocketClient nowhere("127.0.0.1", app_->port());
    EXPECT_EQ(nowhere.connect("/api/v1/elsewhere", nowhere.own_origin()).refused_status, 404);
}

TEST_F(LiveFeed, ASubscriptionNeedsSomeoneWhoMayWatchThatRoom) {
    auto check_refused = [&](const std::string& target, const std::string& first_message) {
        WebSocketClient ws("127.0.0.1", app_->port());
        ASSERT_TRUE(ws.connect(target, ws.own_origin()).upgraded);
        ws.send(first_message);
        EXPECT_FALSE(ws.read()) << first_message;
        EXPECT_EQ(ws.close_code(), 1008) << first_message;
        EXPECT_FALSE(ws.close_reason().empty());
    };
    check_refused("/api/v1/sessions/1/feed", "hello");
    check_refused("/api/v1/sessions/1/feed", R"({"token":"not-a-token"})");
    const auto candidate = candidate_token("0004");
    check_refused("/api/v1/sessions/1/feed", json::serialize(json::object{{"token", candidate}}));
    check_refused("/api/v1/attempt/feed", json::serialize(json::object{{"token", staff_token("invigilator")}}));
    check_refused("/api/v1/sessions/999/feed", json::serialize(json::object{{"token", staff_token("ao.admin")}}));
}
