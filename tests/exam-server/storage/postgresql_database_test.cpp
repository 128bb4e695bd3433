// PgDatabase on a server of the test's own: two nodes migrating one database
// at once; writes acknowledged only after commit, their errors mapped as the
// SQLite database maps them (409 for a constraint, a job's own refusal, 503
// for the rest) with nothing of a failed job kept; reads in read-only
// snapshots; and the audit chain appended by two nodes at once staying whole.
#include <gtest/gtest.h>

#include <atomic>
#include <future>
#include <memory>
#include <thread>

#include "postgres_server.hpp"
#include "storage/postgresql/pg_database.hpp"
#include "storage/schema_migrations.hpp"

using namespace exam::storage;
using exam::storage::postgresql::PgConnection;
using exam::storage::postgresql::PgDatabase;
using exam::storage::postgresql::PgDatabaseOptions;
using exam::storage::postgresql::PgError;

namespace {

class PostgresqlDatabase : public ::testing::Test {
protected:
    static void SetUpTestSuite() { server_ = std::make_unique<exam_test::PostgresServer>(); }
    static void TearDownTestSuite() { server_.reset(); }
    void SetUp() override { uri_ = server_->fresh_database(); }

    static std::optional<exam::domain::Error> write_and_wait(PgDatabase& db, PgDatabase::Job job) {
        std::promise<std::optional<exam::domain::Error>> done;
        db.write(std::move(job), [&done](std::optional<exam::domain::Error> e) { done.set_value(std::move(e)); });
        return done.get_future().get();
    }

    static std::unique_ptr<exam_test::PostgresServer> server_;
    std::string uri_;
};

std::unique_ptr<exam_test::PostgresServer> PostgresqlDatabase::server_;

PgDatabaseOptions options(const std::string& uri, std::size_t readers, std::size_t max_batch) {
    PgDatabaseOptions o;
    o.conninfo = uri;
    o.readers = readers;
    o.max_batch = max_batch;
    return o;
}

std::int64_t count(PgDatabase& db, const std::string& sql) {
    return db.read([&](PgConnection& c) { return c.exec(sql).int64(0, 0); });
}

}  // namespace

TEST_F(PostgresqlDatabase, TwoNodesStartingTogetherMigrateOnce) {
    std::unique_ptr<PgDatabase> a, b;
    std::thread first([&] { a = std::make_unique<PgDatabase>(options(uri_, 2, 1)); });
    std::thread second([&] { b = std::make_unique<PgDatabase>(options(uri_, 2, 1)); });
    first.join();
    second.join();
    ASSERT_TRUE(a && b);
    EXPECT_EQ(count(*a, "SELECT count(*) FROM schema_migrations"), static_cast<std::int64_t>(schema_migrations().size()));
}

TEST_F(PostgresqlDatabase, WritesAreAcknowledgedAfterCommitAndAFailedJobKeepsNothing) {
    PgDatabase db(options(uri_, 3, 2));
    // Acknowledged means committed: another connection sees it as soon as done is called.
    ASSERT_FALSE(write_and_wait(db, [](PgConnection& c) {
        c.exec("INSERT INTO centres (number, name, created_at) VALUES ($1, $2, $3)",
               {std::string("90001"), std::string("Riverside"), std::int64_t{1}});
    }));
    PgConnection other(uri_);
    EXPECT_EQ(other.exec("SELECT count(*) FROM centres").int64(0, 0), 1);

    auto duplicate = write_and_wait(db, [](PgConnection& c) {
        c.exec("INSERT INTO centres (number, name, created_at) VALUES ($1, $2, $3)",
               {std::string("90002"), std::string("Second"), std::int64_t{1}});
        c.exec("INSERT INTO centres (number, name, created_at) VALUES ($1, $2, $3)",
               {std::string("90001"), std::string("Again"), std::int64_t{1}});
    });
    ASSERT_TRUE(duplicate);
    EXPECT_EQ(duplicate->status, 409);
    auto refused = write_and_wait(db, [](PgConnection& c) {
        c.exec("INSERT INTO centres (number, name, created_at) VALUES ($1, $2, $3)",
               {std::string("90003"), std::string("Third"), std::int64_t{1}});
        throw exam::domain::conflict("the job's own reason");
    });
    ASSERT_TRUE(refused);
    EXPECT_EQ(refused->message, "the job's own reason");
    auto failed = write_and_wait(db, [](PgConnection& c) {
        c.exec("INSERT INTO centres (number, name, created_at) VALUES ($1, $2, $3)",
               {std::string("90004"), std::string("Fourth"), std::int64_t{1}});
        throw std::runtime_error("a bug");
    });
    ASSERT_TRUE(failed);
    EXPECT_EQ(failed->status, 503);
    EXPECT_EQ(count(db, "SELECT count(*) FROM centres"), 1) << "nothing of the three failed jobs";

    // Reads are read-only snapshots.
    EXPECT_THROW(db.read([](PgConnection& c) { return c.exec("DELETE FROM centres"); }), PgError);

    // Every write queued before stop() is done before it returns.
    std::atomic<int> committed = 0;
    for (int i = 0; i < 20; ++i) {
        db.write(
            [i](PgConnection& c) {
                c.exec("INSERT INTO centres (number, name, created_at) VALUES ($1, $2, $3)",
                       {"9100" + std::to_string(i), std::string("Many"), std::int64_t{1}});
            },
            [&committed](std::optional<exam::domain::Error> e) {
                if (!e) ++committed;
            });
    }
    db.stop();
    EXPECT_EQ(committed.load(), 20);
    EXPECT_EQ(other.exec("SELECT count(*) FROM centres").int64(0, 0), 21);
}

TEST_F(PostgresqlDatabase, TwoNodesAppendingTheAuditLogAtOnceKeepOneWholeChain) {
    PgDatabase a(options(uri_, 3, 8)), b(options(uri_, 3, 8));
    constexpr int per_node = 40;
    std::atomic<int> acknowledged = 0;
    std::promise<void> all_done;
    auto append = [&](PgDatabase& db, const std::string& node, int i) {
        db.write([node, i](PgConnection& c) { append_audit(c, {i, "staff:" + node, "test.append", "n:" + std::to_string(i), "{}"}); },
                 [&](std::optional<exam::domain::Error> e) {
                     EXPECT_FALSE(e) << e->message;
                     if (++acknowledged == 2 * per_node) all_done.set_value();
                 });
    };
    for (int i = 0; i < per_node; ++i) {
        append(a, "a", i);
        append(b, "b", i);
    }
    all_done.get_future().wait();
    EXPECT_EQ(count(a, "SELECT count(*) FROM audit_log"), 2 * per_node);
    EXPECT_EQ(a.read([](PgConnection& c) { return postgresql::first_broken_audit_row(c); }), 0);

    // A row changed behind the servers' backs is found.
    PgConnection(uri_).exec("UPDATE audit_log SET details = $1 WHERE id = 7", {std::string("{\"changed\":true}")});
    EXPECT_EQ(a.read([](PgConnection& c) { return postgresql::first_broken_audit_row(c); }), 7);
}

TEST_F(PostgresqlDatabase, JobsQueuedTogetherCommitTogetherAndOneFailureUndoesOnlyItsOwn) {
    PgDatabase db(options(uri_, 2, 64));
    // Hold the writer on a first job so the next ones queue behind it and go as one batch.
    std::promise<void> release;
    auto released = release.get_future().share();
    std::vector<std::promise<std::optional<exam::domain::Error>>> outcomes(5);
    db.write([released](PgConnection&) { released.wait(); }, [&](std::optional<exam::domain::Error> e) {
        outcomes[0].set_value(std::move(e));
    });
    auto insert = [](const std::string& number) {
        return [number](PgConnection& c) {
            c.prepare("INSERT INTO centres (number, name, created_at) VALUES (?, ?, ?)").bind_all(number, "Batch", 1).run();
        };
    };
    auto done = [&](std::size_t i) { return [&, i](std::optional<exam::domain::Error> e) { outcomes[i].set_value(std::move(e)); }; };
    db.write(insert("80001"), done(1));
    db.write(insert("80001"), done(2));  // a duplicate number: refused alone
    db.write([](PgConnection& c) {
        c.prepare("INSERT INTO centres (number, name, created_at) VALUES (?, ?, ?)").bind_all("80003", "Kept?", 1).run();
        throw exam::domain::conflict("refused after writing");
    }, done(3));
    db.write(insert("80004"), done(4));
    release.set_value();
    EXPECT_FALSE(outcomes[0].get_future().get());
    EXPECT_FALSE(outcomes[1].get_future().get());
    auto duplicate = outcomes[2].get_future().get();
    ASSERT_TRUE(duplicate);
    EXPECT_EQ(duplicate->status, 409);
    auto refused = outcomes[3].get_future().get();
    ASSERT_TRUE(refused);
    EXPECT_EQ(refused->message, "refused after writing");
    EXPECT_FALSE(outcomes[4].get_future().get());
    EXPECT_EQ(count(db, "SELECT count(*) FROM centres WHERE number IN ('80001', '80004')"), 2);
    EXPECT_EQ(count(db, "SELECT count(*) FROM centres WHERE number = '80003'"), 0) << "a refused job keeps nothing";
}

TEST_F(PostgresqlDatabase, AFenceCompletesAfterEverythingQueuedBeforeIt) {
    PgDatabase db(options(uri_, 2, 4));
    std::atomic<int> committed = 0;
    for (int i = 0; i < 10; ++i) {
        db.write([i](PgConnection& c) {
            c.prepare("INSERT INTO centres (number, name, created_at) VALUES (?, ?, ?)").bind_all(70000 + i, "F", 1).run();
        }, [&committed](std::optional<exam::domain::Error> e) {
            if (!e) ++committed;
        });
    }
    std::promise<int> seen;
    db.fence([&](std::optional<exam::domain::Error> e) {
        EXPECT_FALSE(e);
        seen.set_value(committed.load());
    });
    EXPECT_EQ(seen.get_future().get(), 10);
}

TEST_F(PostgresqlDatabase, AReadOnABrokenConnectionIsRetriedOnAFreshOne) {
    PgDatabase db(options(uri_, 1, 4));
    EXPECT_EQ(count(db, "SELECT count(*) FROM centres"), 0);
    // Every backend of this database but the test's own is ended, as a server restart would.
    PgConnection(uri_).exec("SELECT pg_terminate_backend(pid) FROM pg_stat_activity "
                            "WHERE datname = current_database() AND pid <> pg_backend_pid()");
    EXPECT_EQ(count(db, "SELECT count(*) FROM centres"), 0) << "the reader reconnected by itself";
    // And the writer: its batch after the break is refused or kept, never lost silently; the next one commits.
    auto first = write_and_wait(db, [](PgConnection& c) {
        c.prepare("INSERT INTO centres (number, name, created_at) VALUES (?, ?, ?)").bind_all("60001", "W", 1).run();
    });
    if (first) {
        EXPECT_EQ(first->status, 503);
    }
    EXPECT_FALSE(write_and_wait(db, [](PgConnection& c) {
        c.prepare("INSERT INTO centres (number, name, created_at) VALUES (?, ?, ?)").bind_all("60002", "W", 1).run();
    }));
    EXPECT_EQ(count(db, "SELECT count(*) FROM centres WHERE number = '60002'"), 1);
    EXPECT_EQ(count(db, "SELECT count(*) FROM centres"), first ? 1 : 2);
}
