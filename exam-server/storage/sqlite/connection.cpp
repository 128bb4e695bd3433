#include "storage/sqlite/connection.hpp"

#include <sqlite3.h>

#include <algorithm>
#include <climits>
#include <string>

#include "storage/sqlite/error.hpp"
#include "storage/sqlite/raise_error.hpp"

namespace exam::storage::sqlite {

namespace {

int to_sqlite(CheckpointMode mode) {
    switch (mode) {
        case CheckpointMode::passive: return SQLITE_CHECKPOINT_PASSIVE;
        case CheckpointMode::restart: return SQLITE_CHECKPOINT_RESTART;
        case CheckpointMode::truncate: return SQLITE_CHECKPOINT_TRUNCATE;
    }
    return SQLITE_CHECKPOINT_PASSIVE;
}

// Installed instead of SQLite's automatic checkpointer (a connection has one
// WAL hook, so installing this one turns automatic checkpoints off).
int record_wal_frames(void* frames, sqlite3*, const char*, int frames_in_wal) {
    *static_cast<int*>(frames) = frames_in_wal;
    return SQLITE_OK;
}

}  // namespace

void Connection::Close::operator()(sqlite3* db) const noexcept { sqlite3_close_v2(db); }

Connection::Connection(const std::filesystem::path& file, Access access, const ConnectionOptions& options)
    : cache_(options.statement_cache_capacity), access_(access) {
    const int flags = SQLITE_OPEN_NOMUTEX | (access == Access::read_only ? SQLITE_OPEN_READONLY
                                                                          : SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE);
    sqlite3* db = nullptr;
    const int rc = sqlite3_open_v2(file.c_str(), &db, flags, nullptr);
    db_.reset(db);  // even a failed open returns a handle that must be closed
    if (rc != SQLITE_OK) {
        throw Error(rc, "cannot open " + file.string() + ": " + (db != nullptr ? sqlite3_errmsg(db) : sqlite3_errstr(rc)));
    }
    sqlite3_extended_result_codes(db, 1);
    apply_pragmas(options);
}

Connection::~Connection() = default;

void Connection::apply_pragmas(const ConnectionOptions& options) {
    sqlite3* db = db_.get();
    busy_timeout_ms_ =
        static_cast<int>(std::clamp<std::chrono::milliseconds::rep>(options.busy_timeout.count(), 0, INT_MAX));
    check(db, sqlite3_busy_timeout(db, busy_timeout_ms_));

    // The journal mode is a property of the file, set once by the writer; a
    // reader finding another mode would take locks that block the writer.
    if (access_ == Access::read_write_create) {
        if (const auto mode = query_text("PRAGMA journal_mode=WAL"); mode != "wal") {
            throw Error(SQLITE_ERROR, "the database cannot use WAL (journal_mode is " + mode + ")");
        }
    } else if (const auto mode = query_text("PRAGMA journal_mode"); mode != "wal") {
        throw Error(SQLITE_ERROR, "the database is not in WAL mode (journal_mode is " + mode +
                                      "): open the writer before the readers");
    }
    exec("PRAGMA synchronous=FULL; PRAGMA foreign_keys=ON");
    if (access_ == Access::read_only) exec("PRAGMA query_only=ON");
    if (!options.automatic_checkpoints) sqlite3_wal_hook(db, record_wal_frames, &wal_frames_);
}

std::string Connection::query_text(std::string_view sql) {
    Statement statement = prepare(sql);
    if (statement.step() != Step::row) throw Error(SQLITE_ERROR, "no result", std::string(sql));
    return statement.column_text(0);
}

void Connection::exec(std::string_view sql) {
    const std::string text(sql);
    const int rc = sqlite3_exec(db_.get(), text.c_str(), nullptr, nullptr, nullptr);
    check(db_.get(), rc, sql);
}

Statement Connection::prepare(std::string_view sql) {
    StatementCache::IdleList* home = cache_.slot(sql);
    if (home != nullptr && !home->empty()) {
        sqlite3_stmt* cached = home->back();
        home->pop_back();
        return Statement(cached, home);
    }
    if (sql.size() > static_cast<std::size_t>(INT_MAX)) throw Error(SQLITE_TOOBIG, "SQL text too long");
    sqlite3* db = db_.get();
    const char* end = sql.data() + sql.size();
    const char* tail = nullptr;
    sqlite3_stmt* handle = nullptr;
    check(db,
          sqlite3_prepare_v3(db, sql.data(), static_cast<int>(sql.size()), home != nullptr ? SQLITE_PREPARE_PERSISTENT : 0,
                             &handle, &tail),
          sql);
    // Not cached until it is known to be a single statement, so a rejected
    // text cannot come back from the cache later.
    Statement statement(handle, nullptr);
    if (handle == nullptr) throw Error(SQLITE_MISUSE, "the SQL holds no statement", std::string(sql));
    if (tail != nullptr && tail != end) {
        sqlite3_stmt* next = nullptr;
        check(db, sqlite3_prepare_v2(db, tail, static_cast<int>(end - tail), &next, nullptr), sql);
        if (next != nullptr) {
            sqlite3_finalize(next);
            throw Error(SQLITE_MISUSE, "the SQL holds more than one statement (exec() runs scripts)", std::string(sql));
        }
    }
    statement.home_ = home;
    return statement;
}

std::int64_t Connection::last_insert_rowid() const { return sqlite3_last_insert_rowid(db_.get()); }

std::int64_t Connection::changes() const { return sqlite3_changes64(db_.get()); }

bool Connection::in_transaction() const { return sqlite3_get_autocommit(db_.get()) == 0; }

CheckpointResult Connection::checkpoint(CheckpointMode mode) {
    CheckpointResult result;
    sqlite3* db = db_.get();
    sqlite3_busy_timeout(db, 0);
    const int rc =
        sqlite3_wal_checkpoint_v2(db, nullptr, to_sqlite(mode), &result.wal_frames, &result.checkpointed_frames);
    sqlite3_busy_timeout(db, busy_timeout_ms_);
    if (rc == SQLITE_BUSY) {
        result.busy = true;
        return result;
    }
    check(db, rc, "wal_checkpoint");
    return result;
}

}  // namespace exam::storage::sqlite
