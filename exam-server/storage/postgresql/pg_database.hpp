#pragma once
// The PostgreSQL database of a node: a fixed pool of connections (sized in the
// configuration, never one per request), migrated at open; reads borrow a
// connection on the caller's thread inside a read-only transaction; writes
// run on the pool's worker threads, each job in its own transaction, and are
// acknowledged only once their COMMIT has returned (synchronous_commit on,
// so on disk). PostgreSQL groups concurrent commits' WAL flushes itself, as
// the SQLite writer's batches do by hand.
//
// A serialization failure or deadlock is retried; a broken connection is
// reopened for the next job and the write answered 503, so the client retries.
//
// Thread safety: read() and write() may be called from any thread. stop()
// (or destruction) finishes the queued writes first.

#include <condition_variable>
#include <cstddef>
#include <deque>
#include <functional>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <thread>
#include <vector>

#include "domain/result.hpp"
#include "storage/audit_event.hpp"
#include "storage/postgresql/pg_connection.hpp"

namespace exam::storage::postgresql {

struct PgDatabaseOptions {
    std::string conninfo;         // "postgresql://exam@db1:5432/exam"
    std::size_t connections = 4;  // readers and writers together
    std::size_t writers = 2;      // worker threads (each holds a connection while it writes)
};

class PgDatabase {
public:
    using Job = std::function<void(PgConnection&)>;
    using Done = std::function<void(std::optional<domain::Error>)>;

    // Connects every connection and applies the migrations; throws PgError or MigrationError.
    explicit PgDatabase(PgDatabaseOptions options);
    ~PgDatabase();
    PgDatabase(const PgDatabase&) = delete;
    PgDatabase& operator=(const PgDatabase&) = delete;

    // Calls `read` with a connection inside a REPEATABLE READ, READ ONLY
    // transaction (one snapshot for the whole read) and returns what it
    // returns; blocks while every connection is lent out.
    template <class Read>
    auto read(Read&& read) {
        Lease lease(*this);
        PgTransaction transaction(lease.connection(), "BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY");
        return read(lease.connection());
    }

    // Runs `job` in a transaction on a worker; `done` gets nothing once it has
    // committed, a 409 for a constraint violation, a job's own thrown
    // domain::Error, or a 503 for anything else (nothing of the job kept).
    void write(Job job, Done done);
    void stop();

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

    void work();
    std::optional<domain::Error> run_job(const Job& job);

    PgDatabaseOptions options_;
    std::mutex mutex_;
    std::condition_variable connection_free_, job_ready_;
    std::vector<std::unique_ptr<PgConnection>> idle_;
    std::deque<std::pair<Job, Done>> jobs_;
    bool stopping_ = false;
    std::vector<std::thread> workers_;
};

// Appends to the audit log inside a write job, continuing the chain from its
// last entry. An advisory lock held to the end of the transaction makes
// appends one at a time across every node, so the chain stays one line in
// commit order. Does nothing for an empty action.
void append_audit(PgConnection& connection, const AuditEvent& event);

// The id of the first audit entry that does not follow from the one before; 0 when the chain is whole.
std::int64_t first_broken_audit_row(PgConnection& connection);

}  // namespace exam::storage::postgresql
