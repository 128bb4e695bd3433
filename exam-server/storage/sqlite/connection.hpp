#pragma once
// One SQLite connection, opened with the pragmas every connection of this
// server needs: WAL, synchronous=FULL (a commit that returned survives power
// loss) and foreign keys enforced. It caches its prepared statements by SQL
// text.
//
// Thread safety: none. A connection is opened with SQLITE_OPEN_NOMUTEX and is
// used by one thread at a time (it may move between threads, never be shared).
// Statements it hands out must be destroyed before it is.

#include <chrono>
#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <memory>
#include <string_view>

#include "storage/sqlite/statement.hpp"
#include "storage/sqlite/statement_cache.hpp"

struct sqlite3;

namespace exam::storage::sqlite {

enum class Access {
    read_write_create,  // the writer: creates the file, switches it to WAL
    read_only,          // readers: also query_only, and the file must already be in WAL mode
};

struct ConnectionOptions {
    // How long a statement waits for another connection's lock before failing
    // with SQLITE_BUSY.
    std::chrono::milliseconds busy_timeout{5000};
    // Distinct SQL texts whose prepared statements are kept for reuse.
    std::size_t statement_cache_capacity = 256;
    // false: SQLite never checkpoints by itself after a commit; the owner calls
    // checkpoint() on its own schedule (the write queue does).
    bool automatic_checkpoints = true;
};

// PASSIVE copies what it can; RESTART also lets the next write start the WAL
// over; TRUNCATE also empties the WAL file.
enum class CheckpointMode { passive, restart, truncate };

struct CheckpointResult {
    bool busy = false;            // a reader or writer kept a blocking mode from finishing
    int wal_frames = 0;           // frames in the WAL
    int checkpointed_frames = 0;  // of those, frames copied into the database file
};

class Connection {
public:
    // Throws Error if the file cannot be opened or a pragma does not take.
    Connection(const std::filesystem::path& file, Access access, const ConnectionOptions& options = {});
    ~Connection();
    Connection(const Connection&) = delete;
    Connection& operator=(const Connection&) = delete;

    // Fixed SQL with no parameters, possibly several statements: migrations and
    // pragmas. Anything carrying a value goes through prepare() and bind().
    void exec(std::string_view sql);

    // One statement, from the cache when this SQL was prepared before (reset
    // and unbound). Throws Error if the SQL does not compile or holds more
    // than one statement.
    Statement prepare(std::string_view sql);
    // Prepared statements waiting in the cache for reuse (not those in use).
    std::size_t cached_statements() const { return cache_.idle_statements(); }

    std::int64_t last_insert_rowid() const;
    std::int64_t changes() const;  // rows changed by the last INSERT, UPDATE or DELETE
    bool in_transaction() const;
    Access access() const { return access_; }

    // Never waits, whatever the mode: SQLite's busy handler would wait on one
    // reader's slot, which new readers can keep taken past the busy timeout
    // (see read_tracker.hpp); a mode that cannot finish at once reports busy.
    // Throws Error on failure.
    CheckpointResult checkpoint(CheckpointMode mode);
    // Frames in the WAL after this connection's last commit; maintained only
    // when automatic_checkpoints is false (0 otherwise).
    int wal_frames() const { return wal_frames_; }

private:
    struct Close {
        void operator()(sqlite3* db) const noexcept;
    };

    void apply_pragmas(const ConnectionOptions& options);
    std::string query_text(std::string_view sql);

    // Declared before the cache so that it is destroyed after it: statements
    // are finalized before the connection closes.
    std::unique_ptr<sqlite3, Close> db_;
    StatementCache cache_;
    Access access_;
    int busy_timeout_ms_ = 0;
    int wal_frames_ = 0;
};

}  // namespace exam::storage::sqlite
