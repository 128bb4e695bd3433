#pragma once
// Counts open connections in all and per address (to refuse past the limits),
// and keeps a way to reach every live session for a graceful shutdown.

#include <cstddef>
#include <functional>
#include <map>
#include <memory>
#include <mutex>
#include <string>

namespace exam::net {

class ConnectionRegistry {
public:
    ConnectionRegistry(std::size_t max_total, std::size_t max_per_address)
        : max_total_(max_total), max_per_address_(max_per_address) {}

    // Reserves a slot; false when a limit is reached. Thread-safe.
    bool try_open(const std::string& address);
    void close(const std::string& address);
    std::size_t open_count() const;

    // Sessions register a callback that asks them to finish after the request
    // in flight (or at once when idle). Returns an id for unregistering.
    std::uint64_t add_drain_callback(std::function<void()> drain);
    void remove_drain_callback(std::uint64_t id);
    // Calls every registered callback; new sessions after this are refused.
    void drain_all();
    bool draining() const;

    // Requests between read and the end of the write of their response.
    void request_started();
    void request_finished();
    std::size_t requests_in_flight() const;

private:
    mutable std::mutex mutex_;
    std::size_t max_total_, max_per_address_;
    std::size_t total_ = 0;
    std::size_t in_flight_ = 0;
    bool draining_ = false;
    std::map<std::string, std::size_t> per_address_;
    std::map<std::uint64_t, std::function<void()>> drains_;
    std::uint64_t next_id_ = 1;
};

}  // namespace exam::net
