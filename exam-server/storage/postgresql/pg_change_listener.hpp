#pragma once
// Tells a node what other nodes changed (issue 12, several nodes): a thread
// with a connection of its own LISTENs on the channel PgDatabase::announce()
// notifies, and hands each change made elsewhere to a callback. PostgreSQL
// delivers a notification when the transaction that sent it commits, so a
// change is heard of only once it is durable.
//
// A notification sent while the listener was not connected is lost: after
// every (re)connection, `resync` is called, for the node to re-read what it
// caches. The node's own changes are skipped (each carries its node's id).
//
// Thread safety: the callbacks run on the listener's thread, one at a time.

#include <condition_variable>
#include <functional>
#include <mutex>
#include <string>
#include <thread>

#include "storage/change_notice.hpp"

namespace exam::storage::postgresql {

// The channel every node announces on and listens to.
inline constexpr const char* change_channel = "exam_changes";

class PgChangeListener {
public:
    PgChangeListener(std::string conninfo, std::string node, ChangeHandlers handlers);
    ~PgChangeListener();
    PgChangeListener(const PgChangeListener&) = delete;
    PgChangeListener& operator=(const PgChangeListener&) = delete;

    void stop();

private:
    void run();
    // Listens until the connection fails or stop(); false when stopping.
    bool listen_once();
    bool wait_before_retry();

    std::string conninfo_, node_;
    ChangeHandlers handlers_;
    std::mutex mutex_;
    std::condition_variable wake_;
    bool stopping_ = false;
    std::thread thread_;
};

// "node topic key": what PgDatabase::announce() sends for `change`.
std::string change_payload(const std::string& node, const Change& change);

}  // namespace exam::storage::postgresql
