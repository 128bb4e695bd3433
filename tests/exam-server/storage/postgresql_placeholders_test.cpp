// The stores' SQL is written with SQLite's markers; PostgreSQL gets $N.
#include <gtest/gtest.h>

#include "storage/postgresql/pg_placeholders.hpp"

using exam::storage::postgresql::postgresql_placeholders;

TEST(PostgresqlPlaceholders, BareMarkersAreNumberedInOrder) {
    EXPECT_EQ(postgresql_placeholders("INSERT INTO t (a, b, c) VALUES (?, ?, ?)"), "INSERT INTO t (a, b, c) VALUES ($1, $2, $3)");
}

TEST(PostgresqlPlaceholders, NumberedMarkersKeepTheirNumbersAndMayRepeat) {
    EXPECT_EQ(postgresql_placeholders("WHERE id > ?1 AND (CAST(?2 AS BIGINT) IS NULL OR at >= CAST(?2 AS BIGINT)) LIMIT ?10"),
              "WHERE id > $1 AND (CAST($2 AS BIGINT) IS NULL OR at >= CAST($2 AS BIGINT)) LIMIT $10");
}

TEST(PostgresqlPlaceholders, ABareMarkerAfterNumberedOnesTakesTheNextNumber) {
    EXPECT_EQ(postgresql_placeholders("a = ?3 AND b = ?"), "a = $3 AND b = $4");
}

TEST(PostgresqlPlaceholders, QuotedTextIsLeftAlone) {
    EXPECT_EQ(postgresql_placeholders("SELECT 'why?', \"odd?name\" FROM t WHERE x = ? AND y = 'it''s ?'"),
              "SELECT 'why?', \"odd?name\" FROM t WHERE x = $1 AND y = 'it''s ?'");
}

TEST(PostgresqlPlaceholders, SqlWithoutMarkersIsUnchanged) {
    EXPECT_EQ(postgresql_placeholders("SELECT count(*) FROM audit_log"), "SELECT count(*) FROM audit_log");
}
