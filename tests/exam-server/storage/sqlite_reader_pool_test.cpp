#include "storage/sqlite/reader_pool.hpp"

#include <gtest/gtest.h>
#include <sqlite3.h>

#include <atomic>
#include <future>
#include <set>
#include <thread>

#include "storage/sqlite/error.hpp"
#include "storage/sqlite/write_queue.hpp"
#include "temp_dir.hpp"

namespace {

using namespace exam::storage::sqlite;

ReaderPoolOptions with_readers(std::size_t readers) {
    ReaderPoolOptions options;
    options.readers = readers;
    return options;
}

class SqliteReaderPool : public ::testing::Test {
protected:
    SqliteReaderPool() : writer_(file()) {
        writer_.run_sync([](Connection& c) { c.exec("CREATE TABLE t (x INTEGER)"); });
    }

    std::filesystem::path file() const { return dir_.path() / "db.sqlite"; }

    void insert(std::int64_t x) {
        writer_.run_sync([x](Connection& c) { c.prepare("INSERT INTO t VALUES (?1)").bind(1, x).run(); });
    }

    static std::int64_t count(Connection& c) {
        Statement select = c.prepare("SELECT count(*) FROM t");
        EXPECT_EQ(select.step(), Step::row);
        return select.column_int64(0);
    }

    // Spins (yielding) until `done` holds; each condition here is reached in
    // microseconds, and the test's own timeout catches a hang.
    template <class Condition>
    static void spin_until(Condition done) {
        while (!done()) std::this_thread::yield();
    }

    exam_test::TempDir dir_;
    WriteQueue writer_;
};

TEST_F(SqliteReaderPool, HandsOutDistinctReadOnlyConnections) {
    ReaderPool pool(writer_, with_readers(3));
    std::set<Connection*> seen;
    pool.with_reader([&](Connection& a) {
        pool.with_reader([&](Connection& b) {
            pool.with_reader([&](Connection& c) {
                seen = {&a, &b, &c};
                EXPECT_EQ(pool.stats().in_use, 3u);
            });
        });
    });
    EXPECT_EQ(seen.size(), 3u);
    for (Connection* connection : seen) EXPECT_EQ(connection->access(), Access::read_only);
    EXPECT_EQ(pool.stats().in_use, 0u);
}

TEST_F(SqliteReaderPool, BlocksWhenEveryConnectionIsLentOut) {
    ReaderPool pool(writer_, with_readers(2));
    std::promise<void> release;
    std::shared_future<void> released = release.get_future().share();
    std::vector<std::thread> holders;
    for (int i = 0; i < 2; ++i) {
        holders.emplace_back([&pool, released] { pool.with_reader([&](Connection&) { released.wait(); }); });
    }
    spin_until([&] { return pool.stats().in_use == 2; });

    std::atomic<bool> served = false;
    std::thread third([&] { pool.with_reader([&](Connection&) { served = true; }); });
    spin_until([&] { return pool.stats().waiting == 1; });
    EXPECT_FALSE(served) << "a third reader was handed out of a pool of two";

    release.set_value();
    third.join();
    for (auto& holder : holders) holder.join();
    EXPECT_TRUE(served);
    EXPECT_EQ(pool.stats().in_use, 0u);
    EXPECT_EQ(pool.stats().waiting, 0u);
}

TEST_F(SqliteReaderPool, EachReadSeesWhatWasCommittedBeforeIt) {
    ReaderPool pool(writer_, with_readers(1));
    EXPECT_EQ(pool.with_reader(count), 0);
    insert(1);
    EXPECT_EQ(pool.with_reader(count), 1);  // the same connection, on a new snapshot
    insert(2);
    EXPECT_EQ(pool.with_reader(count), 2);
}

TEST_F(SqliteReaderPool, ReadersCannotWrite) {
    ReaderPool pool(writer_, with_readers(1));
    try {
        pool.with_reader([](Connection& c) { c.prepare("INSERT INTO t VALUES (1)").run(); });
        FAIL() << "a reader wrote";
    } catch (const Error& e) {
        EXPECT_EQ(e.code(), SQLITE_READONLY);
    }
}

TEST_F(SqliteReaderPool, AFailedReadReturnsItsConnectionWithNoTransactionOpen) {
    ReaderPool pool(writer_, with_readers(1));
    EXPECT_THROW(pool.with_reader([](Connection& c) -> int {
        count(c);
        throw std::runtime_error("failed half-way");
    }), std::runtime_error);
    EXPECT_EQ(pool.stats().in_use, 0u);
    pool.with_reader([](Connection& c) {
        // with_reader's own transaction is the only one: the failed read's ended.
        EXPECT_TRUE(c.in_transaction());
    });
    insert(1);
    EXPECT_EQ(pool.with_reader(count), 1);
}

TEST_F(SqliteReaderPool, ReturnsWhatTheReadReturns) {
    ReaderPool pool(writer_, with_readers(1));
    insert(41);
    const std::string text = pool.with_reader([](Connection& c) {
        Statement select = c.prepare("SELECT x + 1 FROM t");
        EXPECT_EQ(select.step(), Step::row);
        return std::to_string(select.column_int64(0));
    });
    EXPECT_EQ(text, "42");
}

}  // namespace
