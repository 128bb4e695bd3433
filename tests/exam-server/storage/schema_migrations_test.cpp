// The server's own schema history: a database written by an earlier build
// (schema version 2, with a sitting in it) upgrades to the current schema with
// every row and reference kept, and a table-rebuilding migration that would
// leave a dangling reference is refused whole.
#include "storage/schema_migrations.hpp"

#include <gtest/gtest.h>

#include <algorithm>

#include "storage/sqlite/connection.hpp"
#include "storage/sqlite/error.hpp"
#include "storage/sqlite/migrations.hpp"
#include "temp_dir.hpp"

namespace {

using namespace exam::storage::sqlite;

std::vector<Migration> up_to(int version) {
    std::vector<Migration> out;
    for (const auto& m : exam::storage::schema_migrations()) {
        if (m.version <= version) out.push_back(m);
    }
    return out;
}

int count(Connection& c, const std::string& sql) {
    Statement s = c.prepare(sql);
    EXPECT_EQ(s.step(), Step::row);
    return s.column<int>(0);
}

}  // namespace

TEST(SchemaMigrations, AVersion2DatabaseWithASittingUpgradesKeepingEveryRowAndReference) {
    exam_test::TempDir dir;
    Connection c(dir.path() / "exam.sqlite3", Access::read_write_create);
    apply_migrations(c, up_to(2), "2026-11-01T00:00:00Z");
    c.exec(R"SQL(
INSERT INTO centres (id, number, name, created_at) VALUES (1, '90001', 'Riverside', 0);
INSERT INTO candidates (id, centre_id, candidate_number, given_name, family_name, date_of_birth, uln, created_at)
    VALUES (1, 1, '0001', 'Ada', 'Lovelace', '2000-01-01', '9276308686', 0);
INSERT INTO test_sessions (id, centre_id, unit_code, starts_at, ends_at, room, status, created_at)
    VALUES (1, 1, 'K/602/1597', 0, 1000, 'Room 4', 'open', 0);
INSERT INTO bookings (id, session_id, candidate_id, keycode, created_at) VALUES (1, 1, 1, 'ABCD2345', 0);
INSERT INTO attempts (id, booking_id, session_id, candidate_id, unit_code, form_id, form_seed, form, state,
                      allowed_ms, used_ms, last_contact_ms, running, created_at)
    VALUES (1, 1, 1, 1, 'K/602/1597', 'A', '7', '[]', 'paused', 3600000, 60000, 500, 0, 0);
INSERT INTO responses (attempt_id, position, selected, flagged, sequence) VALUES (1, 0, '["B"]', 1, 3);
INSERT INTO tokens (token_hash, attempt_id, created_at, expires_at) VALUES ('h', 1, 0, 1);
INSERT INTO unit_achievements (candidate_id, unit_code, achieved_on, route, attempt_id, evidence, status, recorded_by,
                               created_at)
    VALUES (1, 'K/602/1597', '2026-11-01', 'onscreen_test', 1, 'attempt:1', 'active', 'system', 0);
)SQL");

    const auto applied = apply_migrations(c, exam::storage::schema_migrations(), "2026-11-25T09:00:00Z");
    ASSERT_FALSE(applied.empty());
    EXPECT_EQ(applied.front(), 3);

    Statement a = c.prepare("SELECT state, allowed_ms, used_ms, added_ms, void_reason FROM attempts WHERE id = 1");
    ASSERT_EQ(a.step(), Step::row);
    EXPECT_EQ(a.column_text(0), "paused");
    EXPECT_EQ(a.column<std::int64_t>(1), 3600000);
    EXPECT_EQ(a.column<std::int64_t>(2), 60000);
    EXPECT_EQ(a.column<std::int64_t>(3), 0) << "new columns take their defaults";
    EXPECT_FALSE(a.column<std::optional<std::string>>(4).has_value());
    EXPECT_EQ(count(c, "SELECT COUNT(*) FROM responses WHERE attempt_id = 1"), 1);
    EXPECT_EQ(count(c, "SELECT COUNT(*) FROM bookings WHERE admitted_at IS NULL"), 1);
    EXPECT_EQ(count(c, "SELECT COUNT(*) FROM sqlite_schema WHERE type = 'index' AND name = 'attempts_unfinished'"), 1)
        << "the rebuilt table's indexes are back";
    Statement check = c.prepare("PRAGMA foreign_key_check");
    EXPECT_EQ(check.step(), Step::done) << "every reference to the rebuilt table still holds";
    EXPECT_EQ(count(c, "PRAGMA foreign_keys"), 1) << "foreign keys are on again after the rebuild";

    // The rebuilt table takes the new state and still refuses nonsense.
    c.exec("UPDATE attempts SET state = 'booked' WHERE id = 1");
    EXPECT_THROW(c.exec("UPDATE attempts SET state = 'lost' WHERE id = 1"), Error);
}

TEST(SchemaMigrations, ARebuildThatWouldLeaveADanglingReferenceIsRefusedWhole) {
    exam_test::TempDir dir;
    Connection c(dir.path() / "db.sqlite", Access::read_write_create);
    const std::vector<Migration> base = {
        {1, "parents and children",
         "CREATE TABLE parents (id INTEGER PRIMARY KEY); "
         "CREATE TABLE children (id INTEGER PRIMARY KEY, parent_id BIGINT NOT NULL REFERENCES parents(id)); "
         "INSERT INTO parents (id) VALUES (1), (2); INSERT INTO children (id, parent_id) VALUES (10, 2);"},
    };
    apply_migrations(c, base, "2026-11-25T09:00:00Z");
    auto with_bad_rebuild = base;
    with_bad_rebuild.push_back({2, "parents rebuilt, losing one",
                                "CREATE TABLE parents_rebuilt (id INTEGER PRIMARY KEY, name TEXT); "
                                "INSERT INTO parents_rebuilt (id) SELECT id FROM parents WHERE id = 1; "
                                "DROP TABLE parents; ALTER TABLE parents_rebuilt RENAME TO parents;",
                                true});
    EXPECT_THROW(apply_migrations(c, with_bad_rebuild, "2026-11-25T09:00:00Z"), MigrationError);
    EXPECT_EQ(count(c, "SELECT COUNT(*) FROM parents"), 2) << "rolled back: both parents are still there";
    EXPECT_EQ(count(c, "SELECT COUNT(*) FROM schema_migrations"), 1);
    EXPECT_EQ(count(c, "PRAGMA foreign_keys"), 1);
}
