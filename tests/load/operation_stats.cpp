#include "operation_stats.hpp"

#include <algorithm>
#include <cstdio>

namespace exam_load {

void OperationStats::note_completion(Clock::time_point at) {
    if (at >= window_.begins && at < window_.ends) ++in_window_;
    if (!first_ || at < *first_) first_ = at;
    if (!last_ || at > *last_) last_ = at;
}

void OperationStats::replied(int status, Clock::duration latency, Clock::time_point at) {
    const auto micros = std::chrono::duration_cast<std::chrono::microseconds>(latency).count();
    std::lock_guard lock(mutex_);
    latency_.record(static_cast<std::uint64_t>(micros < 0 ? 0 : micros));
    if (latency > slowest_.back().latency) {
        slowest_.back() = {latency, at};
        std::sort(slowest_.begin(), slowest_.end(), [](const Slow& a, const Slow& b) { return a.latency > b.latency; });
    }
    if (status != expected_status_) {
        ++errors_["HTTP " + std::to_string(status)];
        ++error_total_;
    }
    note_completion(at);
}

void OperationStats::network_failure(const std::string& what) {
    std::lock_guard lock(mutex_);
    ++errors_["network: " + what];
    ++error_total_;
}

std::uint64_t OperationStats::replies() const {
    std::lock_guard lock(mutex_);
    return latency_.count();
}

std::uint64_t OperationStats::errors() const {
    std::lock_guard lock(mutex_);
    return error_total_;
}

void OperationStats::print_header(std::ostream& out) {
    out << "| operation | replies | errors | per s, steady window | per s, over its span | p50 ms | p95 ms | p99 ms | max ms |\n"
        << "| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |\n";
}

void OperationStats::print_row(std::ostream& out) const {
    std::lock_guard lock(mutex_);
    const auto ms = [](std::uint64_t micros) {
        char text[32];
        std::snprintf(text, sizeof text, "%.1f", static_cast<double>(micros) / 1000.0);
        return std::string(text);
    };
    const auto rate = [](double n, double seconds) {
        if (seconds <= 0) return std::string("-");
        char text[32];
        std::snprintf(text, sizeof text, "%.0f", n / seconds);
        return std::string(text);
    };
    const double span = first_ && last_ ? std::chrono::duration<double>(*last_ - *first_).count() : 0.0;
    out << "| " << name_ << " | " << latency_.count() << " | " << error_total_ << " | "
        << rate(static_cast<double>(in_window_), window_.seconds()) << " | "
        << rate(static_cast<double>(latency_.count()), span) << " | "
        << ms(latency_.percentile(0.50)) << " | " << ms(latency_.percentile(0.95)) << " | "
        << ms(latency_.percentile(0.99)) << " | " << ms(latency_.max()) << " |\n";
}

std::string OperationStats::error_summary() const {
    std::lock_guard lock(mutex_);
    std::string out;
    for (const auto& [what, n] : errors_) out += (out.empty() ? "" : ", ") + what + " x" + std::to_string(n);
    return out.empty() ? out : name_ + ": " + out;
}

std::string OperationStats::slowest_summary() const {
    std::lock_guard lock(mutex_);
    std::string out;
    for (const auto& slow : slowest_) {
        if (slow.latency == Clock::duration::zero()) break;
        char text[64];
        std::snprintf(text, sizeof text, "%s%.0f ms at t+%.1f s", out.empty() ? "" : ", ",
                      std::chrono::duration<double, std::milli>(slow.latency).count(),
                      std::chrono::duration<double>(slow.at - window_.run_began).count());
        out += text;
    }
    return out.empty() ? out : name_ + ": " + out;
}

}  // namespace exam_load
