// Who may call what (issue 3 §3; DESIGN invariants 1 and 6): every endpoint
// of docs/openapi.json, walked with every kind of caller against the real
// server, and the status each one gets checked against one table.
//
// The principals: no token, a well-formed but unknown token, a revoked
// (logged-out) token, a candidate, the invigilator assigned to session 1,
// an invigilator of centre 1 not assigned to it, centre 1's admin, a second
// centre's admin and invigilator, and the awarding organisation's admin.
//
// What the table asks for: no valid token, 401; a candidate on a staff
// endpoint, or staff on a candidate endpoint, 403; another centre's centre,
// candidates, sessions and attempts, 404 (their existence is not told);
// a role that may never do a thing, 403; within their own centre, centre
// admins manage candidates, sessions and bookings, invigilators read the
// centre's candidates and see and run only the sessions assigned to them;
// AO admins do everything.
//
// Rows marked "SERVER:" expect what a reasonable product does where the
// server answers otherwise today; they fail until the server is fixed.
#include <boost/json.hpp>

#include <array>
#include <fstream>
#include <map>
#include <set>
#include <sstream>
#include <string>
#include <tuple>
#include <utility>
#include <vector>

#include "bundled_bank.hpp"
#include "server_fixture.hpp"
#include "services/attempt_service.hpp"

namespace json = boost::json;
using exam_test::Reply;
using exam_test::ServerFixture;

namespace {

// The callers, in the order of the table's columns.
enum Who : std::size_t {
    nobody,             // no Authorization header
    unknown_token,      // well-formed, never issued
    revoked_token,      // an AO admin's token after logging out
    candidate,          // candidate 0001, logged in to session 1
    invigilator,        // centre 1, assigned to session 1
    other_invigilator,  // centre 1, not assigned to session 1
    centre_admin,       // centre 1
    other_admin,        // centre 2
    other_invigilator2, // centre 2
    ao_admin,
    principal_count
};

constexpr std::array<const char*, principal_count> who_names = {
    "no token",
    "an unknown token",
    "a revoked token",
    "the candidate",
    "the invigilator assigned to session 1",
    "an invigilator of centre 1 not assigned to session 1",
    "centre 1's admin",
    "centre 2's admin",
    "centre 2's invigilator",
    "the AO admin",
};

// A cell that accepts 403 or 404: refused, whichever the server checks first
// (a role that may never do this, or a centre that is not the caller's).
// Either says nothing about whether the record exists.
constexpr int NO = -1;

// Set up afresh before each request of a row, so that one caller's success
// never changes what the next caller meets.
enum class Fresh {
    nothing,
    candidate,             // {candidate}: a new candidate of centre 1
    registered_candidate,  // {candidate}: a new candidate of centre 1 registered on a qualification with session 1's unit
    session,               // {session}: a new scheduled session of centre 1 assigned to the invigilator
    attempt_running,       // the candidate's attempt is resumed first (by the AO admin)
    attempt_paused,        // the candidate's attempt is paused first (by the AO admin)
    token,                 // each caller with a login uses a new token of their own (the row revokes it)
    achievement,           // {achievement}: a new active achievement of a new candidate of centre 1
    new_attempt,           // {attempt}: the attempt of a new candidate booked on session 1, logged in, not admitted
    achieving_candidate,   // {candidate}: a new candidate of centre 1 registered on 501/0443/3 with unit 3 achieved
    certificate,           // {number}, {document}: a new unit certificate of a new candidate of centre 1
    bank_import,           // {import}: a new pending import of a GIFT file, uploaded by the AO admin
};

struct Row {
    const char* method;
    const char* path;  // exactly as docs/openapi.json names it
    const char* body;  // {n}: a number new to this request; {centre}, {candidate}, {invigilator_id}: ids
    Fresh fresh;
    std::array<int, principal_count> expect;
    const char* query = "";  // appended to the path as sent
    const char* content_type = "application/json";
};

// A GIFT file for the import rows: one choice question of unit A/602/1359.
constexpr const char* gift_file = "// [id:auth-{n}] [tag:AC:A/602/1359:1.1]\n::Q{n}::Which? {=Yes ~No ~Maybe}\n";

// The ids in paths: {centre} centre 1, {session} session 1, {attempt} the
// logged-in candidate's attempt, {candidate} candidate 0001, {position} 0,
// {name} a picture on that attempt's form.
//
// Order matters only for the candidate's own attempt: it is started before the
// rows that need it running, and submitted (then released) at the end.
const std::vector<Row>& table() {
    // clang-format off
    static const std::vector<Row> rows = {
    //                                                                                         none unkn revk cand invg inv2 c1ad c2ad c2inv ao
    // Public: the same for everyone, whatever token comes with the request.
    {"GET", "/healthz", "", Fresh::nothing,                                                  {200, 200, 200, 200, 200, 200, 200, 200, 200, 200}},
    // Public as documented; worth a decision: request counts by route and attempts in progress are open to anyone
    // who can reach the port, candidates' machines included.
    {"GET", "/metrics", "", Fresh::nothing,                                                  {200, 200, 200, 200, 200, 200, 200, 200, 200, 200}},
    {"GET", "/api/v1/bank", "", Fresh::nothing,                                              {401, 401, 401, 403, 403, 403, 403, 403, 403, 200}},
    {"GET", "/api/v1/catalogue", "", Fresh::nothing,                                         {401, 401, 401, 403, 200, 200, 200, 200, 200, 200}},
    // Importing into the bank and exporting from it: the AO's admins only.
    {"POST", "/api/v1/bank/imports", gift_file, Fresh::nothing,                              {401, 401, 401, 403, 403, 403, 403, 403, 403, 201},
     "?unit=A%2F602%2F1359&filename=auth.gift", "text/plain"},
    {"GET", "/api/v1/bank/imports", "", Fresh::nothing,                                      {401, 401, 401, 403, 403, 403, 403, 403, 403, 200}},
    {"GET", "/api/v1/bank/imports/{import}", "", Fresh::bank_import,                         {401, 401, 401, 403, 403, 403, 403, 403, 403, 200}},
    {"POST", "/api/v1/bank/imports/{import}/confirm", "", Fresh::bank_import,                {401, 401, 401, 403, 403, 403, 403, 403, 403, 200}},
    {"GET", "/api/v1/bank/export", "", Fresh::nothing,                                       {401, 401, 401, 403, 403, 403, 403, 403, 403, 200},
     "?unit=A%2F602%2F1359&format=qti30"},
    {"GET", "/api/v1/bank/export/report", "", Fresh::nothing,                                {401, 401, 401, 403, 403, 403, 403, 403, 403, 200},
     "?unit=A%2F602%2F1359&format=moodle-xml"},
    {"GET", "/api/v1/openapi.json", "", Fresh::nothing,                                      {200, 200, 200, 200, 200, 200, 200, 200, 200, 200}},
    {"POST", "/api/v1/auth/login",
     R"({"username":"invigilator","password":"demo-password-2026"})", Fresh::nothing,        {200, 200, 200, 200, 200, 200, 200, 200, 200, 200}},
    {"POST", "/api/v1/candidate/login",
     R"({"centre_number":"90001","candidate_number":"0003","keycode":"{keycode_0003}"})",
     Fresh::nothing,                                                                         {200, 200, 200, 200, 200, 200, 200, 200, 200, 200}},

    // Staff: who am I, centres, staff.
    {"GET", "/api/v1/me", "", Fresh::nothing,                                                {401, 401, 401, 403, 200, 200, 200, 200, 200, 200}},
    {"GET", "/api/v1/centres", "", Fresh::nothing,                                           {401, 401, 401, 403, 200, 200, 200, 200, 200, 200}},
    {"POST", "/api/v1/centres", R"({"number":"T{n}","name":"Test centre {n}"})",
     Fresh::nothing,                                                                         {401, 401, 401, 403, 403, 403, 403, 403, 403, 201}},
    // A new invigilator of centre 1: its admin may, centre 2's admin is told centre 1 does not exist.
    {"POST", "/api/v1/staff",
     R"({"username":"new.staff.{n}","display_name":"New invigilator","role":"invigilator","centre":{centre},"password":"demo-password-2026"})",
     Fresh::nothing,                                                                         {401, 401, 401, 403, 403, 403, 201, 404, 403, 201}},

    // Centre 1's staff, for assigning invigilators: its admin and the AO; invigilators may not list them.
    {"GET", "/api/v1/centres/{centre}/staff", "", Fresh::nothing,                            {401, 401, 401, 403, 403, 403, 200, 404, 403, 200}},

    // Centre 1's candidates.
    {"POST", "/api/v1/centres/{centre}/candidates",
     R"({"candidates":[{"candidate_number":"N{n}","given_name":"Fay","family_name":"Nolan","date_of_birth":"2001-02-03","uln":"9276308686"}]})",
     Fresh::nothing,                                                                         {401, 401, 401, 403, 403, 403, 201, 404,  NO, 201}},
    {"GET", "/api/v1/centres/{centre}/candidates", "", Fresh::nothing,                       {401, 401, 401, 403, 200, 200, 200, 404, 404, 200}},
    {"GET", "/api/v1/candidates/{candidate}", "", Fresh::nothing,                            {401, 401, 401, 403, 200, 200, 200, 404, 404, 200}},
    {"PATCH", "/api/v1/candidates/{candidate}", R"({"family_name":"Nolan-{n}","reason":"married"})",
     Fresh::candidate,                                                                       {401, 401, 401, 403, 403, 403, 200, 404,  NO, 200}},
    {"POST", "/api/v1/candidates/{candidate}/registrations", R"({"qualification":"501/0442/1"})",
     Fresh::candidate,                                                                       {401, 401, 401, 403, 403, 403, 201, 404,  NO, 201}},
    {"PUT", "/api/v1/candidates/{candidate}/display-arrangement",
     R"({"display":{"text_size":200,"overlay":"yellow","high_contrast":false,"line_spacing":"wider"}})",
     Fresh::nothing,                                                                         {401, 401, 401, 403, 403, 403, 200, 404,  NO, 200}},
    {"GET", "/api/v1/candidates/{candidate}/display-arrangement", "", Fresh::nothing,        {401, 401, 401, 403, 403, 403, 200, 404,  NO, 200}},

    // Centre 1's sessions.
    {"POST", "/api/v1/centres/{centre}/sessions",
     R"({"unit":"K/602/1597","starts_at":"2026-11-25T13:00:00Z","ends_at":"2026-11-25T15:00:00Z","room":"Room {n}"})",
     Fresh::nothing,                                                                         {401, 401, 401, 403, 403, 403, 201, 404,  NO, 201}},
    {"GET", "/api/v1/centres/{centre}/sessions", "", Fresh::nothing,                         {401, 401, 401, 403, 200, 200, 200, 404, 404, 200}},
    {"GET", "/api/v1/sessions/{session}", "", Fresh::nothing,                                {401, 401, 401, 403, 200, 404, 200, 404, 404, 200}},
    {"POST", "/api/v1/sessions/{session}/bookings", R"({"candidates":[{candidate}]})",
     Fresh::registered_candidate,                                                            {401, 401, 401, 403, 403,  NO, 201, 404,  NO, 201}},
    {"PUT", "/api/v1/sessions/{session}/invigilators", R"({"invigilators":[{invigilator_id}]})",
     Fresh::session,                                                                         {401, 401, 401, 403, 403,  NO, 200, 404,  NO, 200}},
    {"POST", "/api/v1/sessions/{session}/open", "", Fresh::session,                          {401, 401, 401, 403, 200, 404, 200, 404, 404, 200}},
    {"POST", "/api/v1/sessions/{session}/close", "", Fresh::session,                         {401, 401, 401, 403, 200, 404, 200, 404, 404, 200}},
    {"GET", "/api/v1/attempts/{attempt}", "", Fresh::nothing,                                {401, 401, 401, 403, 200, 404, 200, 404, 404, 200}},

    // The credit ledger and progress of centre 1's candidates.
    {"GET", "/api/v1/candidates/{candidate}/achievements", "", Fresh::nothing,               {401, 401, 401, 403, 200, 200, 200, 404, 404, 200}},
    {"POST", "/api/v1/candidates/{candidate}/achievements",
     R"({"unit":"A/602/1359","route":"internal_assessment","evidence":"Portfolio {n}","achieved_on":"2026-06-01"})",
     Fresh::candidate,                                                                       {401, 401, 401, 403, 403, 403, 201, 404,  NO, 201}},
    {"POST", "/api/v1/achievements/{achievement}/void", R"({"reason":"recorded against the wrong candidate"})",
     Fresh::achievement,                                                                     {401, 401, 401, 403, 403, 403, 200, 404,  NO, 200}},
    {"GET", "/api/v1/candidates/{candidate}/progress", "", Fresh::nothing,                   {401, 401, 401, 403, 200, 200, 200, 404, 404, 200}},

    // Certificates of centre 1's candidates: centre admins and the AO claim, list, download and replace;
    // invigilators may not. The public key and the verifier are public.
    {"POST", "/api/v1/candidates/{candidate}/claims", R"({"kind":"unit","qualification":"501/0443/3"})",
     Fresh::achieving_candidate,                                                             {401, 401, 401, 403, 403, 403, 201, 404,  NO, 201}},
    {"GET", "/api/v1/candidates/{candidate}/certificates", "", Fresh::nothing,               {401, 401, 401, 403, 403, 403, 200, 404,  NO, 200}},
    {"GET", "/api/v1/certificates/{number}", "", Fresh::certificate,                         {401, 401, 401, 403, 403, 403, 200, 404,  NO, 200}},
    {"POST", "/api/v1/certificates/{number}/replace", R"({"reason":"lost in the post"})",
     Fresh::certificate,                                                                     {401, 401, 401, 403, 403, 403, 201, 404,  NO, 201}},
    {"GET", "/api/v1/certificates/public-key", "", Fresh::nothing,                           {200, 200, 200, 200, 200, 200, 200, 200, 200, 200}},
    {"POST", "/api/v1/certificates/verify", "{document}", Fresh::certificate,                {200, 200, 200, 200, 200, 200, 200, 200, 200, 200}},
    // Centre 1's results: its admins and the AO; invigilators run sessions but do not pull results.
    {"GET", "/api/v1/centres/{centre}/results", "", Fresh::nothing,                          {401, 401, 401, 403, 403, 403, 200, 404,  NO, 200}},

    // The audit trail: the AO verifies it; centre admins list their own staff's entries.
    {"GET", "/api/v1/audit/verify", "", Fresh::nothing,                                      {401, 401, 401, 403, 403, 403, 403, 403, 403, 200}},
    {"GET", "/api/v1/audit", "", Fresh::nothing,                                             {401, 401, 401, 403, 403, 403, 200, 200, 403, 200}},

    // The candidate's own attempt: only a candidate token, bound to it.
    {"GET", "/api/v1/attempt", "", Fresh::nothing,                                           {401, 401, 401, 200, 403, 403, 403, 403, 403, 403}},
    {"POST", "/api/v1/attempt/start", "", Fresh::nothing,                                    {401, 401, 401, 200, 403, 403, 403, 403, 403, 403}},
    {"GET", "/api/v1/attempt/items", "", Fresh::nothing,                                     {401, 401, 401, 200, 403, 403, 403, 403, 403, 403}},
    {"GET", "/api/v1/attempt/media/{name}", "", Fresh::nothing,                              {401, 401, 401, 200, 403, 403, 403, 403, 403, 403}},
    {"PUT", "/api/v1/attempt/responses/{position}", R"({"sequence":{n},"selected":["A"],"flagged":true})",
     Fresh::nothing,                                                                         {401, 401, 401, 200, 403, 403, 403, 403, 403, 403}},
    {"POST", "/api/v1/attempt/heartbeat", "", Fresh::nothing,                                {401, 401, 401, 200, 403, 403, 403, 403, 403, 403}},
    {"GET", "/api/v1/attempt/summary", "", Fresh::nothing,                                   {401, 401, 401, 200, 403, 403, 403, 403, 403, 403}},
    {"POST", "/api/v1/attempt/irregularities", R"({"kind":"focus_lost"})", Fresh::nothing,  {401, 401, 401, 200, 403, 403, 403, 403, 403, 403}},
    {"PUT", "/api/v1/attempt/player-state",
     R"({"position":1,"display":{"text_size":150,"overlay":"cream","high_contrast":false,"line_spacing":"wide"}})",
     Fresh::nothing,                                                                         {401, 401, 401, 200, 403, 403, 403, 403, 403, 403}},
    {"GET", "/api/v1/attempt/player-state", "", Fresh::nothing,                              {401, 401, 401, 200, 403, 403, 403, 403, 403, 403}},

    // Running the room: the room itself, admission, the whole room paused and resumed, incidents.
    {"GET", "/api/v1/sessions/{session}/room", "", Fresh::nothing,                           {401, 401, 401, 403, 200, 404, 200, 404, 404, 200}},
    {"POST", "/api/v1/sessions/{session}/admit", R"({"bookings":[1]})", Fresh::nothing,     {401, 401, 401, 403, 200, 404, 200, 404, 404, 200}},
    {"POST", "/api/v1/sessions/{session}/pause", R"({"reason":"fire alarm"})",
     Fresh::attempt_running,                                                                 {401, 401, 401, 403, 200, 404, 200, 404, 404, 200}},
    {"POST", "/api/v1/sessions/{session}/resume", "", Fresh::attempt_paused,                 {401, 401, 401, 403, 200, 404, 200, 404, 404, 200}},
    {"POST", "/api/v1/sessions/{session}/incidents", R"({"kind":"other","description":"Note {n}"})",
     Fresh::nothing,                                                                         {401, 401, 401, 403, 201, 404, 201, 404, 404, 201}},
    {"GET", "/api/v1/sessions/{session}/incidents", "", Fresh::nothing,                      {401, 401, 401, 403, 200, 404, 200, 404, 404, 200}},
    {"POST", "/api/v1/attempts/{attempt}/extra-time", R"({"minutes":1,"reason":"late start"})",
     Fresh::nothing,                                                                         {401, 401, 401, 403, 200, 404, 200, 404, 404, 200}},
    {"POST", "/api/v1/attempts/{attempt}/void", R"({"reason":"wrong candidate seated"})",
     Fresh::new_attempt,                                                                     {401, 401, 401, 403, 200, 404, 200, 404, 404, 200}},

    // Running the room: pause and resume one candidate.
    {"POST", "/api/v1/attempts/{attempt}/pause", R"({"reason":"fire alarm"})",
     Fresh::attempt_running,                                                                 {401, 401, 401, 403, 200, 404, 200, 404, 404, 200}},
    {"POST", "/api/v1/attempts/{attempt}/resume", "", Fresh::attempt_paused,                 {401, 401, 401, 403, 200, 404, 200, 404, 404, 200}},

    // Log-out revokes the caller's own token (a new one per caller, so the other rows keep theirs).
    {"POST", "/api/v1/auth/logout", "", Fresh::token,                                        {401, 401, 401, 200, 200, 200, 200, 200, 200, 200}},

    // The end of the attempt: submitted by its candidate, then its result released by the AO.
    {"POST", "/api/v1/attempt/submit", R"({"confirm":true})", Fresh::attempt_running,       {401, 401, 401, 200, 403, 403, 403, 403, 403, 403}},
    {"GET", "/api/v1/attempt/result", "", Fresh::nothing,                                    {401, 401, 401, 200, 403, 403, 403, 403, 403, 403}},
    {"POST", "/api/v1/attempts/{attempt}/release", "", Fresh::nothing,                       {401, 401, 401, 403, 403,  NO, 403,  NO,  NO, 200}},
    };
    // clang-format on
    return rows;
}

std::string fill(std::string text, const std::map<std::string, std::string>& vars) {
    for (const auto& [name, value] : vars) {
        const std::string placeholder = "{" + name + "}";
        for (auto at = text.find(placeholder); at != std::string::npos; at = text.find(placeholder, at + value.size())) {
            text.replace(at, placeholder.size(), value);
        }
    }
    return text;
}

std::string expected_text(int expected) { return expected == NO ? "403 or 404" : std::to_string(expected); }

bool matches(int expected, int status) { return expected == NO ? (status == 403 || status == 404) : status == expected; }

std::string error_code_of(const Reply& r) {
    auto v = r.json();
    if (!v.is_object() || !v.as_object().contains("error") || !v.at("error").is_object()) return "<no JSON error>";
    const auto& e = v.at("error").as_object();
    return e.contains("code") && e.at("code").is_string() ? std::string(e.at("code").as_string()) : "<no code>";
}

}  // namespace

class Authorization : public ServerFixture {
protected:
    void SetUp() override {
        use_bank_copy();  // the AO's confirmed imports are written into the bank
        ServerFixture::SetUp();
        ao_ = staff_token("ao.admin");
        admin_ = staff_token("centre.admin");
        centre_ = me(admin_).at("centre").as_int64();

        // A second centre with its own admin and invigilator, and a second invigilator of centre 1.
        auto centre2 = client().post("/api/v1/centres", R"({"number":"90002","name":"Hillside Academy"})", ao_);
        ASSERT_EQ(centre2.status, 201) << centre2.body;
        const auto centre2_id = std::to_string(centre2.json().at("id").as_int64());
        ASSERT_EQ(create_staff(ao_, "hill.admin", "centre_admin", centre2_id), 201);
        ASSERT_EQ(create_staff(ao_, "hill.invigilator", "invigilator", centre2_id), 201);
        ASSERT_EQ(create_staff(admin_, "river.invigilator2", "invigilator", std::to_string(centre_)), 201);

        usernames_[invigilator] = "invigilator";
        usernames_[other_invigilator] = "river.invigilator2";
        usernames_[centre_admin] = "centre.admin";
        usernames_[other_admin] = "hill.admin";
        usernames_[other_invigilator2] = "hill.invigilator";
        usernames_[ao_admin] = "ao.admin";
        for (std::size_t w = 0; w < principal_count; ++w) {
            if (!usernames_[w].empty()) tokens_[w] = staff_token(usernames_[w]);
        }
        tokens_[unknown_token] = "AAAAAAAAAAAAAAAAAAAAAA";  // 22 base64url characters, like a real token
        tokens_[revoked_token] = staff_token("ao.admin");
        ASSERT_EQ(client().post("/api/v1/auth/logout", "", tokens_[revoked_token]).status, 200);
        tokens_[candidate] = candidate_token("0001");
        ASSERT_FALSE(tokens_[candidate].empty());

        invigilator_id_ = me(tokens_[invigilator]).at("id").as_int64();
        auto attempt = client().get("/api/v1/attempt", tokens_[candidate]);
        ASSERT_EQ(attempt.status, 200) << attempt.body;
        attempt_ = attempt.json().at("attempt").as_int64();
        const auto listed = client().get("/api/v1/centres/" + std::to_string(centre_) + "/candidates", admin_).json();
        for (const auto& c : listed.at("candidates").as_array()) {
            if (c.at("candidate_number").as_string() == "0001") candidate_ = c.at("id").as_int64();
        }
        ASSERT_NE(candidate_, 0);
        keycode_0003_ = keycode_of("0003");
        // Every demo form shows pictures (tests/item-bank/sample_bank_test.cpp).
        for (const auto& entry : app_->attempts().get(attempt_).value().form) {
            const auto media = exam_test::bundled_bank().item(entry.item_id)->media();
            if (!media.empty() && picture_.empty()) picture_ = media.front();
        }
        ASSERT_FALSE(picture_.empty());
    }

    json::value me(const std::string& token) {
        auto r = client().get("/api/v1/me", token);
        EXPECT_EQ(r.status, 200) << r.body;
        return r.json();
    }

    int create_staff(const std::string& token, const std::string& username, const std::string& role,
                     const std::string& centre) {
        auto r = client().post("/api/v1/staff",
                               R"({"username":")" + username + R"(","display_name":")" + username + R"(","role":")" +
                                   role + R"(","centre":)" + centre + R"(,"password":"demo-password-2026"})",
                               token);
        EXPECT_EQ(r.status, 201) << r.body;
        return r.status;
    }

    std::string next() { return std::to_string(++counter_); }

    std::int64_t new_candidate(bool registered) {
        const auto n = next();
        auto r = client().post("/api/v1/centres/" + std::to_string(centre_) + "/candidates",
                               R"({"candidates":[{"candidate_number":"F)" + n +
                                   R"(","given_name":"Gus","family_name":"Reed","date_of_birth":"2000-07-08","uln":"9276308686"}]})",
                               admin_);
        EXPECT_EQ(r.status, 201) << r.body;
        const auto id = r.json().at("candidates").as_array()[0].at("id").as_int64();
        if (registered) {
            auto reg = client().post("/api/v1/candidates/" + std::to_string(id) + "/registrations",
                                     R"({"qualification":"501/0443/3"})", admin_);
            EXPECT_EQ(reg.status, 201) << reg.body;
        }
        return id;
    }

    std::int64_t new_achievement() {
        const auto candidate = new_candidate(false);
        auto r = client().post("/api/v1/candidates/" + std::to_string(candidate) + "/achievements",
                               R"({"unit":"Y/602/1353","route":"recognition_of_prior_learning","evidence":"RPL file 7",
                                   "achieved_on":"2025-06-30"})",
                               admin_);
        EXPECT_EQ(r.status, 201) << r.body;
        return r.json().at("id").as_int64();
    }

    std::int64_t new_attempt() {
        const auto candidate = new_candidate(true);
        const auto number = client().get("/api/v1/candidates/" + std::to_string(candidate), admin_).json().at("candidate_number");
        auto booked = client().post("/api/v1/sessions/1/bookings", R"({"candidates":[)" + std::to_string(candidate) + "]}", admin_);
        EXPECT_EQ(booked.status, 201) << booked.body;
        const auto bookings = booked.json();
        auto login = client().post("/api/v1/candidate/login",
                                   json::serialize(json::object{
                                       {"centre_number", "90001"},
                                       {"candidate_number", number},
                                       {"keycode", bookings.at("bookings").as_array()[0].at("keycode")}}));
        EXPECT_EQ(login.status, 200) << login.body;
        return login.json().at("attempt").at("attempt").as_int64();
    }

    std::int64_t new_achieving_candidate() {
        const auto candidate = new_candidate(true);
        auto r = client().post("/api/v1/candidates/" + std::to_string(candidate) + "/achievements",
                               R"({"unit":"T/602/1361","route":"internal_assessment","evidence":"Portfolio 3",
                                   "achieved_on":"2026-06-01"})",
                               admin_);
        EXPECT_EQ(r.status, 201) << r.body;
        return candidate;
    }

    // A new unit certificate's number, and its file.
    std::pair<std::string, std::string> new_certificate() {
        const auto candidate = new_achieving_candidate();
        auto r = client().post("/api/v1/candidates/" + std::to_string(candidate) + "/claims",
                               R"({"kind":"unit","qualification":"501/0443/3"})", admin_);
        EXPECT_EQ(r.status, 201) << r.body;
        std::string number(r.json().at("number").as_string());
        auto document = client().get("/api/v1/certificates/" + number, admin_);
        EXPECT_EQ(document.status, 200) << document.body;
        return {number, document.body};
    }

    std::int64_t new_bank_import() {
        auto r = client().request("POST", "/api/v1/bank/imports?unit=A%2F602%2F1359", fill(gift_file, {{"n", next()}}), ao_,
                                  "text/plain");
        EXPECT_EQ(r.status, 201) << r.body;
        return r.json().at("import").as_int64();
    }

    std::int64_t new_session() {
        auto r = client().post("/api/v1/centres/" + std::to_string(centre_) + "/sessions",
                               R"({"unit":"K/602/1597","starts_at":"2026-11-25T13:00:00Z","ends_at":"2026-11-25T15:00:00Z",
                                   "room":"Room )" + next() + R"(","invigilators":[)" + std::to_string(invigilator_id_) + "]}",
                               admin_);
        EXPECT_EQ(r.status, 201) << r.body;
        return r.json().at("id").as_int64();
    }

    // The placeholders of one request, after setting up what the row needs fresh.
    std::map<std::string, std::string> prepare(const Row& row) {
        std::map<std::string, std::string> vars{
            {"centre", std::to_string(centre_)},       {"session", "1"},
            {"attempt", std::to_string(attempt_)},     {"candidate", std::to_string(candidate_)},
            {"position", "0"},                         {"invigilator_id", std::to_string(invigilator_id_)},
            {"keycode_0003", keycode_0003_},           {"n", next()},
            {"name", picture_},
        };
        const std::string attempt_path = "/api/v1/attempts/" + std::to_string(attempt_);
        switch (row.fresh) {
        case Fresh::nothing:
        case Fresh::token: break;
        case Fresh::candidate: vars["candidate"] = std::to_string(new_candidate(false)); break;
        case Fresh::registered_candidate: vars["candidate"] = std::to_string(new_candidate(true)); break;
        case Fresh::session: vars["session"] = std::to_string(new_session()); break;
        case Fresh::achievement: vars["achievement"] = std::to_string(new_achievement()); break;
        case Fresh::new_attempt: vars["attempt"] = std::to_string(new_attempt()); break;
        case Fresh::achieving_candidate: vars["candidate"] = std::to_string(new_achieving_candidate()); break;
        case Fresh::certificate: std::tie(vars["number"], vars["document"]) = new_certificate(); break;
        case Fresh::bank_import: vars["import"] = std::to_string(new_bank_import()); break;
        // Either may already be so (409); what matters is the state after.
        case Fresh::attempt_running: client().post(attempt_path + "/resume", "", ao_); break;
        case Fresh::attempt_paused: client().post(attempt_path + "/pause", R"({"reason":"set-up"})", ao_); break;
        }
        return vars;
    }

    std::string token_for(const Row& row, std::size_t who) {
        if (row.fresh != Fresh::token) return tokens_[who];
        if (!usernames_[who].empty()) return staff_token(usernames_[who]);
        if (who == candidate) return candidate_token("0001");
        return tokens_[who];
    }

    std::string ao_;
    std::string admin_;
    std::int64_t centre_ = 0;
    std::int64_t candidate_ = 0;
    std::int64_t attempt_ = 0;
    std::int64_t invigilator_id_ = 0;
    std::string keycode_0003_;
    std::string picture_;
    std::array<std::string, principal_count> usernames_;
    std::array<std::string, principal_count> tokens_;
    int counter_ = 100;
};

TEST_F(Authorization, EveryEndpointGivesEveryCallerTheExpectedAnswer) {
    int mismatches = 0;
    for (const auto& row : table()) {
        for (std::size_t who = 0; who < principal_count; ++who) {
            const auto vars = prepare(row);
            const auto reply = client().request(row.method, fill(row.path, vars) + row.query, fill(row.body, vars),
                                                token_for(row, who), row.content_type);
            const int expected = row.expect[who];
            const std::string where = std::string(row.method) + " " + row.path + " as " + who_names[who];
            if (!matches(expected, reply.status)) {
                ++mismatches;
                ADD_FAILURE() << where << ": expected " << expected_text(expected) << ", got " << reply.status
                              << " " << reply.body.substr(0, 200);
                continue;
            }
            // A refusal says what it is, in the API's error shape.
            if (reply.status == 401) {
                EXPECT_EQ(error_code_of(reply), "unauthenticated") << where;
                EXPECT_EQ(reply.headers.count("www-authenticate"), 1u) << where;
            } else if (reply.status == 403) {
                EXPECT_EQ(error_code_of(reply), "forbidden") << where;
            } else if (reply.status == 404) {
                EXPECT_EQ(error_code_of(reply), "not_found") << where;
            }
        }
    }
    EXPECT_EQ(mismatches, 0) << "cells of the table the server answered otherwise (listed above)";
}

TEST_F(Authorization, AnotherCentresRecordsLookExactlyLikeMissingOnes) {
    // What centre 2 is told about centre 1's records is what anyone is told about records that do not exist.
    const std::string a = std::to_string(attempt_);
    const std::vector<std::pair<std::string, std::string>> pairs = {
        {"/api/v1/centres/1/candidates", "/api/v1/centres/999999/candidates"},
        {"/api/v1/centres/1/sessions", "/api/v1/centres/999999/sessions"},
        {"/api/v1/candidates/" + std::to_string(candidate_), "/api/v1/candidates/999999"},
        {"/api/v1/sessions/1", "/api/v1/sessions/999999"},
        {"/api/v1/attempts/" + a, "/api/v1/attempts/999999"},
    };
    for (const auto who : {other_admin, other_invigilator2}) {
        for (const auto& [theirs, missing] : pairs) {
            auto r1 = client().get(theirs, tokens_[who]);
            auto r2 = client().get(missing, tokens_[who]);
            EXPECT_EQ(r1.status, 404) << theirs << " as " << who_names[who];
            EXPECT_EQ(r1.status, r2.status) << theirs << " vs " << missing << " as " << who_names[who];
            EXPECT_EQ(r1.body, r2.body) << theirs << " vs " << missing << " as " << who_names[who];
        }
    }
    // An invigilator's unassigned session of their own centre looks missing too.
    auto unassigned = client().get("/api/v1/sessions/1", tokens_[other_invigilator]);
    auto missing = client().get("/api/v1/sessions/999999", tokens_[other_invigilator]);
    EXPECT_EQ(unassigned.status, 404);
    EXPECT_EQ(unassigned.body, missing.body);
    auto attempt = client().get("/api/v1/attempts/" + a, tokens_[other_invigilator]);
    auto no_attempt = client().get("/api/v1/attempts/999999", tokens_[other_invigilator]);
    EXPECT_EQ(attempt.status, 404);
    EXPECT_EQ(attempt.body, no_attempt.body);
}

TEST_F(Authorization, ListsHoldOnlyWhatTheCallerMaySee) {
    auto ids = [](const json::value& v, const char* list) {
        std::set<std::int64_t> out;
        for (const auto& e : v.at(list).as_array()) out.insert(e.at("id").as_int64());
        return out;
    };
    // Centres: the AO sees both; centre staff only their own.
    EXPECT_EQ(ids(client().get("/api/v1/centres", tokens_[ao_admin]).json(), "centres").size(), 2u);
    for (const auto who : {invigilator, other_invigilator, centre_admin}) {
        EXPECT_EQ(ids(client().get("/api/v1/centres", tokens_[who]).json(), "centres"), std::set<std::int64_t>{centre_})
            << who_names[who];
    }
    for (const auto who : {other_admin, other_invigilator2}) {
        auto seen = ids(client().get("/api/v1/centres", tokens_[who]).json(), "centres");
        EXPECT_EQ(seen.size(), 1u) << who_names[who];
        EXPECT_EQ(seen.count(centre_), 0u) << who_names[who];
    }
    // Sessions: an invigilator sees those assigned to them, and only those.
    const std::int64_t assigned_elsewhere = new_session();  // assigned to the demo invigilator, not the other
    auto sessions_of = [&](std::size_t who) {
        return ids(client().get("/api/v1/centres/" + std::to_string(centre_) + "/sessions", tokens_[who]).json(), "sessions");
    };
    EXPECT_EQ(sessions_of(invigilator), (std::set<std::int64_t>{1, assigned_elsewhere}));
    EXPECT_TRUE(sessions_of(other_invigilator).empty());
    EXPECT_EQ(sessions_of(centre_admin), (std::set<std::int64_t>{1, assigned_elsewhere}));
    // Candidates: the centre's staff see the centre's four.
    for (const auto who : {invigilator, other_invigilator, centre_admin, ao_admin}) {
        EXPECT_EQ(ids(client().get("/api/v1/centres/" + std::to_string(centre_) + "/candidates", tokens_[who]).json(), "candidates").size(), 4u)
            << who_names[who];
    }
}

TEST_F(Authorization, MalformedTokensAreUnauthenticated) {
    const std::vector<std::string> tokens = {
        "x",
        "AAAAAAAAAAAAAAAAAAAAA",                     // one character short
        "AAAAAAAAAAAAAAAAAAAAAAA",                   // one character long
        "!!!!!!!!!!!!!!!!!!!!!!",                    // right length, not base64url
        tokens_[ao_admin] + tokens_[ao_admin],       // two real tokens run together
        tokens_[ao_admin].substr(0, 21) + "#",       // a real token with its last character changed
        std::string(4000, 'A'),
    };
    for (const auto& t : tokens) {
        auto r = client().get("/api/v1/me", t);
        EXPECT_EQ(r.status, 401) << t.substr(0, 40);
        EXPECT_EQ(error_code_of(r), "unauthenticated") << t.substr(0, 40);
    }
}

// Read at run time, so a path added to the document without a row fails here.
TEST(AuthorizationTable, CoversEveryPathAndMethodOfTheOpenApiDocument) {
    std::ifstream in(EXAM_OPENAPI_DOCUMENT);
    ASSERT_TRUE(in) << "cannot read " << EXAM_OPENAPI_DOCUMENT;
    std::stringstream text;
    text << in.rdbuf();
    const auto doc = json::parse(text.str());
    std::set<std::string> documented;
    for (const auto& [path, item] : doc.at("paths").as_object()) {
        for (const auto& [method, operation] : item.as_object()) {
            static const std::set<std::string> methods = {"get", "put", "post", "delete", "patch", "head", "options", "trace"};
            if (!methods.count(std::string(method))) continue;  // "parameters", "summary"...
            std::string m(method);
            for (auto& c : m) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
            documented.insert(m + " " + std::string(path));
        }
    }
    std::set<std::string> tabled;
    for (const auto& row : table()) {
        const std::string key = std::string(row.method) + " " + row.path;
        EXPECT_TRUE(tabled.insert(key).second) << "two rows for " << key;
    }
    for (const auto& d : documented) EXPECT_TRUE(tabled.count(d)) << "no row in the authorization table for " << d;
    for (const auto& t : tabled) EXPECT_TRUE(documented.count(t)) << "a row for " << t << ", which docs/openapi.json does not document";
    EXPECT_GE(documented.size(), 30u);
}
