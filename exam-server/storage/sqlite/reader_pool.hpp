#pragma once
// A fixed set of read-only connections (query_only, automatic checkpoints
// off), lent one per caller for one short read transaction. Reads never wait
// for the writer in WAL mode; they wait here only for a free connection.
//
// Each read is a DEFERRED transaction that ends when the callback returns, so
// no reader holds a snapshot (and with it the WAL) open between reads.
//
// Made from the database's WriteQueue, which has put the file in WAL mode and
// waits out the pool's reads in progress when it restarts the WAL (see
// read_tracker.hpp).
//
// Thread safety: with_reader() and stats() may be called from any thread.
// Destroy the pool once no with_reader() call is running; it may outlive the
// queue.

#include <condition_variable>
#include <cstddef>
#include <functional>
#include <memory>
#include <mutex>
#include <type_traits>
#include <vector>

#include "storage/sqlite/connection.hpp"
#include "storage/sqlite/read_tracker.hpp"
#include "storage/sqlite/transaction.hpp"

namespace exam::storage::sqlite {

class WriteQueue;

struct ReaderPoolOptions {
    std::size_t readers = 4;
    // For every reader; automatic_checkpoints is ignored (always off).
    ConnectionOptions connection;
};

class ReaderPool {
public:
    // Opens every connection now, on the writer's file; throws Error if one
    // cannot be opened.
    explicit ReaderPool(const WriteQueue& writer, ReaderPoolOptions options = {});
    ReaderPool(const ReaderPool&) = delete;
    ReaderPool& operator=(const ReaderPool&) = delete;

    // Calls `read` with a free connection inside a read transaction and
    // returns what it returns, blocking while every connection is lent out.
    // Whatever `read` throws propagates. It must not call with_reader() on the
    // same pool, which would deadlock once the pool runs dry.
    template <class ReadFn>
    std::invoke_result_t<ReadFn&, Connection&> with_reader(ReadFn&& read);

    struct Stats {
        std::size_t readers = 0;
        std::size_t in_use = 0;
        std::size_t waiting = 0;  // callers blocked for want of a connection
    };
    Stats stats() const;

private:
    // Lends one connection for its lifetime.
    class Lease {
    public:
        explicit Lease(ReaderPool& pool) : pool_(pool), connection_(pool.acquire()) {}
        ~Lease() { pool_.give_back(connection_); }
        Lease(const Lease&) = delete;
        Lease& operator=(const Lease&) = delete;
        Connection& connection() { return connection_; }

    private:
        ReaderPool& pool_;
        Connection& connection_;
    };

    Connection& acquire();
    void give_back(Connection& connection) noexcept;

    std::shared_ptr<ReadTracker> reads_;
    std::vector<std::unique_ptr<Connection>> connections_;
    mutable std::mutex mutex_;
    std::condition_variable returned_;
    std::vector<Connection*> free_;
    std::size_t waiting_ = 0;
};

template <class ReadFn>
std::invoke_result_t<ReadFn&, Connection&> ReaderPool::with_reader(ReadFn&& read) {
    using Result = std::invoke_result_t<ReadFn&, Connection&>;
    static_assert(!std::is_same_v<std::remove_cvref_t<Result>, Statement>,
                  "a statement must not leave with_reader: it would outlive its read transaction");
    Lease lease(*this);
    // Registered before the transaction begins and ended after it ends, so
    // the writer's grace period covers the whole snapshot.
    const ReadTracker::Read tracked = reads_->begin_read();
    Transaction transaction(lease.connection(), TransactionKind::deferred);
    if constexpr (std::is_void_v<Result>) {
        std::invoke(read, lease.connection());
        transaction.commit();
    } else {
        Result result = std::invoke(read, lease.connection());
        transaction.commit();
        return result;
    }
}

}  // namespace exam::storage::sqlite
