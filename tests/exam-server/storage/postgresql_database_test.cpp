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

std::int64_t count(PgDatabase& db, const std::string& sql) {
    return db.read([&](PgConnection& c) { return c.exec(sql).int64(0, 0); });
}

}  // namespace

TEST_F(PostgresqlDatabase, TwoNodesStartingTogetherMigrateOnce) {
    std::unique_ptr<PgDatabase> a, b;
    std::thread first([&] { a = std::make_unique<PgDatabase>(PgDatabaseOptions{uri_, 2, 1}); });
    std::thread second([&] { b = std::make_unique<PgDatabase>(PgDatabaseOptions{uri_, 2, 1}); });
    first.join();
    second.join();
    ASSERT_TRUE(a && b);
    EXPECT_EQ(count(*a, "SELECT count(*) FROM schema_migrations"), 7);
}

TEST_F(PostgresqlDatabase, WritesAreAcknowledgedAfterCommitAndAFailedJobKeepsNothing) {
    PgDatabase db({uri_, 3, 2});
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
    PgDatabase a({uri_, 3, 2}), b({uri_, 3, 2});
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
