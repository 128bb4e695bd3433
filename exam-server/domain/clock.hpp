#pragma once
// Time as the services see it: injected, so tests move it by hand instead of sleeping.

#include <atomic>
#include <chrono>
#include <cstdint>
#include <string>

namespace exam::domain {

using Millis = std::int64_t;  // milliseconds since the Unix epoch, or a duration

class Clock {
public:
    virtual ~Clock() = default;
    virtual Millis now_ms() const = 0;
};

class SystemClock final : public Clock {
public:
    Millis now_ms() const override {
        return std::chrono::duration_cast<std::chrono::milliseconds>(
                   std::chrono::system_clock::now().time_since_epoch())
            .count();
    }
};

// For tests: time stands still until advanced.
class ManualClock final : public Clock {
public:
    explicit ManualClock(Millis start) : now_(start) {}
    Millis now_ms() const override { return now_.load(); }
    void advance(Millis by) { now_ += by; }
    void set(Millis to) { now_ = to; }

private:
    std::atomic<Millis> now_;
};

// "2026-11-25T09:00:00Z" <-> milliseconds; false / empty on malformed input.
bool parse_utc(const std::string& text, Millis& out);
std::string format_utc(Millis ms);

}  // namespace exam::domain
