// Results for centres (issue 4 §6): filters, JSON and CSV (RFC 4180, with
// formula-looking cells defused), provisional until released, and a centre
// sees only its own (DESIGN invariant 6).
#include <boost/json.hpp>

#include <filesystem>
#include <fstream>
#include <sstream>

#include "api/csv_text.hpp"
#include "bundled_bank.hpp"
#include "server_fixture.hpp"

namespace json = boost::json;
using exam_test::Reply;

namespace {

class CentreResults : public exam_test::ServerFixture {
protected:
    void SetUp() override {
        ServerFixture::SetUp();
        admin_ = staff_token("centre.admin");
        ao_ = staff_token("ao.admin");
        // Names a spreadsheet would split or run: a comma, quotes, a leading "=".
        auto added = client().post("/api/v1/centres/1/candidates",
                                   R"json({"candidates":[
                {"candidate_number":"0101","given_name":"Jo \"JJ\"","family_name":"Smith, Jr","date_of_birth":"2001-02-03","uln":"9276308686"},
                {"candidate_number":"0102","given_name":"Eve","family_name":"=HYPERLINK(\"http://x\")","date_of_birth":"2001-02-03","uln":"9276308686"}]})json",
                                   admin_);
        ASSERT_EQ(added.status, 201) << added.body;
        std::string ids;
        const auto created = added.json();
        for (const auto& c : created.at("candidates").as_array()) {
            const auto id = std::to_string(c.at("id").as_int64());
            ASSERT_EQ(client().post("/api/v1/candidates/" + id + "/registrations", R"({"qualification":"501/0443/3"})", admin_).status, 201);
            ids += (ids.empty() ? "" : ",") + id;
        }
        ASSERT_EQ(client().post("/api/v1/sessions/1/bookings", R"({"candidates":[)" + ids + "]}", admin_).status, 201);

        // Candidate 0001 sits and submits; 0002 logs in (admitted); the rest are booked only.
        const auto token = candidate_token("0001");
        start_and_fetch(token);
        ASSERT_EQ(client().post("/api/v1/attempt/submit", R"({"confirm":true})", token).status, 200);
        candidate_token("0002");
    }

    json::array rows(const std::string& query, const std::string& token) {
        auto r = client().get("/api/v1/centres/1/results" + query, token);
        EXPECT_EQ(r.status, 200) << query << ": " << r.body;
        if (r.status != 200) return {};
        return r.json().at("results").as_array();
    }

    std::string field_of(const Reply& r) {
        auto v = r.json();
        if (!v.is_object() || !v.as_object().contains("error")) return "<no error>";
        const auto& e = v.at("error").as_object();
        return e.contains("field") ? std::string(e.at("field").as_string()) : "<no field>";
    }

    std::string admin_;
    std::string ao_;
};

const json::object* row_of(const json::array& rows, const std::string& candidate_number) {
    for (const auto& r : rows) {
        if (r.at("candidate_number").as_string() == candidate_number) return &r.as_object();
    }
    return nullptr;
}

}  // namespace

TEST_F(CentreResults, EveryBookingOfTheCentreWithItsStateAndResult) {
    const auto all = rows("", admin_);
    ASSERT_EQ(all.size(), 6u);
    const auto* sat = row_of(all, "0001");
    ASSERT_NE(sat, nullptr);
    EXPECT_EQ(sat->at("state").as_string(), "marked");
    EXPECT_EQ(sat->at("submitted_by").as_string(), "candidate");
    EXPECT_EQ(sat->at("unit").as_string(), "K/602/1597");
    EXPECT_EQ(sat->at("uln").as_string(), "9276308686");
    EXPECT_EQ(sat->at("date").as_string(), "2026-11-25T08:45:00Z");
    const auto& result = sat->at("result").as_object();
    EXPECT_EQ(result.at("available").as_int64(), 24);
    EXPECT_EQ(result.at("status").as_string(), "released");
    EXPECT_EQ(result.at("outcome").as_string(), result.at("raw_score").as_int64() >= result.at("pass_mark").as_int64() ? "pass" : "fail");
    EXPECT_FALSE(result.at("by_outcome").as_array().empty());

    EXPECT_EQ(row_of(all, "0002")->at("state").as_string(), "admitted");
    EXPECT_TRUE(row_of(all, "0002")->at("result").is_null());
    EXPECT_EQ(row_of(all, "0003")->at("state").as_string(), "booked");
    EXPECT_TRUE(row_of(all, "0003")->at("attempt").is_null());
    // The AO sees the same.
    EXPECT_EQ(rows("", ao_).size(), 6u);
}

TEST_F(CentreResults, FiltersNarrowTheRows) {
    EXPECT_EQ(rows("?candidate=0001", admin_).size(), 1u);
    EXPECT_EQ(rows("?candidate=9999", admin_).size(), 0u);
    EXPECT_EQ(rows("?unit=K/602/1597", admin_).size(), 6u);
    EXPECT_EQ(rows("?unit=Y/602/1353", admin_).size(), 0u);
    EXPECT_EQ(rows("?session=1", admin_).size(), 6u);
    EXPECT_EQ(rows("?session=999", admin_).size(), 0u);
    // 501/0443/3 contains unit 4 (K/602/1597); the L2 Award 501/0441/X does not.
    EXPECT_EQ(rows("?qualification=501/0443/3", admin_).size(), 6u);
    EXPECT_EQ(rows("?qualification=501/0441/X", admin_).size(), 0u);
    // The session starts at 08:45 on 2026-11-25; a date as `to` includes its whole day.
    EXPECT_EQ(rows("?from=2026-11-25&to=2026-11-25", admin_).size(), 6u);
    EXPECT_EQ(rows("?from=2026-11-25T08:45:00Z", admin_).size(), 6u);
    EXPECT_EQ(rows("?from=2026-11-25T08:45:01Z", admin_).size(), 0u);
    EXPECT_EQ(rows("?to=2026-11-25T08:45:00Z", admin_).size(), 0u);
    EXPECT_EQ(rows("?to=2026-11-24", admin_).size(), 0u);
    EXPECT_EQ(rows("?from=2026-11-26", admin_).size(), 0u);
    EXPECT_EQ(rows("?candidate=0001&unit=K/602/1597&from=2026-11-01&to=2026-11-30&format=json", admin_).size(), 1u);
}

TEST_F(CentreResults, BadParametersAreRefusedNamingTheParameter) {
    const std::vector<std::pair<std::string, std::string>> cases = {
        {"?from=yesterday", "from"},
        {"?to=2026-13-01", "to"},
        {"?from=2026-11-25T09:00:00", "from"},
        {"?from=2026-11-26&to=2026-11-25", "to"},
        {"?session=abc", "session"},
        {"?session=0", "session"},
        {"?unit=NOPE", "unit"},
        {"?qualification=999/9999/9", "qualification"},
        {"?format=xlsx", "format"},
        {"?colour=blue", "colour"},
        {"?candidate=0001&candidate=0002", "candidate"},
    };
    for (const auto& [query, field] : cases) {
        auto r = client().get("/api/v1/centres/1/results" + query, admin_);
        EXPECT_EQ(r.status, 400) << query << ": " << r.body;
        EXPECT_EQ(field_of(r), field) << query;
    }
}

TEST_F(CentreResults, CsvFollowsRfc4180AndDefusesFormulas) {
    auto r = client().get("/api/v1/centres/1/results?format=csv&candidate=0101", admin_);
    ASSERT_EQ(r.status, 200) << r.body;
    EXPECT_EQ(r.headers["content-type"].rfind("text/csv", 0), 0u) << r.headers["content-type"];
    EXPECT_NE(r.headers["content-disposition"].find("attachment"), std::string::npos);
    const std::string header =
        "session,date,unit,candidate_number,family_name,given_name,uln,state,submitted_by,submitted_at,raw_score,"
        "available,percentage,pass_mark,outcome,status,by_outcome\r\n";
    EXPECT_EQ(r.body, header + "1,2026-11-25T08:45:00Z,K/602/1597,0101,\"Smith, Jr\",\"Jo \"\"JJ\"\"\",9276308686,booked,,,,,,,,,\r\n");

    // Accept: text/csv asks for the same.
    auto accepted = client().request("GET", "/api/v1/centres/1/results?candidate=0102", "", admin_, "application/json",
                                     {{"Accept", "text/csv"}});
    ASSERT_EQ(accepted.status, 200);
    EXPECT_NE(accepted.body.find(",\"'=HYPERLINK(\"\"http://x\"\")\",Eve,"), std::string::npos) << accepted.body;

    // A marked attempt's row: the breakdown per outcome is JSON in one quoted cell.
    auto marked = client().get("/api/v1/centres/1/results?format=csv&candidate=0001", admin_);
    ASSERT_EQ(marked.status, 200);
    EXPECT_NE(marked.body.find(",marked,candidate,2026-11-25T"), std::string::npos) << marked.body;
    EXPECT_NE(marked.body.find(",24,"), std::string::npos) << marked.body;
    EXPECT_NE(marked.body.find(",released,\"[{\"\"learning_outcome\"\":"), std::string::npos) << marked.body;
    EXPECT_EQ(marked.body.substr(marked.body.size() - 2), "\r\n");
}

TEST(CsvText, QuotesWhatNeedsQuotingAndDefusesFormulas) {
    using exam::api::csv_field;
    EXPECT_EQ(csv_field("plain"), "plain");
    EXPECT_EQ(csv_field(""), "");
    EXPECT_EQ(csv_field("a,b"), "\"a,b\"");
    EXPECT_EQ(csv_field("say \"hi\""), "\"say \"\"hi\"\"\"");
    EXPECT_EQ(csv_field("line one\nline two"), "\"line one\nline two\"");
    EXPECT_EQ(csv_field("cr\r\nlf"), "\"cr\r\nlf\"");
    EXPECT_EQ(csv_field("=1+1"), "'=1+1");
    EXPECT_EQ(csv_field("+44 7700"), "'+44 7700");
    EXPECT_EQ(csv_field("-2"), "'-2");
    EXPECT_EQ(csv_field("@SUM(A1)"), "'@SUM(A1)");
    EXPECT_EQ(csv_field("=A1,B1"), "\"'=A1,B1\"");
    EXPECT_EQ(csv_field("a=b"), "a=b");
    EXPECT_EQ(exam::api::csv_row({"a", "b,c", ""}), "a,\"b,c\",\r\n");
}

TEST_F(CentreResults, ACentreSeesOnlyItsOwn) {
    auto centre2 = client().post("/api/v1/centres", R"({"number":"90002","name":"Hillside Academy"})", ao_);
    ASSERT_EQ(centre2.status, 201);
    const auto c2 = std::to_string(centre2.json().at("id").as_int64());
    ASSERT_EQ(client().post("/api/v1/staff",
                            R"({"username":"hill.admin","display_name":"Hill","role":"centre_admin","centre":)" + c2 +
                                R"(,"password":"demo-password-2026"})",
                            ao_).status,
              201);
    const auto other = staff_token("hill.admin");

    // Centre 1's results look to centre 2 exactly like a centre that does not exist, in either format.
    for (const std::string format : {"", "?format=csv"}) {
        auto theirs = client().get("/api/v1/centres/1/results" + format, other);
        auto missing = client().get("/api/v1/centres/999999/results" + format, other);
        EXPECT_EQ(theirs.status, 404);
        EXPECT_EQ(theirs.body, missing.body);
    }
    // Their own centre has no bookings; centre 1's admin cannot see centre 2's.
    EXPECT_EQ(client().get("/api/v1/centres/" + c2 + "/results", other).body, R"({"centre":)" + c2 + R"(,"results":[]})");
    EXPECT_EQ(client().get("/api/v1/centres/" + c2 + "/results", admin_).status, 404);
    // Invigilators run sessions; results are for the centre's admins and the AO.
    EXPECT_EQ(client().get("/api/v1/centres/1/results", staff_token("invigilator")).status, 403);
    EXPECT_EQ(client().get("/api/v1/centres/999999/results", ao_).status, 404);
    EXPECT_EQ(client().get("/api/v1/centres/1/results").status, 401);
}

namespace {

// The bundled bank with unit 4's results held for the awarding organisation's release.
class HeldCentreResults : public CentreResults {
protected:
    void SetUp() override {
        const auto bank = dir_.path() / "bank";
        std::filesystem::copy(exam_test::bundled_bank_dir(), bank, std::filesystem::copy_options::recursive);
        const auto spec = bank / "tests" / "k-602-1597.json";
        std::stringstream text;
        text << std::ifstream(spec).rdbuf();
        std::string content = text.str();
        const std::string immediate = "\"release\": \"immediate\"";
        const auto at = content.find(immediate);
        ASSERT_NE(at, std::string::npos);
        content.replace(at, immediate.size(), "\"release\": \"held\"");
        std::ofstream(spec) << content;
        bank_dir_ = bank.string();
        CentreResults::SetUp();
    }
};

}  // namespace

TEST_F(HeldCentreResults, StaffSeeAHeldResultLabelledProvisionalUntilReleased) {
    auto held = rows("?candidate=0001", admin_);
    ASSERT_EQ(held.size(), 1u);
    EXPECT_EQ(held[0].at("result").at("status").as_string(), "provisional");
    EXPECT_EQ(held[0].at("result").at("available").as_int64(), 24);
    const auto attempt = std::to_string(held[0].at("attempt").as_int64());
    ASSERT_EQ(client().post("/api/v1/attempts/" + attempt + "/release", "", ao_).status, 200);
    EXPECT_EQ(rows("?candidate=0001", admin_)[0].at("result").at("status").as_string(), "released");
}
