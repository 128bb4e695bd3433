#pragma once
// The reads in progress, grouped by when they began, so the writer can wait
// for every read that began before a given moment to end (a grace period)
// without holding up reads that begin later.
//
// Why the writer needs this: under continuous reads SQLite's own means fail to
// bound the WAL. A checkpoint cannot copy frames newer than the snapshot of a
// reader that began before the last commit, and the WAL cannot start over
// while any reader that began before the last full copy still holds a WAL read
// slot. SQLite's busy handler waits on one particular slot, which back-to-back
// readers can keep taken for the whole busy timeout, while the writer holds
// its lock. Both obstacles are reads in progress at a known moment, which end
// soon because every read is short: waiting for exactly those clears them.
//
// The WriteQueue owns the tracker of its file; each ReaderPool made from the
// queue records its reads in it. Connections outside a ReaderPool are not
// tracked, and the writer's checkpoints do not wait for them.
//
// Thread safety: every member may be called from any thread.

#include <chrono>
#include <condition_variable>
#include <cstddef>
#include <cstdint>
#include <map>
#include <mutex>
#include <utility>

namespace exam::storage::sqlite {

class ReadTracker {
public:
    // A read in progress, from its creation (before its transaction begins)
    // to its destruction (after the transaction has ended).
    class Read {
    public:
        Read(Read&& other) noexcept : tracker_(std::exchange(other.tracker_, nullptr)), epoch_(other.epoch_) {}
        Read& operator=(Read&&) = delete;
        ~Read() {
            if (tracker_ != nullptr) tracker_->end_read(epoch_);
        }

    private:
        friend class ReadTracker;
        Read(ReadTracker& tracker, std::uint64_t epoch) : tracker_(&tracker), epoch_(epoch) {}
        ReadTracker* tracker_;
        std::uint64_t epoch_;
    };

    [[nodiscard]] Read begin_read();

    // Returns true once every read begun before this call has ended, or false
    // if some are still going after `timeout`.
    bool wait_for_earlier_reads(std::chrono::milliseconds timeout);

private:
    void end_read(std::uint64_t epoch) noexcept;

    std::mutex mutex_;
    std::condition_variable read_ended_;
    // Moves on at each wait, so reads begun since are told apart from earlier ones.
    std::uint64_t epoch_ = 0;
    std::map<std::uint64_t, std::size_t> reads_by_epoch_;
};

}  // namespace exam::storage::sqlite
