#include "storage/sqlite/statement.hpp"

#include <gtest/gtest.h>
#include <sqlite3.h>

#include <limits>

#include "storage/sqlite/connection.hpp"
#include "storage/sqlite/error.hpp"
#include "temp_dir.hpp"

namespace {

using namespace exam::storage::sqlite;

class SqliteStatement : public ::testing::Test {
protected:
    SqliteStatement() : connection_(dir_.path() / "db.sqlite", Access::read_write_create) {
        connection_.exec("CREATE TABLE v (id INTEGER PRIMARY KEY, value)");
    }

    // Stores `value` and reads the row back, leaving the statement on it.
    template <class T>
    Statement round_trip(const T& value) {
        connection_.prepare("INSERT INTO v (value) VALUES (?1)").bind(1, value).run();
        Statement select = connection_.prepare("SELECT value, typeof(value) FROM v WHERE id = ?1");
        select.bind(1, connection_.last_insert_rowid());
        EXPECT_EQ(select.step(), Step::row);
        return select;
    }

    exam_test::TempDir dir_;
    Connection connection_;
};

std::vector<std::byte> bytes(std::initializer_list<int> values) {
    std::vector<std::byte> out;
    for (int v : values) out.push_back(static_cast<std::byte>(v));
    return out;
}

TEST_F(SqliteStatement, IntegersRoundTripAtTheirLimits) {
    for (std::int64_t value : {std::numeric_limits<std::int64_t>::min(), std::int64_t{-1}, std::int64_t{0},
                               std::numeric_limits<std::int64_t>::max()}) {
        Statement row = round_trip(value);
        EXPECT_EQ(row.column_int64(0), value);
        EXPECT_EQ(row.column<std::int64_t>(0), value);
        EXPECT_EQ(row.column_text(1), "integer");
    }
    EXPECT_EQ(round_trip(42).column<int>(0), 42);
    EXPECT_EQ(round_trip(std::uint8_t{200}).column<std::uint8_t>(0), 200);
    EXPECT_EQ(round_trip(std::uint64_t{1} << 62).column<std::uint64_t>(0), std::uint64_t{1} << 62);
    EXPECT_TRUE(round_trip(true).column<bool>(0));
    EXPECT_FALSE(round_trip(false).column<bool>(0));
}

TEST_F(SqliteStatement, DoublesRoundTripExactly) {
    for (double value : {0.0, -1.5, 3.141592653589793, 1e300, std::numeric_limits<double>::denorm_min()}) {
        Statement row = round_trip(value);
        EXPECT_EQ(row.column_double(0), value);
        EXPECT_EQ(row.column<double>(0), value);
        EXPECT_EQ(row.column_text(1), "real");
    }
}

TEST_F(SqliteStatement, TextRoundTripsIncludingEmptyUnicodeAndEmbeddedNul) {
    const std::string with_nul("a\0b", 3);
    for (const std::string& value : {std::string("plain"), std::string(), std::string("Zoë – ✓ 漢字"), with_nul}) {
        Statement row = round_trip(std::string_view(value));
        EXPECT_EQ(row.column_text(0), value);
        EXPECT_EQ(row.column<std::string>(0), value);
        EXPECT_EQ(row.column_text(1), "text") << "an empty string must not become NULL";
    }
    EXPECT_EQ(round_trip(std::string_view()).column_text(1), "text");
    EXPECT_EQ(round_trip(std::string("owned")).column_text(0), "owned");
    EXPECT_EQ(round_trip("literal").column_text(0), "literal");
}

TEST_F(SqliteStatement, BlobsRoundTripIncludingEmptyAndZeroBytes) {
    for (const auto& value : {bytes({0, 1, 0, 255}), bytes({})}) {
        Statement row = round_trip(std::span<const std::byte>(value));
        EXPECT_EQ(row.column_blob(0), value);
        EXPECT_EQ(row.column<std::vector<std::byte>>(0), value);
        EXPECT_EQ(row.column_text(1), "blob") << "an empty blob must not become NULL";
    }
}

TEST_F(SqliteStatement, NullAndOptionalsRoundTrip) {
    EXPECT_TRUE(round_trip(nullptr).is_null(0));
    EXPECT_TRUE(round_trip(std::nullopt).is_null(0));
    EXPECT_TRUE(round_trip(std::optional<std::int64_t>()).is_null(0));
    EXPECT_EQ(round_trip(std::optional<std::int64_t>(5)).column<std::optional<std::int64_t>>(0), 5);
    EXPECT_EQ(round_trip(std::optional<std::string>("x")).column<std::optional<std::string>>(0), "x");
    EXPECT_EQ(round_trip(std::optional<double>(0.5)).column<std::optional<double>>(0), 0.5);

    Statement null_row = round_trip(nullptr);
    EXPECT_EQ(null_row.column<std::optional<std::int64_t>>(0), std::nullopt);
    EXPECT_EQ(null_row.column<std::optional<std::string>>(0), std::nullopt);
    EXPECT_EQ(null_row.column<std::optional<std::vector<std::byte>>>(0), std::nullopt);
    EXPECT_EQ(null_row.column_text(1), "null");
}

TEST_F(SqliteStatement, PlainGettersRefuseNullInsteadOfInventingAValue) {
    Statement row = round_trip(nullptr);
    for (auto read : {+[](const Statement& s) { (void)s.column_int64(0); },
                      +[](const Statement& s) { (void)s.column_double(0); },
                      +[](const Statement& s) { (void)s.column_text(0); },
                      +[](const Statement& s) { (void)s.column_blob(0); }}) {
        try {
            read(row);
            FAIL() << "read NULL as a value";
        } catch (const Error& e) {
            EXPECT_EQ(e.code(), SQLITE_MISMATCH);
        }
    }
}

TEST_F(SqliteStatement, OutOfRangeValuesIndexesAndColumnsAreErrors) {
    try {
        connection_.prepare("SELECT ?1").bind(1, std::numeric_limits<std::uint64_t>::max());
        FAIL();
    } catch (const Error& e) {
        EXPECT_EQ(e.code(), SQLITE_MISMATCH);
    }
    try {
        connection_.prepare("SELECT ?1").bind(2, 1);
        FAIL();
    } catch (const Error& e) {
        EXPECT_EQ(e.code(), SQLITE_RANGE);
    }
    Statement row = round_trip(std::int64_t{1} << 40);
    try {
        (void)row.column<int>(0);
        FAIL();
    } catch (const Error& e) {
        EXPECT_EQ(e.code(), SQLITE_MISMATCH);
    }
    try {
        (void)row.column_int64(2);
        FAIL();
    } catch (const Error& e) {
        EXPECT_EQ(e.code(), SQLITE_RANGE);
    }
    EXPECT_THROW((void)round_trip(2).column<bool>(0), Error);
}

TEST_F(SqliteStatement, BindAllNumbersParametersFromOne) {
    Statement select = connection_.prepare("SELECT ?1, ?2, ?3, ?4");
    select.bind_all(std::int64_t{7}, std::string_view("seven"), 7.5, std::optional<int>());
    ASSERT_EQ(select.step(), Step::row);
    EXPECT_EQ(select.column_count(), 4);
    EXPECT_EQ(select.column_int64(0), 7);
    EXPECT_EQ(select.column_text(1), "seven");
    EXPECT_EQ(select.column_double(2), 7.5);
    EXPECT_TRUE(select.is_null(3));
    EXPECT_EQ(select.step(), Step::done);
}

TEST_F(SqliteStatement, ResetRewindsAndClearsBindings) {
    Statement select = connection_.prepare("SELECT ?1 UNION ALL SELECT 2");
    select.bind(1, 1);
    ASSERT_EQ(select.step(), Step::row);
    EXPECT_EQ(select.column_int64(0), 1);
    select.reset();
    ASSERT_EQ(select.step(), Step::row);
    EXPECT_TRUE(select.is_null(0));
    ASSERT_EQ(select.step(), Step::row);
    EXPECT_EQ(select.column_int64(0), 2);
    EXPECT_EQ(select.step(), Step::done);
    EXPECT_EQ(select.sql(), "SELECT ?1 UNION ALL SELECT 2");
}

TEST_F(SqliteStatement, AMovedStatementKeepsItsPlace) {
    Statement select = connection_.prepare("SELECT 1 UNION ALL SELECT 2");
    ASSERT_EQ(select.step(), Step::row);
    Statement moved = std::move(select);
    ASSERT_EQ(moved.step(), Step::row);
    EXPECT_EQ(moved.column_int64(0), 2);
    Statement other = connection_.prepare("SELECT 3");
    other = std::move(moved);
    EXPECT_EQ(other.step(), Step::done);
}

}  // namespace
