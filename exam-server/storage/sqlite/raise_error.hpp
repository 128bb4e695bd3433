#pragma once
// Internal to the SQLite layer: turns a failed SQLite call into an Error built
// from the connection's own description of what went wrong.
//
// Thread safety: call on the thread using `db`, right after the failing call,
// before anything else touches the connection and replaces its last error.

#include <string_view>

struct sqlite3;

namespace exam::storage::sqlite {

// `rc` is what the failing call returned; `sql` names the statement, if any.
[[noreturn]] void raise_error(sqlite3* db, int rc, std::string_view sql = {});

// Does nothing when `rc` is SQLITE_OK; otherwise raise_error.
void check(sqlite3* db, int rc, std::string_view sql = {});

}  // namespace exam::storage::sqlite
