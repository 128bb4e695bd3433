#include "dashboard_stats.hpp"

#include <algorithm>
#include <cstdio>

namespace exam_load {

void DashboardStats::snapshot(std::uint64_t micros) {
    std::lock_guard lock(mutex_);
    to_snapshot_.record(micros);
}

void DashboardStats::event(std::int64_t micros) {
    std::lock_guard lock(mutex_);
    ++events_;
    // Server and generator read the same clock; a negative gap is rounding (server_time_ms is whole milliseconds).
    delivery_.record(static_cast<std::uint64_t>(std::max<std::int64_t>(0, micros)));
}

void DashboardStats::failed() {
    std::lock_guard lock(mutex_);
    ++failures_;
}

void DashboardStats::print(std::ostream& out, double seconds) const {
    std::lock_guard lock(mutex_);
    char line[400];
    std::snprintf(line, sizeof line,
                  "Dashboards: %llu snapshots (connect to snapshot p50 %.1f ms, max %.1f ms), %llu events (%.0f/s), "
                  "%llu failures\n  event delivery (server change to dashboard): p50 %.1f ms, p90 %.1f ms, p99 %.1f ms, "
                  "max %.1f ms\n",
                  static_cast<unsigned long long>(to_snapshot_.count()), static_cast<double>(to_snapshot_.percentile(0.5)) / 1000.0,
                  static_cast<double>(to_snapshot_.max()) / 1000.0, static_cast<unsigned long long>(events_),
                  static_cast<double>(events_) / seconds, static_cast<unsigned long long>(failures_),
                  static_cast<double>(delivery_.percentile(0.5)) / 1000.0, static_cast<double>(delivery_.percentile(0.9)) / 1000.0,
                  static_cast<double>(delivery_.percentile(0.99)) / 1000.0, static_cast<double>(delivery_.max()) / 1000.0);
    out << line;
}

}  // namespace exam_load
