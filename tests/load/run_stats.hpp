#pragma once
// Everything one run measures, shared by all simulated candidates and
// /healthz clients.

#include <atomic>
#include <cstdint>
#include <ostream>

#include "operation_stats.hpp"

namespace exam_load {

struct RunStats {
    explicit RunStats(SteadyWindow w)
        : window(w),
          connect("connect (TCP + TLS)", 0, w),
          login("candidate log-in", 200, w),
          start("start", 200, w),
          items("fetch items", 200, w),
          save("save response", 200, w),
          heartbeat("heartbeat", 200, w),
          submit("submit", 200, w),
          healthz("GET /healthz", 200, w) {}

    const SteadyWindow window;
    OperationStats connect, login, start, items, save, heartbeat, submit, healthz;

    std::atomic<std::uint64_t> candidates_submitted{0};
    std::atomic<std::uint64_t> candidates_lost{0};  // stopped before submitting: see the errors

    std::uint64_t total_errors() const;
    void print(std::ostream& out, bool with_healthz) const;
};

}  // namespace exam_load
