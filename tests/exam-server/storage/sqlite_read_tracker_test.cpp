#include "storage/sqlite/read_tracker.hpp"

#include <gtest/gtest.h>

#include <future>
#include <optional>

namespace {

using namespace exam::storage::sqlite;
using namespace std::chrono_literals;

TEST(SqliteReadTracker, WithNoReadsThereIsNothingToWaitFor) {
    ReadTracker tracker;
    EXPECT_TRUE(tracker.wait_for_earlier_reads(0ms));
}

TEST(SqliteReadTracker, AReadInProgressHoldsTheWaitUntilItEnds) {
    ReadTracker tracker;
    std::optional<ReadTracker::Read> read;
    read.emplace(tracker.begin_read());
    EXPECT_FALSE(tracker.wait_for_earlier_reads(0ms));
    read.reset();
    EXPECT_TRUE(tracker.wait_for_earlier_reads(0ms));
}

TEST(SqliteReadTracker, AWaiterWakesWhenTheEarlierReadsEnd) {
    ReadTracker tracker;
    std::optional<ReadTracker::Read> first;
    std::optional<ReadTracker::Read> second;
    first.emplace(tracker.begin_read());
    second.emplace(tracker.begin_read());
    // The timeout only keeps a broken tracker from hanging the test.
    auto waited = std::async(std::launch::async, [&] { return tracker.wait_for_earlier_reads(60s); });
    first.reset();
    second.reset();
    EXPECT_TRUE(waited.get());
}

}  // namespace
