// The PostgreSQL layer on a server of the test's own: the schema's migrations
// apply (the same list as SQLite's, PostgreSQL's own SQL where a SQLite table
// rebuild cannot be shared), once, with the same history rules; the resulting
// schema has the tables SQLite's has; a failing migration leaves nothing;
// parameters, bytes and transactions behave as the stores will need them.
#include <gtest/gtest.h>

#include <memory>
#include <set>

#include "postgres_server.hpp"
#include "storage/postgresql/pg_migrations.hpp"
#include "storage/schema_migrations.hpp"
#include "storage/sqlite/connection.hpp"
#include "storage/sqlite/migrations.hpp"
#include "temp_dir.hpp"

using namespace exam::storage;
using exam::storage::postgresql::Bytes;
using exam::storage::postgresql::PgConnection;
using exam::storage::postgresql::PgError;
using exam::storage::postgresql::PgTransaction;

namespace {

class PostgresqlStorage : public ::testing::Test {
protected:
    static void SetUpTestSuite() { server_ = std::make_unique<exam_test::PostgresServer>(); }
    static void TearDownTestSuite() { server_.reset(); }
    void SetUp() override { connection_ = std::make_unique<PgConnection>(server_->fresh_database()); }

    std::set<std::string> tables() {
        std::set<std::string> out;
        auto rows = connection_->exec(
            "SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' AND table_name <> $1",
            {std::string("schema_migrations")});
        for (int r = 0; r < rows.rows(); ++r) out.insert(rows.text(r, 0));
        return out;
    }

    static std::unique_ptr<exam_test::PostgresServer> server_;
    std::unique_ptr<PgConnection> connection_;
};

std::unique_ptr<exam_test::PostgresServer> PostgresqlStorage::server_;

}  // namespace

TEST_F(PostgresqlStorage, TheSchemasMigrationsApplyOnceAndGiveSqlitesTables) {
    const auto& migrations = schema_migrations();
    const auto applied = postgresql::apply_migrations(*connection_, migrations, "2026-12-02T09:00:00Z");
    ASSERT_EQ(applied.size(), migrations.size());
    EXPECT_TRUE(postgresql::apply_migrations(*connection_, migrations, "2026-12-02T09:01:00Z").empty());
    auto recorded = connection_->exec("SELECT count(*), max(version) FROM schema_migrations");
    EXPECT_EQ(recorded.int64(0, 0), static_cast<std::int64_t>(migrations.size()));

    exam_test::TempDir dir;
    sqlite::Connection lite(dir.path() / "exam.db", sqlite::Access::read_write_create);
    sqlite::apply_migrations(lite, migrations, "2026-12-02T09:00:00Z");
    std::set<std::string> lite_tables;
    auto s = lite.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name <> 'schema_migrations'");
    while (s.step() == sqlite::Step::row) lite_tables.insert(s.column_text(0));
    EXPECT_EQ(tables(), lite_tables);

    // Migration 3 altered attempts where SQLite rebuilt it: the same columns and the new states.
    auto columns = connection_->exec(
        "SELECT count(*) FROM information_schema.columns WHERE table_name = 'attempts' AND column_name IN ($1, $2)",
        {std::string("added_ms"), std::string("void_reason")});
    EXPECT_EQ(columns.int64(0, 0), 2);

    // Every rowid key became an identity column, in PostgreSQL's own scripts too
    // (migration 3 creates incidents): an insert without an id gets one.
    auto keys = connection_->exec(
        "SELECT table_name FROM information_schema.columns WHERE table_schema = 'public' AND column_name = 'id' "
        "AND is_identity = 'NO' ORDER BY table_name");
    std::string plain;
    for (int r = 0; r < keys.rows(); ++r) plain += keys.text(r, 0) + " ";
    EXPECT_EQ(plain, "") << "id columns that are not identity columns";
}

TEST_F(PostgresqlStorage, ADatabaseWithAnotherHistoryIsRefusedAndAFailingMigrationLeavesNothing) {
    const std::vector<Migration> first = {{1, "one", "CREATE TABLE a (id INTEGER PRIMARY KEY, x TEXT NOT NULL)"}};
    ASSERT_EQ(postgresql::apply_migrations(*connection_, first, "t").size(), 1u);
    // The rowid key became an identity column: inserts without an id number themselves.
    connection_->exec("INSERT INTO a (x) VALUES ($1)", {std::string("first")});
    EXPECT_EQ(connection_->exec("SELECT id FROM a").int64(0, 0), 1);

    const std::vector<Migration> renamed = {{1, "uno", "CREATE TABLE a (id INTEGER PRIMARY KEY)"}};
    EXPECT_THROW(postgresql::apply_migrations(*connection_, renamed, "t"), MigrationError);
    const std::vector<Migration> older = {};
    EXPECT_THROW(postgresql::apply_migrations(*connection_, older, "t"), MigrationError);

    const std::vector<Migration> failing = {first[0], {2, "two", "CREATE TABLE b (id BIGINT); CREATE TABLE a (id BIGINT)"}};
    EXPECT_THROW(postgresql::apply_migrations(*connection_, failing, "t"), PgError);
    EXPECT_EQ(tables(), std::set<std::string>{"a"}) << "the failed migration's first table is gone with it";
    EXPECT_EQ(connection_->exec("SELECT count(*) FROM schema_migrations").int64(0, 0), 1);
}

TEST_F(PostgresqlStorage, ParametersBytesAndTransactionsRoundTrip) {
    connection_->exec("CREATE TABLE t (id BIGINT, name TEXT, data BYTEA)");
    const std::string bytes("\x89PNG\0\r\n'\\;", 11);
    const std::string name = "Robert'); DROP TABLE t;--";
    connection_->exec("INSERT INTO t VALUES ($1, $2, $3)", {std::int64_t{7}, name, Bytes{bytes}});
    auto row = connection_->exec("SELECT id, name, data FROM t");
    ASSERT_EQ(row.rows(), 1);
    EXPECT_EQ(row.int64(0, 0), 7);
    EXPECT_EQ(row.text(0, 1), name);
    EXPECT_EQ(row.bytes(0, 2), bytes);
    connection_->exec("INSERT INTO t (id, name) VALUES ($1, $2)", {std::int64_t{8}, nullptr});
    EXPECT_TRUE(connection_->exec("SELECT name FROM t WHERE id = 8").is_null(0, 0));
    {
        PgTransaction abandoned(*connection_);
        connection_->exec("DELETE FROM t");
    }
    EXPECT_EQ(connection_->exec("SELECT count(*) FROM t").int64(0, 0), 2) << "not committed: rolled back";
    {
        PgTransaction kept(*connection_);
        connection_->exec("DELETE FROM t WHERE id = 8");
        kept.commit();
    }
    EXPECT_EQ(connection_->exec("SELECT count(*) FROM t").int64(0, 0), 1);
    try {
        connection_->exec("INSERT INTO missing VALUES (1)");
        FAIL() << "no such table";
    } catch (const PgError& e) {
        EXPECT_EQ(e.sqlstate(), "42P01");  // undefined_table
    }
    EXPECT_THROW(PgConnection("postgresql://exam@127.0.0.1:1/none"), PgError);
}
