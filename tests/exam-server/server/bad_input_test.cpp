// Bad input gets a 4xx JSON error naming the field, never a crash, never a
// partial write (DESIGN invariant 8).
#include <boost/json.hpp>

#include "server_fixture.hpp"

using exam_test::ServerFixture;

class BadInput : public ServerFixture {
protected:
    static std::string field_of(const exam_test::Reply& r) {
        auto v = r.json();
        if (!v.is_object() || !v.as_object().contains("error")) return "<no error body>";
        const auto& e = v.at("error").as_object();
        return e.contains("field") ? std::string(e.at("field").as_string()) : "";
    }
};

TEST_F(BadInput, MalformedJsonIs400) {
    auto r = client().post("/api/v1/auth/login", R"({"username": "x", )");
    EXPECT_EQ(r.status, 400);
    EXPECT_EQ(r.json().at("error").at("code").as_string(), "malformed_json");
    EXPECT_EQ(client().post("/api/v1/auth/login", "[1,2]").status, 400);
}

TEST_F(BadInput, WrongContentTypeIs415) {
    auto r = client().request("POST", "/api/v1/auth/login", R"({"username":"a","password":"b"})", "", "text/plain");
    EXPECT_EQ(r.status, 415);
}

TEST_F(BadInput, WrongTypesAndUnknownFieldsNameTheField) {
    const auto admin = staff_token("centre.admin");
    auto r = client().post("/api/v1/centres/1/sessions",
                           R"({"unit":"T/602/1361","starts_at":12,"ends_at":"2026-11-25T12:00:00Z","room":"A"})", admin);
    EXPECT_EQ(r.status, 422);
    EXPECT_EQ(field_of(r), "/starts_at");
    r = client().post("/api/v1/centres/1/sessions",
                      R"({"unit":"T/602/1361","starts_at":"2026-11-25T09:00:00Z","ends_at":"2026-11-25T12:00:00Z",
                          "room":"A","colour":"red"})",
                      admin);
    EXPECT_EQ(r.status, 422);
    EXPECT_EQ(field_of(r), "/colour");
    r = client().post("/api/v1/centres/1/sessions",
                      R"({"unit":"NOPE","starts_at":"2026-11-25T09:00:00Z","ends_at":"2026-11-25T12:00:00Z","room":"A"})",
                      admin);
    EXPECT_EQ(r.status, 422);
    EXPECT_EQ(field_of(r), "/unit");
    // None of these made a session.
    auto sessions = client().get("/api/v1/centres/1/sessions", admin).json();
    EXPECT_EQ(sessions.at("sessions").as_array().size(), 1u);
}

TEST_F(BadInput, ABadCandidateRowRefusesTheWholeBatch) {
    const auto admin = staff_token("centre.admin");
    auto r = client().post("/api/v1/centres/1/candidates",
                           R"({"candidates":[
                               {"candidate_number":"0200","given_name":"Ok","family_name":"One","date_of_birth":"2000-01-01","uln":"9276308686"},
                               {"candidate_number":"0201","given_name":"Bad","family_name":"Uln","date_of_birth":"2000-01-01","uln":"9276308687"}]})",
                           admin);
    EXPECT_EQ(r.status, 422) << r.body;
    EXPECT_EQ(r.json().at("error").at("rows").as_array()[0].at("field").as_string(), "uln");
    auto list = client().get("/api/v1/centres/1/candidates", admin).json().at("candidates").as_array();
    for (const auto& c : list) EXPECT_NE(c.at("candidate_number").as_string(), "0200") << "nothing half-imported";
}

TEST_F(BadInput, CsvImportReportsEveryBadLineAndImportsNothingUntilClean) {
    const auto admin = staff_token("centre.admin");
    const std::string bad =
        "candidate_number,given_name,family_name,date_of_birth,uln\n"
        "0300,Ann,Lee,2001-02-03,9276308686\n"
        "0301,,Moss,2001-02-03,9276308686\n"
        "0302,Cy,Nash,2001-02-30,123\n";
    auto r = client().request("POST", "/api/v1/centres/1/candidates", bad, admin, "text/csv");
    ASSERT_EQ(r.status, 422) << r.body;
    const auto rows = r.json().at("error").at("rows").as_array();
    ASSERT_GE(rows.size(), 3u);
    EXPECT_EQ(rows[0].at("line").as_int64(), 3);
    EXPECT_EQ(rows[0].at("field").as_string(), "given_name");
    EXPECT_EQ(client().get("/api/v1/centres/1/candidates", admin).json().at("candidates").as_array().size(), 4u);
    const std::string good =
        "candidate_number,given_name,family_name,date_of_birth,uln,extra_time_percent\r\n"
        "0300,Ann,Lee,2001-02-03,9276308686,\r\n"
        "0301,\"O'Neil, Bo\",Moss,2001-02-03,1000000000,25\r\n";
    r = client().request("POST", "/api/v1/centres/1/candidates", good, admin, "text/csv");
    ASSERT_EQ(r.status, 201) << r.body;
    EXPECT_EQ(r.json().at("candidates").as_array()[1].at("given_name").as_string(), "O'Neil, Bo");
}

TEST_F(BadInput, OversizedBodiesAre413AndOversizedHeaders431) {
    // A body over 64 KB is refused, and the client gets the reply: the server reads and drops the body
    // first, since closing with it unread would reset the connection under the reply.
    for (int i = 0; i < 5; ++i) {
        auto r = client().post("/api/v1/auth/login", R"({"username":")" + std::string(70 * 1024, 'x') + R"("})");
        EXPECT_EQ(r.status, 413);
        EXPECT_EQ(r.json().at("error").at("code").as_string(), "request_rejected");
    }
    // Over the largest limit the parser starts with, too: a CSV body over 1 MiB was once cut off with no reply.
    const auto admin = staff_token("centre.admin");
    auto csv = client().request("POST", "/api/v1/centres/1/candidates", std::string(1536 * 1024, 'x'), admin, "text/csv");
    EXPECT_EQ(csv.status, 413);
    EXPECT_NE(csv.body.find("larger than 1 MiB"), std::string::npos) << csv.body;
    exam_test::Reply h;
    try {
        h = client().request("GET", "/healthz", "", std::string(9000, 'a'));
    } catch (const std::exception&) {
        h.status = 431;  // the server may close before the client has read the reply
    }
    EXPECT_EQ(h.status, 431);
}

TEST_F(BadInput, SaveValidationNamesTheField) {
    const auto token = candidate_token("0001");
    start_and_fetch(token);
    auto r = client().put("/api/v1/attempt/responses/0", R"({"sequence":"one","selected":[]})", token);
    EXPECT_EQ(r.status, 422);
    EXPECT_EQ(field_of(r), "/sequence");
    r = client().put("/api/v1/attempt/responses/0", R"({"sequence":1,"selected":["Q"]})", token);
    EXPECT_EQ(r.status, 422);
    EXPECT_EQ(field_of(r), "/selected/0");
    r = client().put("/api/v1/attempt/responses/999", R"({"sequence":1,"selected":[]})", token);
    EXPECT_EQ(r.status, 422);
    EXPECT_EQ(field_of(r), "/position");
    r = client().put("/api/v1/attempt/responses/abc", R"({"sequence":1,"selected":[]})", token);
    EXPECT_EQ(r.status, 404);
    // Nothing was saved by any of them.
    auto summary = client().get("/api/v1/attempt/summary", token).json();
    EXPECT_EQ(summary.at("answered").as_int64(), 0);
}

TEST_F(BadInput, TooManyChoicesAreRefusedWithTheLimit) {
    const auto token = candidate_token("0001");
    auto items = start_and_fetch(token).at("items").as_array();
    for (std::size_t i = 0; i < items.size(); ++i) {
        const auto choose = items[i].at("choose").as_int64();
        boost::json::array all;
        for (const auto& o : items[i].at("options").as_array()) all.push_back(o.at("id"));
        all.resize(static_cast<std::size_t>(choose + 1));
        auto r = client().put("/api/v1/attempt/responses/" + std::to_string(i),
                              boost::json::serialize(boost::json::object{{"sequence", 1}, {"selected", all}}), token);
        EXPECT_EQ(r.status, 422);
        EXPECT_NE(std::string(r.json().at("error").at("message").as_string()).find("choose at most"), std::string::npos);
        break;
    }
}

TEST_F(BadInput, UnknownRoutesAndMethodsAreJson404And405) {
    auto r = client().get("/api/v1/nothing-here");
    EXPECT_EQ(r.status, 404);
    EXPECT_EQ(r.json().at("error").at("code").as_string(), "not_found");
    r = client().request("DELETE", "/api/v1/auth/login");
    EXPECT_EQ(r.status, 405);
    EXPECT_EQ(r.headers["allow"], "POST");
}
