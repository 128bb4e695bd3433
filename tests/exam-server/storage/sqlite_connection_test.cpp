#include "storage/sqlite/connection.hpp"

#include <gtest/gtest.h>
#include <sqlite3.h>

#include "storage/sqlite/error.hpp"
#include "temp_dir.hpp"

namespace {

using namespace exam::storage::sqlite;

ConnectionOptions with_busy_timeout(std::chrono::milliseconds timeout) {
    ConnectionOptions options;
    options.busy_timeout = timeout;
    return options;
}

ConnectionOptions with_cache_capacity(std::size_t capacity) {
    ConnectionOptions options;
    options.statement_cache_capacity = capacity;
    return options;
}

std::int64_t query_int(Connection& connection, std::string_view sql) {
    Statement statement = connection.prepare(sql);
    EXPECT_EQ(statement.step(), Step::row);
    return statement.column_int64(0);
}

std::string query_text(Connection& connection, std::string_view sql) {
    Statement statement = connection.prepare(sql);
    EXPECT_EQ(statement.step(), Step::row);
    return statement.column_text(0);
}

TEST(SqliteConnection, WriterGetsWalFullSynchronousAndForeignKeys) {
    exam_test::TempDir dir;
    Connection writer(dir.path() / "db.sqlite", Access::read_write_create);
    EXPECT_EQ(query_text(writer, "PRAGMA journal_mode"), "wal");
    EXPECT_EQ(query_int(writer, "PRAGMA synchronous"), 2);  // FULL
    EXPECT_EQ(query_int(writer, "PRAGMA foreign_keys"), 1);
    EXPECT_EQ(query_int(writer, "PRAGMA query_only"), 0);
    EXPECT_EQ(query_int(writer, "PRAGMA busy_timeout"), 5000);
}

TEST(SqliteConnection, ReaderIsQueryOnlyWithTheSamePragmas) {
    exam_test::TempDir dir;
    Connection writer(dir.path() / "db.sqlite", Access::read_write_create);
    writer.exec("CREATE TABLE t (x INTEGER)");
    Connection reader(dir.path() / "db.sqlite", Access::read_only, with_busy_timeout(std::chrono::milliseconds(250)));
    EXPECT_EQ(query_text(reader, "PRAGMA journal_mode"), "wal");
    EXPECT_EQ(query_int(reader, "PRAGMA synchronous"), 2);
    EXPECT_EQ(query_int(reader, "PRAGMA foreign_keys"), 1);
    EXPECT_EQ(query_int(reader, "PRAGMA query_only"), 1);
    EXPECT_EQ(query_int(reader, "PRAGMA busy_timeout"), 250);
    try {
        reader.exec("INSERT INTO t VALUES (1)");
        FAIL() << "a reader wrote";
    } catch (const Error& e) {
        EXPECT_EQ(e.code(), SQLITE_READONLY);
    }
}

TEST(SqliteConnection, ReaderRefusesADatabaseNotInWalMode) {
    exam_test::TempDir dir;
    const auto file = dir.path() / "rollback.sqlite";
    {
        sqlite3* raw = nullptr;
        ASSERT_EQ(sqlite3_open(file.c_str(), &raw), SQLITE_OK);
        EXPECT_EQ(sqlite3_exec(raw, "CREATE TABLE t (x INTEGER)", nullptr, nullptr, nullptr), SQLITE_OK);
        sqlite3_close(raw);
    }
    try {
        Connection reader(file, Access::read_only);
        FAIL() << "a reader opened a rollback-journal database";
    } catch (const Error& e) {
        EXPECT_NE(std::string(e.what()).find("not in WAL mode"), std::string::npos) << e.what();
    }
}

TEST(SqliteConnection, OpenFailureNamesTheFile) {
    exam_test::TempDir dir;
    const auto missing = dir.path() / "missing.sqlite";
    try {
        Connection reader(missing, Access::read_only);
        FAIL() << "opened a file that does not exist";
    } catch (const Error& e) {
        EXPECT_EQ(e.code(), SQLITE_CANTOPEN);
        EXPECT_NE(std::string(e.what()).find(missing.string()), std::string::npos) << e.what();
    }
}

TEST(SqliteConnection, ExecRunsScriptsAndReportsFailuresWithTheirSql) {
    exam_test::TempDir dir;
    Connection connection(dir.path() / "db.sqlite", Access::read_write_create);
    connection.exec("CREATE TABLE a (x INTEGER); CREATE TABLE b (y INTEGER);");
    EXPECT_EQ(query_int(connection, "SELECT count(*) FROM sqlite_schema WHERE type = 'table'"), 2);
    try {
        connection.exec("CREATE TABLE a (x INTEGER)");
        FAIL();
    } catch (const Error& e) {
        EXPECT_EQ(e.code(), SQLITE_ERROR);
        EXPECT_EQ(e.sql(), "CREATE TABLE a (x INTEGER)");
        EXPECT_NE(e.message().find("already exists"), std::string::npos) << e.message();
    }
}

TEST(SqliteConnection, PrepareErrorsCarryTheSql) {
    exam_test::TempDir dir;
    Connection connection(dir.path() / "db.sqlite", Access::read_write_create);
    try {
        connection.prepare("SELEKT 1");
        FAIL();
    } catch (const Error& e) {
        EXPECT_EQ(e.code(), SQLITE_ERROR);
        EXPECT_EQ(e.sql(), "SELEKT 1");
        EXPECT_NE(std::string(e.what()).find("SELEKT 1"), std::string::npos);
    }
}

TEST(SqliteConnection, PrepareRefusesMoreThanOneStatementEvenWhenAskedTwice) {
    exam_test::TempDir dir;
    Connection connection(dir.path() / "db.sqlite", Access::read_write_create);
    for (int attempt = 0; attempt < 2; ++attempt) {
        try {
            connection.prepare("SELECT 1; SELECT 2");
            FAIL() << "attempt " << attempt;
        } catch (const Error& e) {
            EXPECT_EQ(e.code(), SQLITE_MISUSE);
        }
    }
    EXPECT_NO_THROW(connection.prepare("SELECT 1; -- a trailing comment is not a statement"));
    EXPECT_THROW(connection.prepare("  -- nothing but a comment"), Error);
}

TEST(SqliteConnection, ConstraintViolationsAreRecognisable) {
    exam_test::TempDir dir;
    Connection connection(dir.path() / "db.sqlite", Access::read_write_create);
    connection.exec("CREATE TABLE t (x INTEGER UNIQUE)");
    connection.prepare("INSERT INTO t VALUES (?1)").bind(1, 7).run();
    try {
        connection.prepare("INSERT INTO t VALUES (?1)").bind(1, 7).run();
        FAIL();
    } catch (const Error& e) {
        EXPECT_TRUE(e.is_constraint_violation());
        EXPECT_FALSE(e.is_busy());
        EXPECT_EQ(e.extended_code(), SQLITE_CONSTRAINT_UNIQUE);
        EXPECT_EQ(e.sql(), "INSERT INTO t VALUES (?1)");
    }
}

TEST(SqliteConnection, ForeignKeysAreEnforced) {
    exam_test::TempDir dir;
    Connection connection(dir.path() / "db.sqlite", Access::read_write_create);
    connection.exec("CREATE TABLE parent (id INTEGER PRIMARY KEY); CREATE TABLE child (p INTEGER REFERENCES parent(id))");
    try {
        connection.prepare("INSERT INTO child VALUES (?1)").bind(1, 99).run();
        FAIL();
    } catch (const Error& e) {
        EXPECT_EQ(e.extended_code(), SQLITE_CONSTRAINT_FOREIGNKEY);
    }
}

TEST(SqliteConnection, StatementsArePreparedOnceAndComeBackResetAndUnbound) {
    exam_test::TempDir dir;
    Connection connection(dir.path() / "db.sqlite", Access::read_write_create);
    const auto before = connection.cached_statements();
    const std::string_view sql = "SELECT ?1 UNION ALL SELECT 2";
    {
        Statement first = connection.prepare(sql);
        first.bind(1, 1);
        ASSERT_EQ(first.step(), Step::row);  // left mid-result on purpose
        EXPECT_EQ(first.column_int64(0), 1);
    }
    EXPECT_EQ(connection.cached_statements(), before + 1);
    {
        Statement again = connection.prepare(sql);
        EXPECT_EQ(connection.cached_statements(), before);  // the cached one, not a new one
        ASSERT_EQ(again.step(), Step::row);
        EXPECT_TRUE(again.is_null(0));  // from the first row, with the parameter unbound
    }
    EXPECT_EQ(connection.cached_statements(), before + 1);
}

TEST(SqliteConnection, TheSameSqlInUseTwiceGetsTwoStatements) {
    exam_test::TempDir dir;
    Connection connection(dir.path() / "db.sqlite", Access::read_write_create);
    const auto before = connection.cached_statements();
    {
        Statement outer = connection.prepare("SELECT ?1");
        Statement inner = connection.prepare("SELECT ?1");
        outer.bind(1, 1);
        inner.bind(1, 2);
        ASSERT_EQ(outer.step(), Step::row);
        ASSERT_EQ(inner.step(), Step::row);
        EXPECT_EQ(outer.column_int64(0), 1);
        EXPECT_EQ(inner.column_int64(0), 2);
    }
    EXPECT_EQ(connection.cached_statements(), before + 2);
}

TEST(SqliteConnection, TheCacheHoldsAtMostItsCapacityOfDistinctSql) {
    exam_test::TempDir dir;
    // The connection's own pragma query takes the one slot.
    Connection connection(dir.path() / "db.sqlite", Access::read_write_create, with_cache_capacity(1));
    const auto before = connection.cached_statements();
    for (int i = 0; i < 10; ++i) {
        Statement statement = connection.prepare("SELECT " + std::to_string(i));
        ASSERT_EQ(statement.step(), Step::row);
        EXPECT_EQ(statement.column_int64(0), i);
    }
    EXPECT_EQ(connection.cached_statements(), before);
}

TEST(SqliteConnection, RowidChangesAndTransactionState) {
    exam_test::TempDir dir;
    Connection connection(dir.path() / "db.sqlite", Access::read_write_create);
    connection.exec("CREATE TABLE t (id INTEGER PRIMARY KEY, x INTEGER)");
    EXPECT_FALSE(connection.in_transaction());
    connection.exec("BEGIN");
    EXPECT_TRUE(connection.in_transaction());
    connection.prepare("INSERT INTO t (x) VALUES (?1), (?1)").bind(1, 5).run();
    EXPECT_EQ(connection.changes(), 2);
    EXPECT_EQ(connection.last_insert_rowid(), 2);
    connection.exec("COMMIT");
    EXPECT_FALSE(connection.in_transaction());
}

}  // namespace
