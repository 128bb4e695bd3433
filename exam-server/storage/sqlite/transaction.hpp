#pragma once
// A transaction that rolls back unless committed. Writes begin IMMEDIATE: the
// write lock is taken at BEGIN, so a busy database is met (and waited for)
// there, never half-way through, where a deferred transaction could not
// upgrade and would have to be abandoned. Reads begin DEFERRED: one consistent
// snapshot for all the statements of the read, and no lock beyond it.
//
// Thread safety: none; it uses its connection from the thread that made it.

#include "storage/sqlite/connection.hpp"

namespace exam::storage::sqlite {

enum class TransactionKind { deferred, immediate };

class Transaction {
public:
    // Throws Error if BEGIN fails (SQLITE_BUSY after the busy timeout, for one).
    Transaction(Connection& connection, TransactionKind kind);
    // Rolls back if commit() has not succeeded; never throws.
    ~Transaction();
    Transaction(const Transaction&) = delete;
    Transaction& operator=(const Transaction&) = delete;

    // Throws Error if COMMIT fails, in which case the destructor rolls back.
    void commit();

private:
    Connection& connection_;
    bool open_ = true;
};

}  // namespace exam::storage::sqlite
