#include "storage/sqlite/reader_pool.hpp"

#include <stdexcept>

#include "storage/sqlite/write_queue.hpp"

namespace exam::storage::sqlite {

ReaderPool::ReaderPool(const WriteQueue& writer, ReaderPoolOptions options) : reads_(writer.reads()) {
    if (options.readers == 0) throw std::invalid_argument("ReaderPoolOptions::readers must be at least 1");
    options.connection.automatic_checkpoints = false;
    connections_.reserve(options.readers);
    free_.reserve(options.readers);
    for (std::size_t i = 0; i < options.readers; ++i) {
        connections_.push_back(std::make_unique<Connection>(writer.file(), Access::read_only, options.connection));
        free_.push_back(connections_.back().get());
    }
}

Connection& ReaderPool::acquire() {
    std::unique_lock lock(mutex_);
    ++waiting_;
    returned_.wait(lock, [this] { return !free_.empty(); });
    --waiting_;
    Connection* connection = free_.back();
    free_.pop_back();
    return *connection;
}

void ReaderPool::give_back(Connection& connection) noexcept {
    {
        std::lock_guard lock(mutex_);
        free_.push_back(&connection);  // cannot allocate: capacity was reserved for every connection
    }
    returned_.notify_one();
}

ReaderPool::Stats ReaderPool::stats() const {
    std::lock_guard lock(mutex_);
    return Stats{connections_.size(), connections_.size() - free_.size(), waiting_};
}

}  // namespace exam::storage::sqlite
