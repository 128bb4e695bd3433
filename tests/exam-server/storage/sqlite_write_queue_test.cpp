#include "storage/sqlite/write_queue.hpp"

#include <gtest/gtest.h>
#include <sqlite3.h>

#include <algorithm>
#include <atomic>
#include <condition_variable>
#include <future>
#include <map>
#include <mutex>
#include <thread>

#include "storage/sqlite/error.hpp"
#include "storage/sqlite/reader_pool.hpp"
#include "temp_dir.hpp"

namespace {

using namespace exam::storage::sqlite;
using namespace std::chrono_literals;

// Values handed over from the writer thread. Waiting is bounded only so that a
// broken queue fails the test instead of hanging it; no assertion depends on time.
template <class T>
class Inbox {
public:
    void put(T value) {
        {
            std::lock_guard lock(mutex_);
            values_.push_back(std::move(value));
        }
        arrived_.notify_all();
    }

    // Waits until `count` values have arrived and returns them all.
    std::vector<T> wait_for(std::size_t count) {
        std::unique_lock lock(mutex_);
        if (!arrived_.wait_for(lock, 60s, [&] { return values_.size() >= count; })) {
            throw std::runtime_error("timed out waiting for " + std::to_string(count) + " values; got " +
                                     std::to_string(values_.size()));
        }
        return values_;
    }

    std::vector<T> now() {
        std::lock_guard lock(mutex_);
        return values_;
    }

private:
    std::mutex mutex_;
    std::condition_variable arrived_;
    std::vector<T> values_;
};

struct Outcome {
    int id;
    std::exception_ptr error;
};

WriteQueue::Completion record(Inbox<Outcome>& inbox, int id) {
    return [&inbox, id](std::exception_ptr error) { inbox.put(Outcome{id, std::move(error)}); };
}

std::string message_of(const std::exception_ptr& error) {
    try {
        std::rethrow_exception(error);
    } catch (const std::exception& e) {
        return e.what();
    }
}

WriteQueue::Job insert(std::int64_t x) {
    return [x](Connection& connection) { connection.prepare("INSERT INTO t (x) VALUES (?1)").bind(1, x).run(); };
}

std::vector<std::int64_t> committed_values(const std::filesystem::path& file) {
    Connection fresh(file, Access::read_only);
    std::vector<std::int64_t> values;
    Statement select = fresh.prepare("SELECT x FROM t ORDER BY x");
    while (select.step() == Step::row) values.push_back(select.column_int64(0));
    return values;
}

// Holds the writer thread inside a job until opened, so that a test decides
// exactly which jobs wait together for the next batch.
class Gate {
public:
    explicit Gate(WriteQueue& queue) {
        auto started = std::make_shared<std::promise<void>>();
        std::future<void> running = started->get_future();
        std::shared_future<void> opened = open_.get_future().share();
        queue.submit([started, opened](Connection&) {
            started->set_value();
            opened.wait();
        }, [](std::exception_ptr) {});
        running.wait();  // the gate's batch is gathered: later jobs queue behind it
    }
    ~Gate() { open(); }
    Gate(const Gate&) = delete;
    Gate& operator=(const Gate&) = delete;

    void open() {
        if (opened_) return;
        opened_ = true;
        open_.set_value();
    }

private:
    std::promise<void> open_;
    bool opened_ = false;
};

class SqliteWriteQueue : public ::testing::Test {
protected:
    std::filesystem::path file() const { return dir_.path() / "db.sqlite"; }

    void create_table(WriteQueue& queue) {
        queue.run_sync([](Connection& connection) { connection.exec("CREATE TABLE t (x INTEGER)"); });
    }

    exam_test::TempDir dir_;
    // Declared before any queue in a test, so they outlive its writer thread.
    Inbox<Outcome> outcomes_;
    Inbox<BatchReport> batches_;
    Inbox<CheckpointReport> checkpoints_;
};

TEST_F(SqliteWriteQueue, ACompletionRunsOnlyOnceItsWorkIsCommitted) {
    Inbox<std::vector<std::int64_t>> seen;
    WriteQueue queue(file());
    create_table(queue);
    queue.submit(insert(7), [&](std::exception_ptr error) {
        if (error) {
            seen.put({-1});
            return;
        }
        // A separate connection sees only committed data.
        seen.put(committed_values(file()));
    });
    EXPECT_EQ(seen.wait_for(1).front(), std::vector<std::int64_t>{7});
}

TEST_F(SqliteWriteQueue, JobsFromManyThreadsAllCommitInSharedBatches) {
    WriteQueueOptions options;
    options.on_batch = [this](const BatchReport& report) { batches_.put(report); };
    WriteQueue queue(file(), options);
    create_table(queue);

    constexpr int threads = 4;
    constexpr int per_thread = 500;
    {
        // Everything queues while the writer is held, so batches must form.
        Gate gate(queue);
        std::vector<std::thread> submitters;
        for (int t = 0; t < threads; ++t) {
            submitters.emplace_back([&, t] {
                for (int i = 0; i < per_thread; ++i) {
                    const int id = t * per_thread + i;
                    queue.submit(insert(id), record(outcomes_, id));
                }
            });
        }
        for (auto& submitter : submitters) submitter.join();
    }

    const auto outcomes = outcomes_.wait_for(threads * per_thread);
    ASSERT_EQ(outcomes.size(), std::size_t{threads * per_thread});
    for (const auto& outcome : outcomes) EXPECT_FALSE(outcome.error) << outcome.id << ": " << message_of(outcome.error);
    std::vector<std::int64_t> expected(threads * per_thread);
    for (std::size_t i = 0; i < expected.size(); ++i) expected[i] = static_cast<std::int64_t>(i);
    EXPECT_EQ(committed_values(file()), expected);

    queue.stop();  // every batch report is in once the writer has stopped
    std::size_t largest = 0;
    std::size_t jobs = 0;
    for (const auto& report : batches_.now()) {
        EXPECT_TRUE(report.committed);
        EXPECT_EQ(report.failed_jobs, 0u);
        EXPECT_LE(report.jobs, options.max_batch);
        largest = std::max(largest, report.jobs);
        jobs += report.jobs;
    }
    EXPECT_GT(largest, 1u);
    EXPECT_EQ(jobs, std::size_t{threads * per_thread + 2});  // with the table and the gate
}

TEST_F(SqliteWriteQueue, AThrowingJobFailsAloneWhileItsBatchMatesCommit) {
    WriteQueueOptions options;
    options.on_batch = [this](const BatchReport& report) { batches_.put(report); };
    WriteQueue queue(file(), options);
    create_table(queue);
    {
        Gate gate(queue);
        queue.submit(insert(1), record(outcomes_, 1));
        queue.submit([](Connection& connection) {
            insert(2)(connection);
            throw std::runtime_error("job 2 changed its mind");
        }, record(outcomes_, 2));
        queue.submit([](Connection& connection) {
            insert(3)(connection);
            insert(3)(connection);
        }, record(outcomes_, 3));
        queue.submit([](Connection& connection) {
            connection.exec("CREATE TABLE t (x INTEGER)");  // already exists: an SQLite error
        }, record(outcomes_, 4));
    }
    const auto outcomes = outcomes_.wait_for(4);
    ASSERT_EQ(outcomes.size(), 4u);
    EXPECT_FALSE(outcomes[0].error);
    EXPECT_EQ(message_of(outcomes[1].error), "job 2 changed its mind");
    EXPECT_FALSE(outcomes[2].error);
    EXPECT_THROW(std::rethrow_exception(outcomes[3].error), Error);
    EXPECT_EQ(committed_values(file()), (std::vector<std::int64_t>{1, 3, 3}));

    queue.stop();
    const auto reports = batches_.now();
    const auto shared = std::find_if(reports.begin(), reports.end(), [](const BatchReport& r) { return r.jobs == 4; });
    ASSERT_NE(shared, reports.end()) << "the four jobs were not committed together";
    EXPECT_TRUE(shared->committed);
    EXPECT_EQ(shared->failed_jobs, 2u);
}

TEST_F(SqliteWriteQueue, AFailedCommitFailsEveryJobOfTheBatch) {
    WriteQueue queue(file());
    queue.run_sync([](Connection& connection) {
        // A deferred foreign key is checked only at COMMIT, which is how a commit can fail.
        connection.exec(
            "CREATE TABLE parent (id INTEGER PRIMARY KEY);"
            "CREATE TABLE child (parent INTEGER REFERENCES parent(id) DEFERRABLE INITIALLY DEFERRED)");
    });
    {
        Gate gate(queue);
        queue.submit([](Connection& c) { c.prepare("INSERT INTO parent (id) VALUES (1)").run(); }, record(outcomes_, 1));
        queue.submit([](Connection& c) { c.prepare("INSERT INTO child (parent) VALUES (99)").run(); }, record(outcomes_, 2));
    }
    for (const auto& outcome : outcomes_.wait_for(2)) {
        try {
            std::rethrow_exception(outcome.error);
        } catch (const Error& e) {
            EXPECT_EQ(e.extended_code(), SQLITE_CONSTRAINT_FOREIGNKEY) << outcome.id;
        } catch (...) {
            ADD_FAILURE() << "job " << outcome.id << " did not get the commit's error";
        }
    }
    // Nothing of the batch is kept, and the writer carries on.
    queue.run_sync([](Connection& c) {
        Statement count = c.prepare("SELECT count(*) FROM parent");
        ASSERT_EQ(count.step(), Step::row);
        EXPECT_EQ(count.column_int64(0), 0);
        c.prepare("INSERT INTO parent (id) VALUES (2)").run();
    });
}

TEST_F(SqliteWriteQueue, StopCommitsWhatIsQueuedBeforeReturning) {
    WriteQueue queue(file());
    create_table(queue);
    constexpr int queued = 100;
    std::thread stopper;
    std::atomic<bool> refused = false;
    {
        Gate gate(queue);
        for (int i = 0; i < queued; ++i) queue.submit(insert(i), record(outcomes_, i));
        stopper = std::thread([&] { queue.stop(); });
        // Once stop() has begun, a submit is refused at once, on this thread;
        // until then the probes queue behind the gate, to be drained too.
        while (!refused) {
            queue.submit([](Connection&) {}, [&refused](std::exception_ptr error) {
                if (error) refused = true;
            });
        }
    }
    stopper.join();
    const auto outcomes = outcomes_.now();  // no waiting: stop() returned after every completion
    ASSERT_EQ(outcomes.size(), std::size_t{queued});
    for (const auto& outcome : outcomes) EXPECT_FALSE(outcome.error);
    EXPECT_EQ(committed_values(file()).size(), std::size_t{queued});
}

TEST_F(SqliteWriteQueue, ASubmitAfterStopCompletesAtOnceWithAnError) {
    WriteQueue queue(file());
    create_table(queue);
    queue.stop();
    queue.stop();  // idempotent
    bool called = false;
    queue.submit(insert(1), [&](std::exception_ptr error) {
        called = true;
        EXPECT_THROW(std::rethrow_exception(error), WriteQueueStopped);
    });
    EXPECT_TRUE(called);
    EXPECT_THROW(queue.run_sync(insert(1)), WriteQueueStopped);
    EXPECT_TRUE(committed_values(file()).empty());
}

TEST_F(SqliteWriteQueue, RunSyncWaitsForTheCommitAndRethrows) {
    WriteQueue queue(file());
    create_table(queue);
    queue.run_sync(insert(5));
    EXPECT_EQ(committed_values(file()), std::vector<std::int64_t>{5});
    EXPECT_THROW(queue.run_sync([](Connection&) { throw std::out_of_range("nope"); }), std::out_of_range);
    // On the writer thread it would wait for itself.
    EXPECT_THROW(queue.run_sync([&queue](Connection&) { queue.run_sync(insert(6)); }), std::logic_error);
    EXPECT_THROW(queue.run_sync([&queue](Connection&) { queue.stop(); }), std::logic_error);
    EXPECT_THROW(queue.submit(nullptr, [](std::exception_ptr) {}), std::invalid_argument);
    EXPECT_THROW(queue.submit(insert(7), nullptr), std::invalid_argument);
}

TEST_F(SqliteWriteQueue, AnIdleWriterTruncatesTheWal) {
    WriteQueueOptions options;
    options.idle_checkpoint_after = 1ms;
    options.idle_truncate_after = 1ms;
    options.on_checkpoint = [this](const CheckpointReport& report) { checkpoints_.put(report); };
    WriteQueue queue(file(), options);
    create_table(queue);
    queue.run_sync(insert(1));
    ASSERT_GT(std::filesystem::file_size(file().string() + "-wal"), 0u);

    // Idle checkpoints come in order: PASSIVE first, then TRUNCATE.
    std::vector<CheckpointReport> reports;
    for (std::size_t wanted = 1;; ++wanted) {
        reports = checkpoints_.wait_for(wanted);
        if (reports.back().mode == CheckpointMode::truncate) break;
    }
    EXPECT_EQ(reports.front().mode, CheckpointMode::passive);
    EXPECT_FALSE(reports.back().error);
    EXPECT_FALSE(reports.back().result.busy);
    EXPECT_EQ(std::filesystem::file_size(file().string() + "-wal"), 0u);
    EXPECT_EQ(committed_values(file()), std::vector<std::int64_t>{1});
}

TEST_F(SqliteWriteQueue, TheWalStaysBoundedWhileReadersReadWithoutPause) {
    WriteQueueOptions options;
    options.batch_window = 0us;
    options.checkpoint_after_frames = 32;
    options.restart_wal_after_frames = 128;
    // Long enough never to expire here: the wait ends as soon as the reads in
    // progress end, which takes microseconds.
    options.max_wait_for_reads = 60s;
    // Only the page thresholds are under test: no idle checkpoints.
    options.idle_checkpoint_after = 1h;
    options.idle_truncate_after = 1h;
    options.on_checkpoint = [this](const CheckpointReport& report) { checkpoints_.put(report); };
    WriteQueue queue(file(), options);
    queue.run_sync([](Connection& c) { c.exec("CREATE TABLE t (x INTEGER, payload BLOB)"); });

    ReaderPoolOptions readers;
    readers.readers = 2;
    ReaderPool pool(queue, readers);
    const auto page_size = pool.with_reader([](Connection& c) {
        Statement pragma = c.prepare("PRAGMA page_size");
        EXPECT_EQ(pragma.step(), Step::row);
        return static_cast<std::uintmax_t>(pragma.column_int64(0));
    });
    std::atomic<bool> writing = true;
    std::atomic<int> reads = 0;
    std::thread reader([&] {
        while (writing) {
            pool.with_reader([](Connection& c) {
                Statement count = c.prepare("SELECT count(*), sum(length(payload)) FROM t");
                EXPECT_EQ(count.step(), Step::row);
            });
            ++reads;
        }
    });

    // Each batch writes two rows of most of a page each: two new leaf pages,
    // their parent and page 1, so a handful of frames.
    const std::vector<std::byte> payload(3000, std::byte{0x5a});
    const std::string wal = file().string() + "-wal";
    std::uintmax_t largest_wal = 0;
    for (int batch = 0; batch < 300; ++batch) {
        queue.run_sync([&](Connection& c) {
            for (int row = 0; row < 2; ++row) {
                c.prepare("INSERT INTO t (x, payload) VALUES (?1, ?2)").bind_all(batch, std::span(payload)).run();
            }
        });
        largest_wal = std::max(largest_wal, std::filesystem::file_size(wal));
    }
    writing = false;
    reader.join();

    // Once the WAL holds restart_wal_after_frames the writer waits out the
    // reads in progress and restarts it, which then cannot fail: every read
    // left began after the full checkpoint and reads the database file alone.
    // So the WAL exceeds that size by at most the frames of the one batch that
    // crossed it: 16 allows for far more than the handful a batch writes. A
    // frame is a page plus a 24-byte header; the file has a 32-byte header.
    // (With PASSIVE checkpoints alone this reader drives the WAL past the size
    // of the whole database.)
    const std::uintmax_t frame = page_size + 24;
    const std::uintmax_t bound = 32 + (128 + 16) * frame;
    EXPECT_LE(largest_wal, bound);
    // The bound means something: the data written is several times what fits in it.
    EXPECT_GT(std::filesystem::file_size(file()), 4 * bound);
    EXPECT_GT(reads.load(), 0);
    std::size_t restarts = 0;
    for (const auto& report : checkpoints_.now()) {
        EXPECT_FALSE(report.error);
        if (report.mode == CheckpointMode::restart) {
            EXPECT_FALSE(report.result.busy);
            ++restarts;
        }
    }
    EXPECT_GT(restarts, 0u);
}

}  // namespace
