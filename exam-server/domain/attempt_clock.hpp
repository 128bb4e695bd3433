#pragma once
// The server's clock for one attempt (DESIGN invariant 3). Time is used only
// while the attempt runs and its client is heard from: each gap between two
// contacts is charged up to the grace and no more, so a network blip costs at
// most the grace, and an outage, a crash or a pause costs nothing beyond it.

#include <optional>

#include "domain/clock.hpp"

namespace exam::domain {

struct AttemptTime {
    Millis allowed_ms = 0;       // duration with extra time
    Millis used_ms = 0;          // charged up to last_contact_ms
    Millis last_contact_ms = 0;  // last time the client was heard while running
    bool running = false;        // in progress (not paused, not finished)
};

// Time used as of `now`.
Millis usage_at(const AttemptTime& t, Millis now, Millis grace);
Millis remaining_at(const AttemptTime& t, Millis now, Millis grace);
// The client was heard from: charge the gap (capped) and restart the count.
void record_contact(AttemptTime& t, Millis now, Millis grace);
void pause_clock(AttemptTime& t, Millis now, Millis grace);
void resume_clock(AttemptTime& t, Millis now);
// When the attempt runs out of time if no further contact arrives; empty when
// its client's silence would stop the clock first.
std::optional<Millis> expiry_without_contact(const AttemptTime& t, Millis grace);

}  // namespace exam::domain
