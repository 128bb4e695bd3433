#include "storage/sqlite/migrations.hpp"

#include <gtest/gtest.h>

#include "storage/sqlite/error.hpp"
#include "temp_dir.hpp"

namespace {

using namespace exam::storage::sqlite;

const Migration people{1, "people", "CREATE TABLE people (id INTEGER PRIMARY KEY, name TEXT NOT NULL)"};
const Migration emails{2, "emails", "ALTER TABLE people ADD COLUMN email TEXT"};
const Migration rooms{3, "rooms", "CREATE TABLE rooms (id INTEGER PRIMARY KEY); CREATE INDEX rooms_by_id ON rooms (id)"};

class SqliteMigrations : public ::testing::Test {
protected:
    SqliteMigrations() : connection_(dir_.path() / "db.sqlite", Access::read_write_create) {}

    struct Recorded {
        int version;
        std::string name;
        std::string applied_at;
        bool operator==(const Recorded&) const = default;
    };

    std::vector<Recorded> recorded() {
        std::vector<Recorded> out;
        Statement select = connection_.prepare("SELECT version, name, applied_at FROM schema_migrations ORDER BY version");
        while (select.step() == Step::row) {
            out.push_back({select.column<int>(0), select.column_text(1), select.column_text(2)});
        }
        return out;
    }

    bool has_table(std::string_view name) {
        Statement select = connection_.prepare("SELECT 1 FROM sqlite_schema WHERE type = 'table' AND name = ?1");
        select.bind(1, name);
        return select.step() == Step::row;
    }

    exam_test::TempDir dir_;
    Connection connection_;
};

TEST_F(SqliteMigrations, AppliesInAscendingVersionAndRecordsEach) {
    const std::vector<Migration> unordered = {rooms, emails, people};
    EXPECT_EQ(apply_migrations(connection_, unordered, "2026-11-25T09:00:00Z"), (std::vector<int>{1, 2, 3}));
    EXPECT_EQ(recorded(), (std::vector<Recorded>{{1, "people", "2026-11-25T09:00:00Z"},
                                                 {2, "emails", "2026-11-25T09:00:00Z"},
                                                 {3, "rooms", "2026-11-25T09:00:00Z"}}));
    connection_.prepare("INSERT INTO people (name, email) VALUES (?1, ?2)").bind_all("Ada", "ada@example.org").run();
    EXPECT_TRUE(has_table("rooms"));
    EXPECT_FALSE(connection_.in_transaction());
}

TEST_F(SqliteMigrations, SkipsWhatIsAlreadyApplied) {
    const std::vector<Migration> first = {people, emails};
    EXPECT_EQ(apply_migrations(connection_, first, "2026-11-25T09:00:00Z"), (std::vector<int>{1, 2}));
    EXPECT_TRUE(apply_migrations(connection_, first, "2026-11-26T09:00:00Z").empty());

    const std::vector<Migration> later = {people, emails, rooms};
    EXPECT_EQ(apply_migrations(connection_, later, "2026-11-27T09:00:00Z"), std::vector<int>{3});
    EXPECT_EQ(recorded(), (std::vector<Recorded>{{1, "people", "2026-11-25T09:00:00Z"},
                                                 {2, "emails", "2026-11-25T09:00:00Z"},
                                                 {3, "rooms", "2026-11-27T09:00:00Z"}}));
}

TEST_F(SqliteMigrations, RefusesADatabaseNewerThanTheBuild) {
    const std::vector<Migration> newer = {people, emails, rooms};
    apply_migrations(connection_, newer, "2026-11-25T09:00:00Z");
    const auto before = recorded();

    const std::vector<Migration> older = {people, emails};
    try {
        apply_migrations(connection_, older, "2026-11-26T09:00:00Z");
        FAIL() << "an old build opened a newer database";
    } catch (const MigrationError& e) {
        const std::string what = e.what();
        EXPECT_NE(what.find("schema version 3"), std::string::npos) << what;
        EXPECT_NE(what.find("newer"), std::string::npos) << what;
    }
    EXPECT_EQ(recorded(), before);
    EXPECT_FALSE(connection_.in_transaction());
}

TEST_F(SqliteMigrations, RefusesAHistoryThatDiffersFromTheBuild) {
    const std::vector<Migration> applied = {people, emails};
    apply_migrations(connection_, applied, "2026-11-25T09:00:00Z");

    const Migration renamed{2, "phone numbers", "ALTER TABLE people ADD COLUMN phone TEXT"};
    const std::vector<Migration> clash = {people, renamed};
    EXPECT_THROW(apply_migrations(connection_, clash, "2026-11-26T09:00:00Z"), MigrationError);

    const std::vector<Migration> missing_one = {emails, rooms};
    EXPECT_THROW(apply_migrations(connection_, missing_one, "2026-11-26T09:00:00Z"), MigrationError);
}

TEST_F(SqliteMigrations, RefusesToFillAGapBelowTheRecordedVersion) {
    const std::vector<Migration> skipped_two = {people, rooms};
    apply_migrations(connection_, skipped_two, "2026-11-25T09:00:00Z");
    const std::vector<Migration> all = {people, emails, rooms};
    EXPECT_THROW(apply_migrations(connection_, all, "2026-11-26T09:00:00Z"), MigrationError);
}

TEST_F(SqliteMigrations, AFailingMigrationLeavesNoTraceAndStopsTheRest) {
    const Migration broken{2, "broken", "CREATE TABLE half (x INTEGER); INSERT INTO no_such_table VALUES (1)"};
    const std::vector<Migration> migrations = {people, broken, rooms};
    try {
        apply_migrations(connection_, migrations, "2026-11-25T09:00:00Z");
        FAIL();
    } catch (const Error& e) {
        EXPECT_NE(e.message().find("no_such_table"), std::string::npos) << e.what();
    }
    EXPECT_EQ(recorded(), (std::vector<Recorded>{{1, "people", "2026-11-25T09:00:00Z"}}));
    EXPECT_FALSE(has_table("half"));
    EXPECT_FALSE(has_table("rooms"));
    EXPECT_FALSE(connection_.in_transaction());
}

TEST_F(SqliteMigrations, RejectsRepeatedOrNonPositiveVersions) {
    const std::vector<Migration> repeated = {people, Migration{1, "again", "SELECT 1"}};
    EXPECT_THROW(apply_migrations(connection_, repeated, "2026-11-25T09:00:00Z"), std::invalid_argument);
    const std::vector<Migration> zero = {Migration{0, "zero", "SELECT 1"}};
    EXPECT_THROW(apply_migrations(connection_, zero, "2026-11-25T09:00:00Z"), std::invalid_argument);
    EXPECT_FALSE(has_table("schema_migrations"));
}

}  // namespace
