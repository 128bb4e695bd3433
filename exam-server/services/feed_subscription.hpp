#pragma once
// One subscriber's queue of messages waiting to be sent (a dashboard or a
// candidate's screen). A slow reader must never slow the server or anyone
// else: a message that supersedes one still waiting (the same candidate's
// newer state) replaces it in place, so the queue holds at most one message
// per candidate; past a byte limit the subscriber is cut off instead.

#include <cstddef>
#include <deque>
#include <functional>
#include <mutex>
#include <optional>
#include <string>
#include <unordered_map>

namespace exam::services {

class FeedSubscription {
public:
    // `wake` is called (from any thread, without the queue's lock) when a
    // message arrives in an empty queue, and when the subscriber is cut off.
    FeedSubscription(std::size_t max_pending_bytes, std::function<void()> wake)
        : max_bytes_(max_pending_bytes), wake_(std::move(wake)) {}

    // Queues `text` under `key`; an empty key is never coalesced.
    void offer(const std::string& key, std::string text);
    // Puts `text` before everything waiting: the snapshot a subscriber starts
    // with, sent once and not counted against the limit (a large room's
    // snapshot is bigger than a dashboard should ever fall behind by).
    void offer_first(std::string text);
    // The next message to send, oldest first; none when the queue is empty.
    std::optional<std::string> next();
    // True once the queue outgrew its limit: the connection should close.
    bool overflowed() const;
    std::size_t pending_bytes() const;

private:
    mutable std::mutex mutex_;
    std::size_t max_bytes_;
    std::function<void()> wake_;
    std::deque<std::string> order_;  // keys in arrival order
    std::unordered_map<std::string, std::string> latest_;
    std::size_t bytes_ = 0;
    std::uint64_t unkeyed_ = 0;
    std::string uncounted_key_;  // the snapshot's, while it waits
    bool overflowed_ = false;
};

}  // namespace exam::services
