#include "storage/sqlite/savepoint.hpp"

namespace exam::storage::sqlite {

// One fixed name serves every level of nesting: ROLLBACK TO and RELEASE act on
// the innermost savepoint of that name, which is this one as long as inner
// savepoints are closed first. A fixed name also keeps names out of the SQL.
namespace {
constexpr const char* begin_sql = "SAVEPOINT exam_savepoint";
constexpr const char* release_sql = "RELEASE exam_savepoint";
constexpr const char* rollback_sql = "ROLLBACK TO exam_savepoint";
}  // namespace

Savepoint::Savepoint(Connection& connection) : connection_(connection) { connection_.prepare(begin_sql).run(); }

Savepoint::~Savepoint() {
    if (!open_ || !connection_.in_transaction()) return;
    try {
        rollback();
    } catch (...) {
        // The enclosing transaction's owner sees the failure when it commits or
        // rolls back; a destructor has nobody to tell.
    }
}

void Savepoint::release() {
    connection_.prepare(release_sql).run();
    open_ = false;
}

void Savepoint::rollback() {
    // ROLLBACK TO undoes the work but leaves the savepoint open; RELEASE closes it.
    connection_.prepare(rollback_sql).run();
    connection_.prepare(release_sql).run();
    open_ = false;
}

}  // namespace exam::storage::sqlite
