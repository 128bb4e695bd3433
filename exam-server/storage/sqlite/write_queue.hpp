#pragma once
// The database's one writer: a thread owning the read-write connection, which
// commits queued jobs in batches (group commit: one fsync shared by every job
// of a batch). A job's completion runs only after its batch's COMMIT has
// returned, so "completed without error" means "durable".
//
// Each batch: wait for work; gather what is queued until the oldest job has
// waited `batch_window` or `max_batch` jobs are queued; BEGIN IMMEDIATE; run
// each job inside its own savepoint (a job that throws is rolled back alone
// and only its completion gets the exception); COMMIT; then call every
// completion. If BEGIN or COMMIT fails, every completion of the batch gets the
// error. Checkpoints run here too, between batches (see WriteQueueOptions),
// coordinated with the ReaderPools made from this queue.
//
// Thread safety: submit() and run_sync() may be called from any thread, stop()
// from any thread but the writer's. Jobs, completions and observers run on the
// writer thread, one at a time; they must be quick and must not block on
// other work of this queue (run_sync and stop refuse to be called there).

#include <chrono>
#include <condition_variable>
#include <cstddef>
#include <deque>
#include <exception>
#include <filesystem>
#include <functional>
#include <memory>
#include <mutex>
#include <stdexcept>
#include <thread>
#include <vector>

#include "storage/sqlite/connection.hpp"
#include "storage/sqlite/read_tracker.hpp"

namespace exam::storage::sqlite {

struct BatchReport {
    std::size_t jobs = 0;
    std::size_t failed_jobs = 0;  // completed with an error (every job, when the batch did not commit)
    bool committed = false;
    std::chrono::nanoseconds transaction{};       // BEGIN to COMMIT returning
    std::chrono::nanoseconds queued_to_commit{};  // the oldest job's submit to COMMIT returning
};

struct CheckpointReport {
    CheckpointMode mode = CheckpointMode::passive;
    CheckpointResult result;
    std::chrono::nanoseconds duration{};
    std::exception_ptr error;  // set when the checkpoint failed; writing carries on
};

struct WriteQueueOptions {
    // How long the oldest queued job may wait for others to share its commit.
    // Under load the previous commit takes longer than this and batches form
    // without any waiting.
    std::chrono::microseconds batch_window{2000};
    std::size_t max_batch = 1024;

    // SQLite's own checkpointer is off on the writer: it would checkpoint
    // inside a commit, before the batch's completions run. Instead, after the
    // completions: a PASSIVE checkpoint (copies what it can, never waits) once
    // this many WAL frames were written since the last checkpoint...
    int checkpoint_after_frames = 1000;
    // ...and, once the WAL holds this many frames, a RESTART: PASSIVE alone
    // cannot bound the WAL under continuous reads (see read_tracker.hpp), so
    // the writer waits for the reads in progress in its ReaderPools to end,
    // checkpoints fully and starts the WAL over. The WAL file then stays under
    // about this many frames plus one batch's.
    int restart_wal_after_frames = 4000;
    // The longest the writer waits for reads in progress before a RESTART or
    // TRUNCATE (reads are short; one that is not costs a retry, not a stall).
    std::chrono::milliseconds max_wait_for_reads{100};
    // When no job arrives for this long after a commit, a PASSIVE checkpoint...
    std::chrono::milliseconds idle_checkpoint_after{50};
    // ...and for this long, a TRUNCATE checkpoint, returning the WAL's disk space.
    std::chrono::milliseconds idle_truncate_after{10000};

    // For the writer connection; automatic_checkpoints is ignored (always off).
    ConnectionOptions connection;

    // Observers for metrics, called on the writer thread after the batch's
    // completions, and after each checkpoint. They must not throw.
    std::function<void(const BatchReport&)> on_batch;
    std::function<void(const CheckpointReport&)> on_checkpoint;
};

// What a completion gets when its job was submitted after stop().
class WriteQueueStopped : public std::runtime_error {
public:
    WriteQueueStopped() : std::runtime_error("the write queue has stopped") {}
};

class WriteQueue {
public:
    // Runs inside the batch's transaction, within its own savepoint. It must
    // not begin, commit or roll back transactions itself. Throwing undoes it.
    using Job = std::function<void(Connection&)>;
    // Null on success, otherwise why the job's work is not in the database.
    // It runs on the writer thread and must not throw (a throwing completion
    // terminates the process: the commit stands, but its caller never hears of
    // it); post to your own executor instead of doing work here.
    using Completion = std::function<void(std::exception_ptr)>;

    // Opens (creating if need be) the database read-write in WAL mode and starts
    // the writer thread. Throws Error if the database cannot be opened. Apply
    // migrations on a Connection of your own before this: jobs run inside the
    // batch's transaction, where a migration's own transactions cannot.
    explicit WriteQueue(const std::filesystem::path& file, WriteQueueOptions options = {});
    // stop()s.
    ~WriteQueue();
    WriteQueue(const WriteQueue&) = delete;
    WriteQueue& operator=(const WriteQueue&) = delete;

    // Queues `job`; `done` is called exactly once. After stop(), `done` is
    // called at once, on the caller's thread, with WriteQueueStopped. Throws
    // std::invalid_argument if either is empty.
    void submit(Job job, Completion done);

    // Submits `job` and waits for its commit, rethrowing its error: for
    // start-up work. Throws std::logic_error on the writer thread, where it
    // would wait for itself.
    void run_sync(Job job);

    // Commits what is queued, runs a final TRUNCATE checkpoint, and joins the
    // writer thread. Idempotent. Throws std::logic_error on the writer thread.
    void stop();

    const std::filesystem::path& file() const { return file_; }
    // Where the file's ReaderPools record their reads, for the writer to wait
    // them out before restarting the WAL.
    const std::shared_ptr<ReadTracker>& reads() const { return reads_; }

private:
    using Clock = std::chrono::steady_clock;
    struct Pending {
        Job job;
        Completion done;
        Clock::time_point submitted;
    };

    void run();
    // Waits for work, running idle checkpoints meanwhile; false once stopped and drained.
    bool wait_for_work(std::unique_lock<std::mutex>& lock);
    std::vector<Pending> gather(std::unique_lock<std::mutex>& lock);
    void commit_batch(const std::vector<Pending>& batch);
    void checkpoint_after_commit();
    // RESTART or TRUNCATE, having waited out the reads in their way.
    void restart_wal(CheckpointMode mode);
    // True if it ran and every frame in the WAL is now in the database.
    bool checkpoint(CheckpointMode mode);

    const WriteQueueOptions options_;
    const std::filesystem::path file_;
    const std::shared_ptr<ReadTracker> reads_ = std::make_shared<ReadTracker>();
    Connection connection_;  // used only on the writer thread once it starts

    std::mutex mutex_;
    std::condition_variable work_;
    std::deque<Pending> queue_;
    bool stopping_ = false;

    // Writer-thread state for the checkpoint schedule.
    int frames_at_last_checkpoint_ = 0;
    bool idle_checkpoint_due_ = false;
    bool idle_truncate_due_ = false;
    Clock::time_point last_commit_{};

    std::mutex join_mutex_;  // two threads calling stop() at once: one joins, the other waits for it
    std::thread writer_;
};

}  // namespace exam::storage::sqlite
