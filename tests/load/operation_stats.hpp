#pragma once
// What the generator measured for one kind of request (log-in, save, ...):
// latencies, errors by HTTP status or network failure, and throughput both in
// the steady window (after the ramp, before the stop) and over the span in
// which the operation happened at all (first reply to last). Thread-safe.

#include <array>
#include <chrono>
#include <cstdint>
#include <map>
#include <mutex>
#include <optional>
#include <ostream>
#include <string>

#include "latency_histogram.hpp"

namespace exam_load {

using Clock = std::chrono::steady_clock;

// The part of the run in which every candidate is in and saving.
struct SteadyWindow {
    Clock::time_point run_began;  // the first arrival: times in the report count from here
    Clock::time_point begins;
    Clock::time_point ends;
    double seconds() const { return std::chrono::duration<double>(ends - begins).count(); }
};

class OperationStats {
public:
    OperationStats(std::string name, int expected_status, SteadyWindow window)
        : name_(std::move(name)), expected_status_(expected_status), window_(window) {}

    // A reply came: its latency counts whatever the status; an unexpected status is an error.
    void replied(int status, Clock::duration latency, Clock::time_point at);
    // No reply: the connection failed or timed out (counted as an error, not in the rates).
    void network_failure(const std::string& what);

    std::uint64_t replies() const;
    std::uint64_t errors() const;

    // One row of the report table, a line of its errors and one of its slowest
    // replies with when they came, to tell a stall from the ramp (both empty when none).
    void print_row(std::ostream& out) const;
    std::string error_summary() const;
    std::string slowest_summary() const;
    static void print_header(std::ostream& out);

private:
    void note_completion(Clock::time_point at);

    const std::string name_;
    const int expected_status_;
    const SteadyWindow window_;

    mutable std::mutex mutex_;
    LatencyHistogram latency_;
    std::map<std::string, std::uint64_t> errors_;  // "HTTP 503", "network: Connection reset by peer"
    std::uint64_t error_total_ = 0;
    std::uint64_t in_window_ = 0;
    std::optional<Clock::time_point> first_, last_;
    struct Slow {
        Clock::duration latency{};
        Clock::time_point at{};
    };
    std::array<Slow, 5> slowest_{};  // the slowest first
};

}  // namespace exam_load
