// Every state change that matters lands in the append-only, hash-chained
// audit log (DESIGN invariant 7), and an edited row breaks the chain.
#include <set>

#include "server_fixture.hpp"
#include "storage/sqlite/connection.hpp"
#include "storage/sqlite/database.hpp"

using namespace exam::storage::sqlite;

class AuditLog : public exam_test::ServerFixture {
protected:
    std::filesystem::path database() const { return dir_.path() / "data" / "exam.sqlite3"; }
};

TEST_F(AuditLog, RecordsTheSittingsStateChangesInAnUnbrokenChain) {
    const auto token = candidate_token("0001");
    start_and_fetch(token);
    const auto invigilator = staff_token("invigilator");
    client().post("/api/v1/attempts/1/pause", R"({"reason":"toilet break"})", invigilator);
    client().post("/api/v1/attempts/1/resume", "", invigilator);
    client().post("/api/v1/attempt/submit", R"({"confirm":true})", token);

    Connection db(database(), Access::read_write_create);
    std::set<std::string> actions;
    auto rows = db.prepare("SELECT action FROM audit_log");
    while (rows.step() == Step::row) actions.insert(rows.column_text(0));
    for (const char* expected : {"centre.create", "staff.create", "candidates.add", "registration.create",
                                 "session.create", "session.book", "session.open", "login", "candidate.login",
                                 "attempt.create", "attempt.start", "attempt.pause", "attempt.resume", "attempt.submit"}) {
        EXPECT_TRUE(actions.count(expected)) << expected;
    }
    EXPECT_EQ(first_broken_audit_row(db), 0);
}

TEST_F(AuditLog, AnEditedOrDeletedRowBreaksTheChain) {
    Connection db(database(), Access::read_write_create);
    ASSERT_EQ(first_broken_audit_row(db), 0);
    auto edit = db.prepare("UPDATE audit_log SET actor = ? WHERE id = 3");
    edit.bind_all(std::string("staff:someone-else"));
    edit.run();
    EXPECT_EQ(first_broken_audit_row(db), 3);
    auto restore = db.prepare("DELETE FROM audit_log WHERE id = 3");
    restore.run();
    EXPECT_EQ(first_broken_audit_row(db), 4);
}
