#include "storage/sqlite/transaction.hpp"

namespace exam::storage::sqlite {

Transaction::Transaction(Connection& connection, TransactionKind kind) : connection_(connection) {
    connection_.prepare(kind == TransactionKind::immediate ? "BEGIN IMMEDIATE" : "BEGIN DEFERRED").run();
}

Transaction::~Transaction() {
    // SQLite itself rolls back on some errors (a full disk, an I/O error);
    // then there is nothing left to roll back.
    if (!open_ || !connection_.in_transaction()) return;
    try {
        connection_.prepare("ROLLBACK").run();
    } catch (...) {
        // Nothing more can be done here; SQLite rolls back whatever is left
        // when the connection closes.
    }
}

void Transaction::commit() {
    connection_.prepare("COMMIT").run();
    open_ = false;
}

}  // namespace exam::storage::sqlite
