// Several exam-server nodes on one PostgreSQL database (issue 12 section 2),
// as whole Applications in one process: a save on one node reaches the room
// watched on another; a node acting on a stale copy of an attempt is refused
// and reads the database again; and with three nodes running the time-up
// scheduler at once, each expired attempt is submitted exactly once.
// SQLite has one node by design: there these tests are skipped.
#include <boost/json.hpp>

#include <chrono>
#include <functional>
#include <map>
#include <thread>

#include "item_bank/uln.hpp"
#include "room_helpers.hpp"
#include "services/attempt_service.hpp"
#include "server_fixture.hpp"
#include "websocket_client.hpp"

namespace json = boost::json;
using exam_test::HttpsClient;
using exam_test::WebSocketClient;

namespace {

constexpr const char* needs_postgresql = "several nodes share a PostgreSQL database (SQLite has one node)";

// Waits for something another node's notification brings about; fails the test after `limit`.
bool eventually(const std::function<bool()>& done, std::chrono::milliseconds limit = std::chrono::seconds(5)) {
    const auto until = std::chrono::steady_clock::now() + limit;
    while (!done()) {
        if (std::chrono::steady_clock::now() > until) return false;
        std::this_thread::sleep_for(std::chrono::milliseconds(10));
    }
    return true;
}

// The next valid ULN after `prefix`'s nine digits (the tenth is a check
// digit, and some nine-digit starts have none).
std::string next_uln(int& prefix) {
    for (;; ++prefix) {
        const std::string head = std::to_string(100000000 + prefix);
        for (char last = '0'; last <= '9'; ++last) {
            if (item_bank::is_valid_uln(head + last)) {
                ++prefix;
                return head + last;
            }
        }
    }
}

}  // namespace

class SeveralNodes : public exam_test::ServerFixture {
protected:
    void SetUp() override {
        if (!std::getenv("EXAM_TEST_POSTGRESQL_HOST")) GTEST_SKIP() << needs_postgresql;
        // An hour's grace: a silent attempt's 40 minutes run out without a
        // hundred clients sending heartbeats all the way.
        grace_ms_ = 60 * 60'000;
        ServerFixture::SetUp();
    }
    void TearDown() override {
        for (auto& node : others_) node->stop();
        others_.clear();
        ServerFixture::TearDown();
    }
    exam::app::Application& another_node() { return *others_.emplace_back(start_another_node()); }

    std::vector<std::unique_ptr<exam::app::Application>> others_;
};

TEST_F(SeveralNodes, ASaveOnOneNodeReachesTheRoomWatchedOnAnother) {
    auto& b = another_node();
    HttpsClient on_b("127.0.0.1", b.port());
    // The invigilator watches on node A (app_); the candidate sits on node B.
    WebSocketClient room("127.0.0.1", app_->port());
    ASSERT_TRUE(room.connect("/api/v1/sessions/1/feed", room.own_origin()).upgraded);
    room.send(json::serialize(json::object{{"token", staff_token("invigilator")}, {"batch", false}}));
    ASSERT_TRUE(room.read_type("snapshot"));

    const auto keycode = keycode_of("0001");
    auto login = on_b.post("/api/v1/candidate/login",
                           R"({"centre_number":"90001","candidate_number":"0001","keycode":")" + keycode + R"("})");
    ASSERT_EQ(login.status, 200) << login.body;
    const std::string token(login.json().at("token").as_string());
    ASSERT_EQ(on_b.post("/api/v1/attempt/start", "", token).status, 200);
    const auto items = on_b.get("/api/v1/attempt/items", token).json().at("items").as_array();
    const std::string option(items[0].at("options").as_array()[0].at("id").as_string());
    ASSERT_EQ(on_b.put("/api/v1/attempt/responses/0", R"({"sequence":1,"selected":[")" + option + R"("]})", token).status, 200);

    std::optional<json::object> seen;
    for (int i = 0; i < 20 && !seen; ++i) {
        auto e = room.read_type("attempt", std::chrono::seconds(2));
        if (!e) break;
        if (e->at("attempt").at("answered").as_int64() == 1) seen = e->at("attempt").as_object();
    }
    ASSERT_TRUE(seen) << "node A's room heard of node B's save";
    EXPECT_EQ(seen->at("state").as_string(), "in_progress");
    EXPECT_TRUE(seen->at("connected").as_bool());

    // And node A, asked directly, answers from what B saved.
    auto on_a = client().get("/api/v1/attempt", token);
    ASSERT_EQ(on_a.status, 200) << on_a.body;
    EXPECT_EQ(on_a.json().at("state").as_string(), "in_progress");
}

TEST_F(SeveralNodes, APauseOnOneNodeStopsTheCandidateOnTheOther) {
    auto& b = another_node();
    HttpsClient on_b("127.0.0.1", b.port());
    const auto token = candidate_token("0001");  // on node A
    const auto items = start_and_fetch(token).at("items").as_array();
    const std::string option(items[0].at("options").as_array()[0].at("id").as_string());
    ASSERT_EQ(client().put("/api/v1/attempt/responses/0", R"({"sequence":1,"selected":[")" + option + R"("]})", token).status,
              200);

    const auto invigilator = staff_token("invigilator");
    auto paused = on_b.post("/api/v1/attempts/1/pause", R"({"reason":"fire alarm"})", invigilator);
    ASSERT_EQ(paused.status, 200) << paused.body;

    // Node A's copy is stale until the notification lands; a save from it is
    // refused by the row's revision either way, and once A has read the
    // database again the candidate is told the test is paused.
    int status = 0;
    std::string code;
    for (int sequence = 2; sequence < 6; ++sequence) {
        auto r = client().put("/api/v1/attempt/responses/0",
                              R"({"sequence":)" + std::to_string(sequence) + R"(,"selected":[")" + option + R"("]})", token);
        status = r.status;
        if (status == 409) code = std::string(r.json().at("error").at("code").as_string());
        if (status != 503) break;
    }
    EXPECT_EQ(status, 409);
    EXPECT_EQ(code, "attempt_paused");
    EXPECT_EQ(query("SELECT state, running FROM attempts WHERE id = 1").at(0), (std::vector<std::string>{"paused", "0"}));
    EXPECT_EQ(first_broken_audit_row(), 0);
}

TEST_F(SeveralNodes, ThreeNodesSubmitEachOfAHundredExpiredAttemptsExactlyOnce) {
    constexpr int candidates = 100;
    const auto admin = staff_token("centre.admin");
    json::array rows;
    int uln_prefix = 0;
    for (int i = 0; i < candidates; ++i) {
        rows.push_back(json::object{{"candidate_number", std::to_string(5000 + i)},
                                    {"given_name", "Many"},
                                    {"family_name", "Candidate"},
                                    {"date_of_birth", "2000-01-01"},
                                    {"uln", next_uln(uln_prefix)}});
    }
    auto created = client().post("/api/v1/centres/1/candidates", json::serialize(json::object{{"candidates", rows}}), admin);
    ASSERT_EQ(created.status, 201) << created.body;
    std::vector<std::int64_t> ids;
    const auto made = created.json();  // kept: a temporary's array would dangle in the loop
    for (const auto& c : made.at("candidates").as_array()) ids.push_back(c.at("id").as_int64());
    std::string id_list;
    for (auto id : ids) {
        ASSERT_EQ(client().post("/api/v1/candidates/" + std::to_string(id) + "/registrations",
                                R"({"qualification":"501/0443/3"})", admin).status, 201);
        id_list += (id_list.empty() ? "" : ",") + std::to_string(id);
    }
    const auto invigilator = staff_token("invigilator");
    const auto room = exam_test::create_room(client(), admin, invigilator, id_list);
    std::string bookings;
    for (const auto& [candidate, booking] : room.by_candidate) {
        bookings += (bookings.empty() ? "" : ",") + std::to_string(booking.booking);
    }
    ASSERT_EQ(client().post("/api/v1/sessions/" + room.session + "/admit", R"({"bookings":[)" + bookings + "]}", invigilator).status,
              200);

    auto& b = another_node();
    auto& c = another_node();
    for (int i = 0; i < candidates; ++i) {
        const auto token = exam_test::room_login(client(), std::to_string(5000 + i), room.by_candidate.at(ids[i]).keycode);
        ASSERT_EQ(client().post("/api/v1/attempt/start", "", token).status, 200);
    }
    // Every node knows every attempt (B and C heard of them from A).
    for (auto* node : {app_.get(), &b, &c}) {
        ASSERT_TRUE(eventually([&] { return node->attempts().unfinished_count() == static_cast<std::size_t>(candidates); }))
            << node->attempts().unfinished_count() << " attempts known";
    }

    // Time runs out for all hundred at once, and every node's scheduler sees it.
    clock_.advance(6 * 60 * 60 * 1000);
    std::vector<std::thread> schedulers;
    for (auto* node : {app_.get(), &b, &c}) schedulers.emplace_back([node] { node->run_scheduler_once(); });
    for (auto& t : schedulers) t.join();
    // Stopping a node finishes its queued writes: whatever each tried is decided.
    for (auto& node : others_) node->stop();
    app_->stop();

    const auto submitted = query(
        "SELECT subject, count(*) FROM audit_log WHERE action = 'attempt.submit' GROUP BY subject");
    std::map<std::string, int> per_attempt;
    for (const auto& row : submitted) per_attempt[row[0]] = std::stoi(row[1]);
    EXPECT_EQ(per_attempt.size(), static_cast<std::size_t>(candidates));
    for (const auto& [subject, count] : per_attempt) EXPECT_EQ(count, 1) << subject << " submitted more than once";
    EXPECT_EQ(query("SELECT count(*) FROM attempts WHERE state IN ('submitted', 'marked') AND submitted_by = 'time_out'")
                  .at(0).at(0),
              std::to_string(candidates));
    EXPECT_EQ(first_broken_audit_row(), 0);
}

TEST_F(SeveralNodes, GuessesSpreadOverTwoNodesMeetOneAllowance) {
    auto& b = another_node();
    HttpsClient on_b("127.0.0.1", b.port());
    const std::string wrong = R"({"centre_number":"90001","candidate_number":"0004","keycode":"WRONGKEY"})";
    // Five free failures for the candidate, then a wait: three guesses on each
    // node reach it, where each node alone would still allow five.
    std::vector<int> statuses;
    for (int i = 0; i < 3; ++i) {
        statuses.push_back(client().post("/api/v1/candidate/login", wrong).status);
        // B must see A's failure committed before it judges: the write is not waited for.
        ASSERT_TRUE(eventually([&] {
            return query("SELECT count(*) FROM login_failures WHERE throttle_key LIKE '%0004%'").at(0).at(0) ==
                   std::to_string(2 * i + 1);
        }));
        statuses.push_back(on_b.post("/api/v1/candidate/login", wrong).status);
        ASSERT_TRUE(statuses.back() == 429 || eventually([&] {
            return query("SELECT count(*) FROM login_failures WHERE throttle_key LIKE '%0004%'").at(0).at(0) ==
                   std::to_string(2 * i + 2);
        }));
    }
    EXPECT_EQ(statuses.back(), 429) << "the sixth guess, the third on node B";
    EXPECT_EQ(std::count(statuses.begin(), statuses.end(), 429), 1) << "five free, then refused";
}

TEST_F(SeveralNodes, AnAttemptBegunOnOneNodeStartsOnAnotherAtOnce) {
    // Log-ins carry no token and go round the nodes; the start that follows
    // may reach a node before the other's announcement does. It reads the
    // attempt from the database rather than answer "submitted".
    auto& b = another_node();
    HttpsClient on_b("127.0.0.1", b.port());
    for (const char* number : {"0001", "0002", "0003", "0004"}) {
        const auto token = candidate_token(number);  // on node A: the attempt is made there
        auto started = on_b.post("/api/v1/attempt/start", "", token);
        EXPECT_EQ(started.status, 200) << number << ": " << started.body;
    }
}
