#include "storage/sqlite/write_queue.hpp"

#include <algorithm>
#include <future>
#include <utility>

#include "storage/sqlite/savepoint.hpp"
#include "storage/sqlite/transaction.hpp"

namespace exam::storage::sqlite {

namespace {

// The queue whose writer thread this is, if any: lets run_sync() and stop()
// refuse to wait for themselves.
thread_local const WriteQueue* current_writer = nullptr;

WriteQueueOptions checked(WriteQueueOptions options) {
    if (options.max_batch == 0) throw std::invalid_argument("WriteQueueOptions::max_batch must be at least 1");
    options.connection.automatic_checkpoints = false;
    return options;
}

// Completions and observers must not throw. One that does terminates the
// process here rather than unwinding the writer thread, which would leave its
// batch-mates' callers waiting for completions that never come.
template <class Callback, class... Args>
void call_noexcept(const Callback& callback, Args&&... args) noexcept {
    callback(std::forward<Args>(args)...);
}

// Runs one job in its own savepoint. Returns the job's error, having undone
// its work; throws when the whole transaction is lost.
std::exception_ptr run_job(Connection& connection, const WriteQueue::Job& job) {
    Savepoint savepoint(connection);
    std::exception_ptr error;
    try {
        job(connection);
    } catch (...) {
        error = std::current_exception();
    }
    if (!error) {
        savepoint.release();
        return nullptr;
    }
    // Some errors (a full disk, an I/O error) make SQLite roll back the whole
    // transaction, batch-mates' work included: then the batch has failed.
    if (!connection.in_transaction()) std::rethrow_exception(error);
    savepoint.rollback();
    return error;
}

}  // namespace

WriteQueue::WriteQueue(const std::filesystem::path& file, WriteQueueOptions options)
    : options_(checked(std::move(options))),
      file_(file),
      connection_(file_, Access::read_write_create, options_.connection),
      writer_([this] { run(); }) {}

WriteQueue::~WriteQueue() { stop(); }

void WriteQueue::submit(Job job, Completion done) {
    if (!job || !done) throw std::invalid_argument("WriteQueue::submit needs a job and a completion");
    std::unique_lock lock(mutex_);
    if (stopping_) {
        lock.unlock();
        done(std::make_exception_ptr(WriteQueueStopped()));
        return;
    }
    queue_.push_back(Pending{std::move(job), std::move(done), Clock::now()});
    const std::size_t queued = queue_.size();
    lock.unlock();
    // The writer waits either for a first job or, gathering, for a full batch.
    if (queued == 1 || queued == options_.max_batch) work_.notify_one();
}

void WriteQueue::run_sync(Job job) {
    if (current_writer == this) throw std::logic_error("WriteQueue::run_sync called on the writer thread");
    // Shared, so the promise outlives set_value() even once this caller has returned.
    auto promise = std::make_shared<std::promise<void>>();
    std::future<void> committed = promise->get_future();
    submit(std::move(job), [promise](std::exception_ptr error) {
        if (error) {
            promise->set_exception(error);
        } else {
            promise->set_value();
        }
    });
    committed.get();
}

void WriteQueue::stop() {
    if (current_writer == this) throw std::logic_error("WriteQueue::stop called on the writer thread");
    {
        std::lock_guard lock(mutex_);
        stopping_ = true;
    }
    work_.notify_all();
    std::lock_guard join_lock(join_mutex_);
    if (writer_.joinable()) writer_.join();
}

void WriteQueue::run() {
    current_writer = this;
    std::unique_lock lock(mutex_);
    while (wait_for_work(lock)) {
        std::vector<Pending> batch = gather(lock);
        lock.unlock();
        commit_batch(batch);
        lock.lock();
    }
    lock.unlock();
    if (idle_truncate_due_) restart_wal(CheckpointMode::truncate);
}

bool WriteQueue::wait_for_work(std::unique_lock<std::mutex>& lock) {
    while (queue_.empty()) {
        if (stopping_) return false;
        if (!idle_checkpoint_due_ && !idle_truncate_due_) {
            work_.wait(lock);
            continue;
        }
        const auto deadline =
            last_commit_ + (idle_checkpoint_due_ ? options_.idle_checkpoint_after : options_.idle_truncate_after);
        if (work_.wait_until(lock, deadline) == std::cv_status::timeout && queue_.empty() && !stopping_) {
            // Attempted once per idle spell whatever the outcome: a reader
            // holding a checkpoint off must not turn this wait into a spin.
            CheckpointMode mode = CheckpointMode::truncate;
            if (idle_checkpoint_due_) {
                mode = CheckpointMode::passive;
                idle_checkpoint_due_ = false;
            } else {
                idle_truncate_due_ = false;
            }
            lock.unlock();
            if (mode == CheckpointMode::passive) {
                checkpoint(mode);
            } else {
                restart_wal(mode);
            }
            lock.lock();
        }
    }
    return true;
}

std::vector<WriteQueue::Pending> WriteQueue::gather(std::unique_lock<std::mutex>& lock) {
    // Measured from the oldest job's submit, not from when the writer woke: work
    // that queued during the last commit has waited long enough already.
    if (!stopping_ && queue_.size() < options_.max_batch) {
        const auto deadline = queue_.front().submitted + options_.batch_window;
        work_.wait_until(lock, deadline, [this] { return stopping_ || queue_.size() >= options_.max_batch; });
    }
    const std::size_t size = std::min(queue_.size(), options_.max_batch);
    std::vector<Pending> batch;
    batch.reserve(size);
    for (std::size_t i = 0; i < size; ++i) {
        batch.push_back(std::move(queue_.front()));
        queue_.pop_front();
    }
    return batch;
}

void WriteQueue::commit_batch(const std::vector<Pending>& batch) {
    BatchReport report;
    report.jobs = batch.size();
    std::vector<std::exception_ptr> errors(batch.size());
    std::exception_ptr batch_error;
    const auto began = Clock::now();
    try {
        Transaction transaction(connection_, TransactionKind::immediate);
        for (std::size_t i = 0; i < batch.size(); ++i) errors[i] = run_job(connection_, batch[i].job);
        transaction.commit();
        report.committed = true;
    } catch (...) {
        batch_error = std::current_exception();
    }
    const auto ended = Clock::now();
    report.transaction = ended - began;
    report.queued_to_commit = ended - batch.front().submitted;

    for (std::size_t i = 0; i < batch.size(); ++i) {
        const std::exception_ptr error = (errors[i] || report.committed) ? errors[i] : batch_error;
        if (error) ++report.failed_jobs;
        call_noexcept(batch[i].done, error);
    }
    if (options_.on_batch) call_noexcept(options_.on_batch, report);
    if (report.committed) {
        last_commit_ = ended;
        idle_checkpoint_due_ = true;
        idle_truncate_due_ = true;
        checkpoint_after_commit();
    }
}

void WriteQueue::checkpoint_after_commit() {
    const int frames = connection_.wal_frames();
    // After a complete checkpoint the WAL starts over from its first frame, so
    // fewer frames than at the last checkpoint means it did.
    const int written = frames >= frames_at_last_checkpoint_ ? frames - frames_at_last_checkpoint_ : frames;
    if (frames >= options_.restart_wal_after_frames) {
        restart_wal(CheckpointMode::restart);
    } else if (written >= options_.checkpoint_after_frames) {
        checkpoint(CheckpointMode::passive);
    }
}

void WriteQueue::restart_wal(CheckpointMode mode) {
    // First the readers whose snapshots predate the last commit, so that every
    // frame can be copied; then those that began before that copy finished,
    // since they hold the WAL read slots a restart needs. Readers beginning
    // after a full copy read the database file alone and are no obstacle.
    const auto wait_for_reads = [&] {
        if (reads_->wait_for_earlier_reads(options_.max_wait_for_reads)) return true;
        CheckpointReport report;
        report.mode = mode;
        report.result.busy = true;
        if (options_.on_checkpoint) call_noexcept(options_.on_checkpoint, report);
        return false;
    };
    if (!wait_for_reads() || !checkpoint(CheckpointMode::passive) || !wait_for_reads()) return;
    checkpoint(mode);
}

bool WriteQueue::checkpoint(CheckpointMode mode) {
    CheckpointReport report;
    report.mode = mode;
    bool complete = false;
    const auto began = Clock::now();
    try {
        report.result = connection_.checkpoint(mode);
        frames_at_last_checkpoint_ = report.result.wal_frames;
        complete = !report.result.busy && report.result.checkpointed_frames == report.result.wal_frames;
    } catch (...) {
        report.error = std::current_exception();
    }
    report.duration = Clock::now() - began;
    if (complete) {
        idle_checkpoint_due_ = false;
        if (mode == CheckpointMode::truncate) idle_truncate_due_ = false;
    }
    if (options_.on_checkpoint) call_noexcept(options_.on_checkpoint, report);
    return complete;
}

}  // namespace exam::storage::sqlite
