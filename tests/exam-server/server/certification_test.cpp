// Certification end to end (issue 4 §5): claims the seed rules support are
// issued, numbered and signed; claims they do not are refused with the
// engine's explanation; a replacement is labelled and the original kept;
// certificates verify against the public key and a changed one does not;
// another centre sees none of it; every issue is in the audit chain.
#include <boost/json.hpp>

#include <fstream>
#include <set>
#include <sstream>

#include "bundled_bank.hpp"
#include "server_fixture.hpp"
#include "services/attempt_service.hpp"

namespace json = boost::json;
using exam_test::Reply;

namespace {
constexpr const char* unit3 = "T/602/1361";  // level 2, 3 credits: in the L2 and the L3 Certificate
constexpr const char* unit4 = "K/602/1597";  // level 3, 6 credits
constexpr const char* unit5 = "M/602/1598";  // level 3, 4 credits
constexpr const char* level2_certificate = "501/0442/1";
constexpr const char* level3_certificate = "501/0443/3";
}  // namespace

class Certification : public exam_test::ServerFixture {
protected:
    void SetUp() override {
        ServerFixture::SetUp();
        admin_ = staff_token("centre.admin");
        ao_ = staff_token("ao.admin");
    }

    std::int64_t add_candidate(const std::string& number) {
        auto r = client().post("/api/v1/centres/1/candidates",
                               R"({"candidates":[{"candidate_number":")" + number +
                                   R"(","given_name":"Ada","family_name":"Okafor","date_of_birth":"2004-03-09","uln":"9276308686"}]})",
                               admin_);
        EXPECT_EQ(r.status, 201) << r.body;
        return r.json().at("candidates").as_array()[0].at("id").as_int64();
    }
    void register_on(std::int64_t candidate, const std::string& qualification) {
        auto r = client().post(path(candidate, "registrations"), R"({"qualification":")" + qualification + R"("})", admin_);
        ASSERT_EQ(r.status, 201) << r.body;
    }
    void record(std::int64_t candidate, const std::string& unit) {
        auto r = client().post(path(candidate, "achievements"),
                               json::serialize(json::object{{"unit", unit},
                                                            {"route", "internal_assessment"},
                                                            {"evidence", "Portfolio " + unit},
                                                            {"achieved_on", "2026-10-01"}}),
                               admin_);
        ASSERT_EQ(r.status, 201) << r.body;
    }
    // The candidate sits a new session of unit 3 and answers every item with its key.
    void pass_unit3_onscreen(std::int64_t candidate, const std::string& candidate_number) {
        auto session = client().post("/api/v1/centres/1/sessions",
                                     json::serialize(json::object{{"unit", unit3},
                                                                  {"starts_at", "2026-11-25T08:30:00Z"},
                                                                  {"ends_at", "2026-11-25T12:00:00Z"},
                                                                  {"room", "Room 3"}}),
                                     admin_);
        ASSERT_EQ(session.status, 201) << session.body;
        const auto id = std::to_string(session.json().at("id").as_int64());
        ASSERT_EQ(client().post("/api/v1/sessions/" + id + "/bookings", "{\"candidates\":[" + std::to_string(candidate) + "]}",
                                admin_).status, 201);
        ASSERT_EQ(client().post("/api/v1/sessions/" + id + "/open", "", admin_).status, 200);
        std::string keycode;
        std::int64_t booking = 0;
        const auto booked = client().get("/api/v1/sessions/" + id, admin_).json();
        for (const auto& b : booked.at("bookings").as_array()) {
            if (b.at("candidate").as_int64() == candidate) {
                keycode = std::string(b.at("keycode").as_string());
                booking = b.at("id").as_int64();
            }
        }
        ASSERT_EQ(client().post("/api/v1/sessions/" + id + "/admit", "{\"bookings\":[" + std::to_string(booking) + "]}",
                                admin_).status, 200);
        auto login = client().post("/api/v1/candidate/login",
                                   json::serialize(json::object{{"centre_number", "90001"},
                                                                {"candidate_number", candidate_number},
                                                                {"keycode", keycode}}));
        ASSERT_EQ(login.status, 200) << login.body;
        const std::string token(login.json().at("token").as_string());
        const auto items = start_and_fetch(token).at("items").as_array();
        const auto attempt_id = client().get("/api/v1/attempt", token).json().at("attempt").as_int64();
        const auto attempt = app_->attempts().get(attempt_id).value();
        for (std::size_t i = 0; i < items.size(); ++i) {
            json::array key;
            for (const auto& k : exam_test::bundled_bank().item(attempt.form[i].item_id)->key) key.push_back(json::value(k));
            client().put("/api/v1/attempt/responses/" + std::to_string(i),
                         json::serialize(json::object{{"sequence", 1}, {"selected", key}}), token);
        }
        ASSERT_EQ(client().post("/api/v1/attempt/submit", R"({"confirm":true})", token).status, 200);
    }
    Reply claim(std::int64_t candidate, const std::string& kind, const std::string& qualification,
                const std::string& units_json = "", const std::string& token = "") {
        std::string body = R"({"kind":")" + kind + R"(","qualification":")" + qualification + "\"";
        if (!units_json.empty()) body += R"(,"units":)" + units_json;
        return client().post(path(candidate, "claims"), body + "}", token.empty() ? admin_ : token);
    }
    static std::string path(std::int64_t candidate, const std::string& what) {
        return "/api/v1/candidates/" + std::to_string(candidate) + "/" + what;
    }
    static std::vector<std::string> unit_codes(const json::value& certificate) {
        std::vector<std::string> out;
        for (const auto& u : certificate.at("units").as_array()) out.emplace_back(u.at("code").as_string());
        return out;
    }
    Reply verify(const std::string& document) { return client().post("/api/v1/certificates/verify", document); }

    // Candidate "C3" of centre 1: unit 3 passed onscreen while registered for the Level 2 Certificate
    // only, then registered for the Level 3 Certificate.
    std::int64_t candidate_with_unit3() {
        const auto id = add_candidate("C3");
        register_on(id, level2_certificate);
        pass_unit3_onscreen(id, "C3");
        register_on(id, level3_certificate);
        return id;
    }

    std::string admin_;
    std::string ao_;
};

TEST_F(Certification, TheLevel3CertificateIsRefusedUntilUnits3To5AndThenIssuedWithUnit3FromTheLevel2Registration) {
    const auto id = candidate_with_unit3();

    auto refused = claim(id, "full", level3_certificate);
    ASSERT_EQ(refused.status, 422) << refused.body;
    auto error = refused.json().at("error");
    EXPECT_EQ(error.at("code").as_string(), "rules_not_met");
    EXPECT_EQ(error.at("field").as_string(), "/qualification");
    EXPECT_EQ(error.at("credits").as_int64(), 3);  // unit 3's credit counts toward the Level 3 Certificate too
    const auto missing = error.at("missing").as_array();
    ASSERT_FALSE(missing.empty());
    EXPECT_NE(std::string(error.at("message").as_string()).find(std::string(missing[0].as_string())), std::string::npos);
    bool names_unit4 = false;
    for (const auto& m : missing) names_unit4 |= std::string(m.as_string()).find(unit4) != std::string::npos;
    EXPECT_TRUE(names_unit4) << refused.body;

    record(id, unit4);
    refused = claim(id, "full", level3_certificate);
    ASSERT_EQ(refused.status, 422);
    EXPECT_EQ(refused.json().at("error").at("missing").as_array()[0].as_string(),
              "needs mandatory unit M/602/1598 Improving Customer Service");
    // Unit 3 alone does not make the Level 2 Certificate either (units 1 and 2 are missing).
    EXPECT_EQ(claim(id, "full", level2_certificate).json().at("error").at("code").as_string(), "rules_not_met");

    record(id, unit5);
    auto issued = claim(id, "full", level3_certificate);
    ASSERT_EQ(issued.status, 201) << issued.body;
    const auto reply = issued.json();
    EXPECT_EQ(reply.at("kind").as_string(), "full");
    EXPECT_EQ(reply.at("status").as_string(), "current");
    EXPECT_FALSE(reply.at("replacement").as_bool());
    const std::string number(reply.at("number").as_string());
    EXPECT_EQ(number, "EXC-2026-000001");
    const auto& certificate = reply.at("certificate");
    EXPECT_EQ(unit_codes(certificate), (std::vector<std::string>{unit3, unit4, unit5}));
    EXPECT_EQ(certificate.at("credits").as_int64(), 13);
    EXPECT_EQ(certificate.at("qualification").at("id").as_string(), level3_certificate);
    EXPECT_EQ(certificate.at("qualification").at("level").as_int64(), 3);
    EXPECT_EQ(certificate.at("candidate").at("name").as_string(), "Ada Okafor");
    EXPECT_EQ(certificate.at("candidate").at("uln").as_string(), "9276308686");
    EXPECT_EQ(certificate.at("centre").at("number").as_string(), "90001");
    EXPECT_EQ(certificate.at("units").as_array()[0].at("route").as_string(), "onscreen_test");
    EXPECT_EQ(certificate.at("units").as_array()[0].at("level").as_int64(), 2);
    EXPECT_EQ(certificate.at("issued_at").as_string(), "2026-11-25T09:00:00Z");

    // One full certificate per registration: a second claim is told to ask for a replacement.
    auto again = claim(id, "full", level3_certificate);
    EXPECT_EQ(again.status, 409);
    EXPECT_NE(again.body.find(number), std::string::npos) << again.body;

    // Numbers run on; a unit certificate of the same units is still possible.
    auto units = claim(id, "unit", level3_certificate);
    ASSERT_EQ(units.status, 201) << units.body;
    EXPECT_EQ(units.json().at("number").as_string(), "EXC-2026-000002");

    auto list = client().get(path(id, "certificates"), admin_).json().at("certificates").as_array();
    ASSERT_EQ(list.size(), 2u);
    EXPECT_EQ(list[0].at("number").as_string(), number);
    EXPECT_EQ(list[0].at("download").as_string(), "/api/v1/certificates/" + number);
}

TEST_F(Certification, AUnitCertificateListsAchievedUnitsOrTheChosenOnes) {
    const auto id = candidate_with_unit3();
    record(id, unit4);
    auto all = claim(id, "unit", level3_certificate);
    ASSERT_EQ(all.status, 201) << all.body;
    EXPECT_EQ(unit_codes(all.json().at("certificate")), (std::vector<std::string>{unit3, unit4}));
    EXPECT_EQ(all.json().at("certificate").at("credits").as_int64(), 9);

    auto chosen = claim(id, "unit", level3_certificate, R"(["K/602/1597"])");
    ASSERT_EQ(chosen.status, 201) << chosen.body;
    EXPECT_EQ(unit_codes(chosen.json().at("certificate")), (std::vector<std::string>{unit4}));

    auto field_of = [](const Reply& r) { return std::string(r.json().at("error").at("field").as_string()); };
    auto not_achieved = claim(id, "unit", level3_certificate, R"(["K/602/1597","M/602/1598"])");
    EXPECT_EQ(not_achieved.status, 422);
    EXPECT_EQ(field_of(not_achieved), "/units/1");
    auto not_in_qualification = claim(id, "unit", level3_certificate, R"(["Y/602/1353"])");
    EXPECT_EQ(not_in_qualification.status, 422);
    EXPECT_EQ(field_of(not_in_qualification), "/units/0");
    EXPECT_EQ(field_of(claim(id, "unit", level3_certificate, R"(["K/602/1597","K/602/1597"])")), "/units/1");
    EXPECT_EQ(field_of(claim(id, "unit", level3_certificate, "[]")), "/units");
    EXPECT_EQ(field_of(claim(id, "full", level3_certificate, R"(["K/602/1597"])")), "/units");
    EXPECT_EQ(field_of(claim(id, "diploma", level3_certificate)), "/kind");
    EXPECT_EQ(field_of(claim(id, "unit", "999/9999/9")), "/qualification");

    // Not registered on the Level 2 Award: refused, whatever the units.
    auto unregistered = claim(id, "unit", "501/0441/X");
    EXPECT_EQ(unregistered.status, 422);
    EXPECT_EQ(unregistered.json().at("error").at("code").as_string(), "not_registered");

    // A candidate with nothing achieved has nothing to certify.
    const auto empty = add_candidate("C4");
    register_on(empty, level3_certificate);
    EXPECT_EQ(field_of(claim(empty, "unit", level3_certificate)), "/units");
    EXPECT_EQ(client().get(path(id, "certificates"), admin_).json().at("certificates").as_array().size(), 2u);
}

TEST_F(Certification, TheDownloadVerifiesAndAChangedByteDoesNot) {
    const auto id = candidate_with_unit3();
    const std::string number(claim(id, "unit", level3_certificate).json().at("number").as_string());

    auto download = client().get("/api/v1/certificates/" + number, admin_);
    ASSERT_EQ(download.status, 200);
    EXPECT_EQ(download.headers["content-type"], "application/json");
    EXPECT_EQ(download.headers["content-disposition"], "attachment; filename=\"" + number + ".json\"");

    auto ok = verify(download.body);
    ASSERT_EQ(ok.status, 200) << ok.body;
    EXPECT_TRUE(ok.json().at("valid").as_bool()) << ok.body;
    EXPECT_EQ(ok.json().at("number").as_string(), number);
    EXPECT_EQ(ok.json().at("register").at("status").as_string(), "current");

    // A change in what it says, in its signature, and in its spelling alone.
    std::string renamed = download.body;
    renamed.replace(renamed.find("Ada Okafor"), 3, "Eve");
    std::string resigned = download.body;
    const auto in_signature = resigned.find("\"signature\":\"") + 20;
    resigned[in_signature] = resigned[in_signature] == 'A' ? 'B' : 'A';
    std::string respaced = download.body;
    respaced.insert(1, " ");
    for (const auto& tampered : {renamed, resigned, respaced, download.body.substr(0, download.body.size() - 1)}) {
        auto r = verify(tampered);
        ASSERT_EQ(r.status, 200);
        EXPECT_FALSE(r.json().at("valid").as_bool()) << tampered;
        EXPECT_FALSE(r.json().at("reason").as_string().empty());
    }
    EXPECT_FALSE(verify("not json").json().at("valid").as_bool());
    EXPECT_EQ(client().request("POST", "/api/v1/certificates/verify", download.body, "", "text/plain").status, 415);

    // The public key is served, and is the one kept beside the signing key in the data directory.
    auto key = client().get("/api/v1/certificates/public-key");
    ASSERT_EQ(key.status, 200);
    EXPECT_EQ(key.headers["content-type"], "application/x-pem-file");
    EXPECT_EQ(key.body.rfind("-----BEGIN PUBLIC KEY-----", 0), 0u);
    std::ifstream in(dir_.path() / "data" / "awarding-public-key.pem");
    std::stringstream file;
    file << in.rdbuf();
    EXPECT_EQ(file.str(), key.body);
    EXPECT_EQ(std::filesystem::status(dir_.path() / "data" / "awarding-key.pem").permissions() &
                  std::filesystem::perms::all,
              std::filesystem::perms::owner_read | std::filesystem::perms::owner_write);

    // The key survives a restart: what was issued before still verifies, and the download is the same bytes.
    restart_server();
    EXPECT_EQ(client().get("/api/v1/certificates/public-key").body, key.body);
    EXPECT_TRUE(verify(download.body).json().at("valid").as_bool());
    EXPECT_EQ(client().get("/api/v1/certificates/" + number, staff_token("centre.admin")).body, download.body);
}

TEST_F(Certification, AReplacementIsLabelledAndTheOriginalIsKeptMarkedReplaced) {
    const auto id = candidate_with_unit3();
    record(id, unit4);
    record(id, unit5);
    const auto original = claim(id, "full", level3_certificate).json();
    const std::string number(original.at("number").as_string());
    const auto replace_path = "/api/v1/certificates/" + number + "/replace";

    auto no_reason = client().post(replace_path, R"({"reason":"  "})", admin_);
    EXPECT_EQ(no_reason.status, 422);
    EXPECT_EQ(no_reason.json().at("error").at("field").as_string(), "/reason");
    EXPECT_EQ(client().post(replace_path, R"({})", admin_).json().at("error").at("field").as_string(), "/reason");

    auto replaced = client().post(replace_path, R"({"reason":"lost in a house move"})", admin_);
    ASSERT_EQ(replaced.status, 201) << replaced.body;
    const auto r = replaced.json();
    const std::string new_number(r.at("number").as_string());
    EXPECT_NE(new_number, number);
    EXPECT_TRUE(r.at("replacement").as_bool());
    EXPECT_EQ(r.at("replaces").as_string(), number);
    EXPECT_TRUE(r.at("certificate").at("replacement").as_bool());
    EXPECT_EQ(r.at("certificate").at("replaces").as_string(), number);
    EXPECT_EQ(unit_codes(r.at("certificate")), unit_codes(original.at("certificate")));

    auto list = client().get(path(id, "certificates"), admin_).json().at("certificates").as_array();
    ASSERT_EQ(list.size(), 2u);
    EXPECT_EQ(list[0].at("status").as_string(), "replaced");
    EXPECT_EQ(list[0].at("replaced_by").as_string(), new_number);
    EXPECT_EQ(list[0].at("replace_reason").as_string(), "lost in a house move");
    EXPECT_EQ(list[1].at("status").as_string(), "current");

    // The old file still verifies (it was signed), and the register says it was replaced.
    auto old_check = verify(client().get("/api/v1/certificates/" + number, admin_).body).json();
    EXPECT_TRUE(old_check.at("valid").as_bool());
    EXPECT_EQ(old_check.at("register").at("status").as_string(), "replaced");
    EXPECT_EQ(old_check.at("register").at("replaced_by").as_string(), new_number);
    auto new_check = verify(client().get("/api/v1/certificates/" + new_number, admin_).body).json();
    EXPECT_TRUE(new_check.at("valid").as_bool());
    EXPECT_TRUE(new_check.at("replacement").as_bool());
    EXPECT_EQ(new_check.at("replaces").as_string(), number);

    // A replaced certificate is not replaced twice; the current one may be; a second full claim is still refused.
    EXPECT_EQ(client().post(replace_path, R"({"reason":"again"})", admin_).status, 409);
    EXPECT_EQ(client().post("/api/v1/certificates/" + new_number + "/replace", R"({"reason":"damaged"})", ao_).status, 201);
    EXPECT_EQ(claim(id, "full", level3_certificate).status, 409);

    // Every issue and replacement is in the audit chain, with its reason.
    std::multiset<std::string> actions;
    bool reason_kept = false;
    for (const auto& row : query("SELECT action, subject, details FROM audit_log WHERE action LIKE 'certificate.%'")) {
        actions.insert(row[0]);
        if (row[1] == "certificate:" + new_number) reason_kept = row[2].find("lost in a house move") != std::string::npos;
    }
    EXPECT_EQ(actions.count("certificate.issue"), 1u);
    EXPECT_EQ(actions.count("certificate.replace"), 2u);
    EXPECT_TRUE(reason_kept);
    EXPECT_EQ(first_broken_audit_row(), 0);
}

TEST_F(Certification, AnotherCentreMeetsOnlyMissingRecordsOnEveryClaimEndpoint) {
    const auto id = candidate_with_unit3();
    const std::string number(claim(id, "unit", level3_certificate).json().at("number").as_string());
    ASSERT_EQ(client().post("/api/v1/centres", R"({"number":"90002","name":"Hillside Academy"})", ao_).status, 201);
    ASSERT_EQ(client().post("/api/v1/staff",
                            R"({"username":"hill.admin","display_name":"Hill","role":"centre_admin","centre":2,"password":"demo-password-2026"})",
                            ao_).status, 201);
    const auto other = staff_token("hill.admin");

    const std::string missing_candidate = "999999";
    const std::vector<std::array<std::string, 4>> pairs = {
        // method, theirs, missing, body
        {"POST", path(id, "claims"), "/api/v1/candidates/" + missing_candidate + "/claims",
         R"({"kind":"unit","qualification":"501/0443/3"})"},
        {"GET", path(id, "certificates"), "/api/v1/candidates/" + missing_candidate + "/certificates", ""},
        {"GET", "/api/v1/certificates/" + number, "/api/v1/certificates/EXC-2026-999999", ""},
        {"POST", "/api/v1/certificates/" + number + "/replace", "/api/v1/certificates/EXC-2026-999999/replace",
         R"({"reason":"lost"})"},
    };
    for (const auto& [method, theirs, missing, body] : pairs) {
        auto r1 = client().request(method, theirs, body, other);
        auto r2 = client().request(method, missing, body, other);
        EXPECT_EQ(r1.status, 404) << method << " " << theirs << ": " << r1.body;
        EXPECT_EQ(r1.body, r2.body) << method << " " << theirs;
    }
    // Nothing was issued or replaced by those attempts.
    auto list = client().get(path(id, "certificates"), admin_).json().at("certificates").as_array();
    ASSERT_EQ(list.size(), 1u);
    EXPECT_EQ(list[0].at("status").as_string(), "current");
    // Invigilators may not claim, even in their own centre.
    EXPECT_EQ(claim(id, "unit", level3_certificate, "", staff_token("invigilator")).status, 403);
}
