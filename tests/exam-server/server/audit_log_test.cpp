// Every state change that matters lands in the append-only, hash-chained
// audit log (DESIGN invariant 7), and an edited row breaks the chain.
#include <boost/json.hpp>

#include <algorithm>
#include <set>

#include "server_fixture.hpp"
#include "storage/sqlite/connection.hpp"
#include "storage/sqlite/database.hpp"

class AuditLog : public exam_test::ServerFixture {};

TEST_F(AuditLog, RecordsTheSittingsStateChangesInAnUnbrokenChain) {
    const auto token = candidate_token("0001");
    start_and_fetch(token);
    const auto invigilator = staff_token("invigilator");
    client().post("/api/v1/attempts/1/pause", R"({"reason":"toilet break"})", invigilator);
    client().post("/api/v1/attempts/1/resume", "", invigilator);
    client().post("/api/v1/attempt/submit", R"({"confirm":true})", token);

    std::set<std::string> actions;
    for (const auto& row : query("SELECT action FROM audit_log")) actions.insert(row[0]);
    for (const char* expected : {"centre.create", "staff.create", "candidates.add", "registration.create",
                                 "session.create", "session.book", "session.open", "login", "candidate.login",
                                 "attempt.create", "attempt.start", "attempt.pause", "attempt.resume", "attempt.submit"}) {
        EXPECT_TRUE(actions.count(expected)) << expected;
    }
    EXPECT_EQ(first_broken_audit_row(), 0);
}

TEST_F(AuditLog, AnEditedOrDeletedRowBreaksTheChain) {
    ASSERT_EQ(first_broken_audit_row(), 0);
    execute("UPDATE audit_log SET actor = ? WHERE id = 3", {"staff:someone-else"});
    EXPECT_EQ(first_broken_audit_row(), 3);
    execute("DELETE FROM audit_log WHERE id = 3");
    EXPECT_EQ(first_broken_audit_row(), 4);
}

// GET /api/v1/audit/verify (issue 4 §7): the chain finds an edited, an
// inserted and a deleted row; the anchor kept beside the database finds rows
// cut from the end, and rows appended with hashes computed afresh.
class AuditVerification : public AuditLog {
protected:
    void SetUp() override {
        AuditLog::SetUp();
        ao_ = staff_token("ao.admin");
    }

    boost::json::value verify() {
        auto r = client().get("/api/v1/audit/verify", ao_);
        EXPECT_EQ(r.status, 200) << r.body;
        return r.json();
    }

    std::int64_t last_id() { return std::stoll(query("SELECT MAX(id) FROM audit_log").at(0).at(0)); }
    // The anchor file is SQLite's: PostgreSQL's log is shared by every node and has none.
    static constexpr const char* no_anchor = "the anchor file is SQLite's (PostgreSQL's log is shared by every node)";

    std::string ao_;
};

TEST_F(AuditVerification, AnUntouchedLogIsIntactAcrossARestart) {
    auto v = verify();
    EXPECT_TRUE(v.at("ok").as_bool()) << v;
    EXPECT_TRUE(v.at("first_broken_entry").is_null());
    EXPECT_GT(v.at("entries").as_int64(), 10);
    restart_server();
    ao_ = staff_token("ao.admin");
    EXPECT_TRUE(verify().at("ok").as_bool());
}

TEST_F(AuditVerification, FindsAnEditedRow) {
    execute("UPDATE audit_log SET details = '{\"unit\":\"forged\"}' WHERE id = 6");
    auto v = verify();
    EXPECT_FALSE(v.at("ok").as_bool());
    EXPECT_EQ(v.at("first_broken_entry").as_int64(), 6) << v;
}

TEST_F(AuditVerification, FindsAnInsertedRow) {
    const auto prev = query("SELECT hash FROM audit_log WHERE id = 4").at(0).at(0);
    // Make room at id 5 (two steps: ids stay unique throughout), then insert a row chained to row 4.
    execute("UPDATE audit_log SET id = -id WHERE id >= 5");
    execute("UPDATE audit_log SET id = 1 - id WHERE id < 0");
    execute("INSERT INTO audit_log (id, at, actor, action, subject, details, prev_hash, hash) VALUES (5, 0, 'staff:ao.admin', "
            "'achievement.void', 'achievement:1', '{}', ?, 'made-up')",
            {prev});
    auto v = verify();
    EXPECT_FALSE(v.at("ok").as_bool());
    EXPECT_EQ(v.at("first_broken_entry").as_int64(), 5) << v;
}

TEST_F(AuditVerification, FindsADeletedRow) {
    execute("DELETE FROM audit_log WHERE id = 3");
    auto v = verify();
    EXPECT_FALSE(v.at("ok").as_bool());
    EXPECT_EQ(v.at("first_broken_entry").as_int64(), 4) << v;
}

TEST_F(AuditVerification, TheAnchorFindsRowsCutFromTheEnd) {
    if (on_postgresql()) GTEST_SKIP() << no_anchor;
    const auto last = last_id();
    execute("DELETE FROM audit_log WHERE id >= CAST(? AS BIGINT)", {std::to_string(last - 1)});
    auto v = verify();
    EXPECT_FALSE(v.at("ok").as_bool());
    EXPECT_EQ(v.at("first_broken_entry").as_int64(), last - 1) << v;
    EXPECT_NE(std::string(v.at("message").as_string()).find("removed"), std::string::npos) << v;
    // And it stays found after a restart: the server does not re-anchor a log that disagrees.
    restart_server();
    ao_ = staff_token("ao.admin");  // this log-in appends to the log: the cut is still there
    EXPECT_FALSE(verify().at("ok").as_bool());
}

TEST_F(AuditVerification, TheAnchorFindsARowAppendedWithAValidHash) {
    if (on_postgresql()) GTEST_SKIP() << no_anchor;
    const auto last = last_id();
    {
        using namespace exam::storage::sqlite;
        Connection db(dir_.path() / "data" / "exam.sqlite3", Access::read_write_create);
        append_audit(db, {0, "staff:ao.admin", "achievement.void", "achievement:1", "{}"});
        ASSERT_EQ(exam::storage::sqlite::first_broken_audit_row(db), 0);  // the chain alone cannot tell
    }
    auto v = verify();
    EXPECT_FALSE(v.at("ok").as_bool());
    EXPECT_EQ(v.at("first_broken_entry").as_int64(), last + 1) << v;
}

TEST_F(AuditVerification, OnlyTheAwardingOrganisationVerifies) {
    EXPECT_EQ(client().get("/api/v1/audit/verify", staff_token("centre.admin")).status, 403);
    EXPECT_EQ(client().get("/api/v1/audit/verify", staff_token("invigilator")).status, 403);
    EXPECT_EQ(client().get("/api/v1/audit/verify").status, 401);
    EXPECT_EQ(client().get("/api/v1/audit/verify?deep=1", ao_).status, 400);
}

TEST_F(AuditVerification, ACentreAdminListsOnlyTheirOwnStaffsEntries) {
    const auto admin = staff_token("centre.admin");
    staff_token("invigilator");
    candidate_token("0001");
    // A second centre, whose admin acts too.
    auto centre2 = client().post("/api/v1/centres", R"({"number":"90002","name":"Hillside Academy"})", ao_);
    ASSERT_EQ(centre2.status, 201);
    const auto c2 = std::to_string(centre2.json().at("id").as_int64());
    ASSERT_EQ(client().post("/api/v1/staff",
                            R"({"username":"hill.admin","display_name":"Hill","role":"centre_admin","centre":)" + c2 +
                                R"(,"password":"demo-password-2026"})",
                            ao_).status,
              201);
    const auto hill = staff_token("hill.admin");

    auto actors = [&](const std::string& query, const std::string& token) {
        std::set<std::string> out;
        auto r = client().get("/api/v1/audit" + query, token);
        EXPECT_EQ(r.status, 200) << r.body;
        const auto body = r.json();
        if (r.status != 200) return out;
        for (const auto& e : body.at("entries").as_array()) out.insert(std::string(e.at("actor").as_string()));
        return out;
    };
    EXPECT_EQ(actors("", admin), (std::set<std::string>{"staff:centre.admin", "staff:invigilator"}));
    EXPECT_EQ(actors("?centre=1", ao_), (std::set<std::string>{"staff:centre.admin", "staff:invigilator"}));
    EXPECT_EQ(actors("", hill), (std::set<std::string>{"staff:hill.admin"}));
    // The AO sees every actor: staff of both centres, itself, the demo set-up and candidates.
    const auto all = actors("?limit=1000", ao_);
    for (const char* a : {"staff:ao.admin", "staff:hill.admin", "staff:centre.admin", "staff:invigilator", "staff:system"}) {
        EXPECT_EQ(all.count(a), 1u) << a;
    }
    EXPECT_TRUE(std::any_of(all.begin(), all.end(), [](const std::string& a) { return a.rfind("candidate:", 0) == 0; }));

    // Another centre is not theirs to name; invigilators list nothing.
    EXPECT_EQ(client().get("/api/v1/audit?centre=" + c2, admin).status, 404);
    EXPECT_EQ(client().get("/api/v1/audit?centre=1", hill).status, 404);
    EXPECT_EQ(client().get("/api/v1/audit?centre=999999", ao_).status, 404);
    EXPECT_EQ(client().get("/api/v1/audit", staff_token("invigilator")).status, 403);
    EXPECT_EQ(client().get("/api/v1/audit?from=soon", ao_).status, 400);
    EXPECT_EQ(client().get("/api/v1/audit?limit=0", ao_).status, 400);
}

TEST_F(AuditVerification, EntriesComeAPageAtATimeWithinADateRange) {
    auto page = [&](const std::string& query) {
        auto r = client().get("/api/v1/audit" + query, ao_);
        EXPECT_EQ(r.status, 200) << r.body;
        return r.json();
    };
    auto first = page("?limit=3");
    ASSERT_EQ(first.at("entries").as_array().size(), 3u);
    EXPECT_EQ(first.at("entries").as_array()[0].at("id").as_int64(), 1);
    EXPECT_TRUE(first.at("entries").as_array()[0].at("details").is_object());
    const auto next = first.at("next_after").as_int64();
    EXPECT_EQ(next, 3);
    auto second = page("?limit=3&after=" + std::to_string(next));
    EXPECT_EQ(second.at("entries").as_array()[0].at("id").as_int64(), 4);
    auto rest = page("?after=3&limit=1000");
    EXPECT_TRUE(rest.at("next_after").is_null());
    // Everything so far happened on 2026-11-25 by the test's clock.
    EXPECT_EQ(page("?from=2026-11-25&to=2026-11-25").at("entries").as_array().size(),
              page("?limit=1000").at("entries").as_array().size());
    EXPECT_TRUE(page("?from=2026-11-26").at("entries").as_array().empty());
}
