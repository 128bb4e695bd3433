#pragma once
// A savepoint inside a transaction: the unit of work that can fail alone. The
// write queue gives each job one, so a job that throws is undone while its
// batch-mates commit. Savepoints nest; each is released or rolled back before
// the one around it.
//
// Thread safety: none; it uses its connection from the thread that made it.

#include "storage/sqlite/connection.hpp"

namespace exam::storage::sqlite {

class Savepoint {
public:
    // Throws Error if the savepoint cannot be taken.
    explicit Savepoint(Connection& connection);
    // Rolls back to the savepoint if neither release() nor rollback() has
    // succeeded; never throws.
    ~Savepoint();
    Savepoint(const Savepoint&) = delete;
    Savepoint& operator=(const Savepoint&) = delete;

    // Keeps the work done since the savepoint (it commits with the transaction).
    void release();
    // Undoes the work done since the savepoint; throws Error if it cannot, in
    // which case the state of the transaction is unknown and it must not commit.
    void rollback();

private:
    Connection& connection_;
    bool open_ = true;
};

}  // namespace exam::storage::sqlite
