#include "storage/sqlite/raise_error.hpp"

#include <sqlite3.h>

#include <string>

#include "storage/sqlite/error.hpp"

namespace exam::storage::sqlite {

void raise_error(sqlite3* db, int rc, std::string_view sql) {
    // The connection's extended code is more precise than `rc` (UNIQUE rather than
    // just CONSTRAINT), but only when it describes this failure: some calls
    // (a failed open, an out-of-memory) leave it unset.
    int extended = db != nullptr ? sqlite3_extended_errcode(db) : rc;
    if ((extended & 0xff) != (rc & 0xff)) extended = rc;
    const char* message = db != nullptr && extended == sqlite3_extended_errcode(db) ? sqlite3_errmsg(db)
                                                                                     : sqlite3_errstr(rc);
    throw Error(extended, message, std::string(sql));
}

void check(sqlite3* db, int rc, std::string_view sql) {
    if (rc != SQLITE_OK) raise_error(db, rc, sql);
}

}  // namespace exam::storage::sqlite
