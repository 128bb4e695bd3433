#pragma once
// What the simulated dashboards measure: how long each live-feed event took
// from the server's change (its server_time_ms) to a dashboard's receipt, on
// the same machine's clock, and how many snapshots and events arrived.

#include <cstdint>
#include <mutex>
#include <ostream>

#include "latency_histogram.hpp"

namespace exam_load {

class DashboardStats {
public:
    void snapshot(std::uint64_t micros_to_snapshot);
    void event(std::int64_t delivery_micros);
    void failed();
    void print(std::ostream& out, double steady_seconds) const;

private:
    mutable std::mutex mutex_;
    LatencyHistogram delivery_;
    LatencyHistogram to_snapshot_;
    std::uint64_t events_ = 0;
    std::uint64_t failures_ = 0;
};

}  // namespace exam_load
