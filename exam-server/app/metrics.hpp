#pragma once
// The server's Prometheus metrics: requests and latencies per route, open
// connections, attempts in progress, autosave commit batch sizes.

#include <memory>
#include <string>

namespace prometheus {
class Registry;
}

namespace exam::app {

// Thread-safe: prometheus-cpp metrics are atomic.
class Metrics {
public:
    Metrics();
    ~Metrics();

    void observe_request(const std::string& route, const std::string& method, int status, double seconds);
    void set_open_connections(double n);
    void set_attempts_in_progress(double n);
    void observe_commit_batch(double jobs, double seconds);

    // The Prometheus text exposition format (version 0.0.4).
    std::string render() const;

private:
    struct Impl;
    std::unique_ptr<Impl> impl_;
};

}  // namespace exam::app
