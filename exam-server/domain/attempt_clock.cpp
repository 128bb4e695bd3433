#include "domain/attempt_clock.hpp"

#include <algorithm>

namespace exam::domain {

Millis usage_at(const AttemptTime& t, Millis now, Millis grace) {
    if (!t.running) return t.used_ms;
    const Millis gap = std::max<Millis>(0, now - t.last_contact_ms);
    return std::min(t.allowed_ms, t.used_ms + std::min(gap, grace));
}

Millis remaining_at(const AttemptTime& t, Millis now, Millis grace) {
    return std::max<Millis>(0, t.allowed_ms - usage_at(t, now, grace));
}

void record_contact(AttemptTime& t, Millis now, Millis grace) {
    if (!t.running) return;
    t.used_ms = usage_at(t, now, grace);
    t.last_contact_ms = std::max(t.last_contact_ms, now);
}

void pause_clock(AttemptTime& t, Millis now, Millis grace) {
    record_contact(t, now, grace);
    t.running = false;
}

void resume_clock(AttemptTime& t, Millis now) {
    t.running = true;
    t.last_contact_ms = now;
}

std::optional<Millis> expiry_without_contact(const AttemptTime& t, Millis grace) {
    if (!t.running) return std::nullopt;
    const Millis left = t.allowed_ms - t.used_ms;
    if (left > grace) return std::nullopt;
    return t.last_contact_ms + std::max<Millis>(0, left);
}

}  // namespace exam::domain
