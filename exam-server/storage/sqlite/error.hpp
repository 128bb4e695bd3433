#pragma once
// The one exception the SQLite layer throws for a failure SQLite reports. It
// carries SQLite's result codes so callers can tell a constraint violation (a
// conflict to report to the user) from a busy database or a broken disk.
//
// Thread safety: an immutable value; safe to copy and read from any thread.

#include <stdexcept>
#include <string>

namespace exam::storage::sqlite {

class Error : public std::runtime_error {
public:
    // `sql` is the statement being prepared or run, or empty; it never holds
    // values, since every value is bound as a parameter.
    Error(int extended_code, std::string message, std::string sql = {});

    int code() const noexcept { return extended_code_ & 0xff; }  // primary code, e.g. SQLITE_CONSTRAINT
    int extended_code() const noexcept { return extended_code_; }  // e.g. SQLITE_CONSTRAINT_UNIQUE
    const std::string& message() const noexcept { return message_; }  // SQLite's own words
    const std::string& sql() const noexcept { return sql_; }

    // The questions the layers above ask, so they need not include sqlite3.h.
    bool is_constraint_violation() const noexcept;  // UNIQUE, FOREIGN KEY, CHECK, NOT NULL...
    bool is_busy() const noexcept;                  // another connection held a lock past the busy timeout

private:
    int extended_code_;
    std::string message_;
    std::string sql_;
};

}  // namespace exam::storage::sqlite
