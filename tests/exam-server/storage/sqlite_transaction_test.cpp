#include "storage/sqlite/transaction.hpp"

#include <gtest/gtest.h>

#include <stdexcept>

#include "storage/sqlite/error.hpp"
#include "storage/sqlite/savepoint.hpp"
#include "temp_dir.hpp"

namespace {

using namespace exam::storage::sqlite;

class SqliteTransaction : public ::testing::Test {
protected:
    SqliteTransaction() : connection_(file(), Access::read_write_create) {
        connection_.exec("CREATE TABLE t (x INTEGER)");
    }

    std::filesystem::path file() const { return dir_.path() / "db.sqlite"; }

    void insert(int x) { connection_.prepare("INSERT INTO t VALUES (?1)").bind(1, x).run(); }

    std::vector<std::int64_t> values() {
        std::vector<std::int64_t> out;
        Statement select = connection_.prepare("SELECT x FROM t ORDER BY x");
        while (select.step() == Step::row) out.push_back(select.column_int64(0));
        return out;
    }

    exam_test::TempDir dir_;
    Connection connection_;
};

TEST_F(SqliteTransaction, CommitKeepsTheWork) {
    {
        Transaction transaction(connection_, TransactionKind::immediate);
        insert(1);
        transaction.commit();
    }
    EXPECT_FALSE(connection_.in_transaction());
    EXPECT_EQ(values(), std::vector<std::int64_t>{1});
}

TEST_F(SqliteTransaction, DestructorRollsBackWhatWasNotCommitted) {
    try {
        Transaction transaction(connection_, TransactionKind::immediate);
        insert(1);
        throw std::runtime_error("abandoned");
    } catch (const std::runtime_error&) {
    }
    EXPECT_FALSE(connection_.in_transaction());
    EXPECT_TRUE(values().empty());
}

TEST_F(SqliteTransaction, DestructorIsQuietWhenSqliteAlreadyEndedTheTransaction) {
    {
        Transaction transaction(connection_, TransactionKind::deferred);
        insert(1);
        connection_.exec("ROLLBACK");  // as SQLite does itself after some errors
    }
    EXPECT_FALSE(connection_.in_transaction());
    EXPECT_TRUE(values().empty());
}

TEST_F(SqliteTransaction, ImmediateTakesTheWriteLockAtBegin) {
    ConnectionOptions no_waiting;
    no_waiting.busy_timeout = std::chrono::milliseconds(0);
    Connection other(file(), Access::read_write_create, no_waiting);
    Transaction mine(connection_, TransactionKind::immediate);
    try {
        Transaction theirs(other, TransactionKind::immediate);
        FAIL() << "two write transactions at once";
    } catch (const Error& e) {
        EXPECT_TRUE(e.is_busy());
    }
    // A deferred transaction takes no lock until it reads, and reads are never blocked in WAL mode.
    Transaction reading(other, TransactionKind::deferred);
    Statement count = other.prepare("SELECT count(*) FROM t");
    ASSERT_EQ(count.step(), Step::row);
    EXPECT_EQ(count.column_int64(0), 0);
}

TEST_F(SqliteTransaction, DeferredReadSeesOneSnapshot) {
    Connection reader(file(), Access::read_only);
    Transaction reading(reader, TransactionKind::deferred);
    auto count = [&] {
        Statement select = reader.prepare("SELECT count(*) FROM t");
        EXPECT_EQ(select.step(), Step::row);
        return select.column_int64(0);
    };
    EXPECT_EQ(count(), 0);
    insert(1);  // committed by the writer meanwhile
    EXPECT_EQ(count(), 0);
    reading.commit();
    EXPECT_EQ(count(), 1);
}

TEST_F(SqliteTransaction, SavepointRollbackUndoesOnlyItsOwnWork) {
    Transaction transaction(connection_, TransactionKind::immediate);
    insert(1);
    {
        Savepoint savepoint(connection_);
        insert(2);
        savepoint.rollback();
    }
    {
        Savepoint savepoint(connection_);
        insert(3);
        savepoint.release();
    }
    transaction.commit();
    EXPECT_EQ(values(), (std::vector<std::int64_t>{1, 3}));
}

TEST_F(SqliteTransaction, SavepointDestructorRollsBackAndNests) {
    Transaction transaction(connection_, TransactionKind::immediate);
    {
        Savepoint outer(connection_);
        insert(1);
        {
            Savepoint inner(connection_);
            insert(2);
        }  // inner undone
        outer.release();
    }
    {
        Savepoint outer(connection_);
        insert(3);
        {
            Savepoint inner(connection_);
            insert(4);
            inner.release();
        }
    }  // outer undone, inner's work with it
    EXPECT_TRUE(connection_.in_transaction());
    transaction.commit();
    EXPECT_EQ(values(), std::vector<std::int64_t>{1});
}

}  // namespace
