#include "storage/sqlite/read_tracker.hpp"

namespace exam::storage::sqlite {

ReadTracker::Read ReadTracker::begin_read() {
    std::lock_guard lock(mutex_);
    ++reads_by_epoch_[epoch_];
    return Read(*this, epoch_);
}

void ReadTracker::end_read(std::uint64_t epoch) noexcept {
    {
        std::lock_guard lock(mutex_);
        const auto found = reads_by_epoch_.find(epoch);
        if (--found->second != 0) return;
        reads_by_epoch_.erase(found);
    }
    read_ended_.notify_all();
}

bool ReadTracker::wait_for_earlier_reads(std::chrono::milliseconds timeout) {
    std::unique_lock lock(mutex_);
    const std::uint64_t before = epoch_++;
    return read_ended_.wait_for(lock, timeout,
                                [&] { return reads_by_epoch_.empty() || reads_by_epoch_.begin()->first > before; });
}

}  // namespace exam::storage::sqlite
