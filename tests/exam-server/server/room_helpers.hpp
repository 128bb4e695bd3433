#pragma once
// A second session for the invigilation tests: unit 4's test (K/602/1597) in
// "Room 9" with the demo invigilator (user 3), the demo candidates booked on
// it, nobody admitted yet.

#include <boost/json.hpp>

#include <map>
#include <string>

#include "server_fixture.hpp"

namespace exam_test {

struct RoomBooking {
    std::int64_t booking = 0;
    std::string keycode;
};

struct TestRoom {
    std::string session;  // id, as text for paths
    std::map<std::int64_t, RoomBooking> by_candidate;
};

inline TestRoom create_room(HttpsClient& client, const std::string& admin, const std::string& invigilator,
                            const std::string& candidate_ids) {
    TestRoom room;
    auto s = client.post("/api/v1/centres/1/sessions",
                         R"({"unit":"K/602/1597","starts_at":"2026-11-25T08:30:00Z","ends_at":"2026-11-25T16:00:00Z",
                             "room":"Room 9","invigilators":[3]})",
                         admin);
    EXPECT_EQ(s.status, 201) << s.body;
    room.session = std::to_string(s.json().at("id").as_int64());
    auto booked = client.post("/api/v1/sessions/" + room.session + "/bookings", R"({"candidates":[)" + candidate_ids + "]}", admin);
    EXPECT_EQ(booked.status, 201) << booked.body;
    const auto bookings = booked.json();  // kept: a temporary's array would dangle in the loop
    for (const auto& b : bookings.at("bookings").as_array()) {
        room.by_candidate[b.at("candidate").as_int64()] = {b.at("id").as_int64(), std::string(b.at("keycode").as_string())};
    }
    EXPECT_EQ(client.post("/api/v1/sessions/" + room.session + "/open", "", invigilator).status, 200);
    return room;
}

inline std::string room_login(HttpsClient& client, const std::string& candidate_number, const std::string& keycode) {
    auto r = client.post("/api/v1/candidate/login", R"({"centre_number":"90001","candidate_number":")" + candidate_number +
                                                        R"(","keycode":")" + keycode + R"("})");
    EXPECT_EQ(r.status, 200) << r.body;
    return r.status == 200 ? std::string(r.json().at("token").as_string()) : std::string();
}

}  // namespace exam_test
