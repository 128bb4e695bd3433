#pragma once
// The PostgreSQL database of a node: migrated at open; a fixed pool of reader
// connections (sized in the configuration, never one per request), each read
// a read-only snapshot on the caller's thread; and one writer thread with a
// connection of its own that commits the jobs queued behind it in batches
// (group commit, as SQLite's writer does); a job that refuses is taken out
// and the others run again, so one job's failure undoes only its own work. A write is acknowledged only once
// its COMMIT has returned (synchronous_commit on, so on disk). One writer
// also keeps a node's writes in the order they were queued, which the stores
// rely on (a later save_progress never lands before an earlier one).
//
// A serialization failure or deadlock is retried; a broken connection is
// reopened for the next batch or read and the request answered 503, so the
// client retries.
//
// Thread safety: read(), write() and fence() may be called from any thread.
// stop() (or destruction) finishes the queued writes first.

#include <chrono>
#include <condition_variable>
#include <cstddef>
#include <deque>
#include <filesystem>
#include <functional>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <thread>
#include <vector>

#include "domain/result.hpp"
#include "storage/audit_event.hpp"
#include "storage/change_notice.hpp"
#include "storage/commit_completion.hpp"
#include "storage/postgresql/pg_change_listener.hpp"
#include "storage/postgresql/pg_connection.hpp"
#include "storage/postgresql/pg_statement.hpp"

namespace exam::storage::postgresql {

struct PgBatchReport {
    std::size_t jobs = 0;
    std::chrono::steady_clock::duration transaction{};
};

struct PgDatabaseOptions {
    std::string conninfo;         // "postgresql://exam@db1:5432/exam"
    std::size_t readers = 4;      // reader connections (the writer has one more of its own)
    std::size_t max_batch = 256;  // jobs committed together at most
    std::function<void(const PgBatchReport&)> on_batch;  // after each commit, on the writer thread
};

class PgDatabase {
public:
    using Connection = PgConnection;
    using Job = std::function<void(PgConnection&)>;
    using Done = WriteDone;

    // Connects every connection and applies the migrations; throws PgError or MigrationError.
    explicit PgDatabase(PgDatabaseOptions options);
    ~PgDatabase();
    PgDatabase(const PgDatabase&) = delete;
    PgDatabase& operator=(const PgDatabase&) = delete;

    // Calls `read` with a connection inside a REPEATABLE READ, READ ONLY
    // transaction (one snapshot for the whole read) and returns what it
    // returns; blocks while every reader is lent out. A connection found
    // broken is replaced and the read tried once more; then it throws
    // domain::Error 503.
    template <class Read>
    auto read(Read&& read) {
        for (int attempt = 0;; ++attempt) {
            Lease lease(*this);
            try {
                PgTransaction transaction(lease.connection(), "BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY");
                return read(lease.connection());
            } catch (const PgError&) {
                if (lease.connection().ok()) throw;
                lease.replace();
                if (attempt > 0) throw unavailable();
            }
        }
    }

    // Queues `job`; `done` gets nothing once it has committed, a 409 for a
    // constraint violation, a job's own thrown domain::Error, or a 503 for
    // anything else (nothing of the job kept).
    void write(Job job, Done done);
    // Completes after everything queued before it has committed.
    void fence(Done done);
    void stop();

    // Inside a write job: tells the other nodes, once the job's transaction
    // commits, that `change` happened (NOTIFY; see pg_change_listener.hpp).
    // Writer thread only; a job refused takes its announcements with it.
    void announce(PgConnection& connection, const Change& change);
    // Starts hearing what other nodes announce; call once, before serving.
    void listen(ChangeHandlers handlers);
    // This node's id in what it announces: random, made at open.
    const std::string& node() const { return node_; }

    // SQLite's database keeps its audit head in a file beside it; here the
    // log is shared by every node and has none.
    std::filesystem::path audit_anchor() const { return {}; }

    static domain::Error unavailable();

private:
    class Lease {
    public:
        explicit Lease(PgDatabase& db);
        ~Lease();
        Lease(const Lease&) = delete;
        Lease& operator=(const Lease&) = delete;
        PgConnection& connection() { return *connection_; }
        void replace();  // the connection broke: a fresh one goes back to the pool

    private:
        PgDatabase& db_;
        std::unique_ptr<PgConnection> connection_;
    };
    struct Pending {
        Job job;
        Done done;
    };

    void work();
    void commit_batch(std::vector<Pending>& batch);
    void send_announcements(PgConnection& connection);
    void reconnect_writer();

    PgDatabaseOptions options_;
    std::mutex mutex_;
    std::condition_variable reader_free_, job_ready_;
    std::vector<std::unique_ptr<PgConnection>> idle_readers_;
    std::deque<Pending> jobs_;
    bool stopping_ = false;
    std::unique_ptr<PgConnection> writer_connection_;  // the writer thread's
    std::thread writer_;
    std::string node_;
    std::vector<std::string> announcements_;  // the batch's, the writer thread's
    std::unique_ptr<PgChangeListener> listener_;
};

// Appends to the audit log inside a write job, continuing the chain from its
// last entry. An advisory lock held to the end of the transaction makes
// appends one at a time across every node, so the chain stays one line in
// commit order. Does nothing for an empty action.
void append_audit(PgConnection& connection, const AuditEvent& event);

// Walks the audit chain from the first entry.
AuditChainCheck check_audit_chain(PgConnection& connection);
// The id of the first audit entry that does not follow from the one before; 0 when the chain is whole.
std::int64_t first_broken_audit_row(PgConnection& connection);

}  // namespace exam::storage::postgresql
