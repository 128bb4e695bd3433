#pragma once
// A test session and what happens in it: bookings with keycodes, attempts
// with their frozen form, responses, clock and result.

#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "domain/attempt_clock.hpp"
#include "domain/people.hpp"

namespace exam::domain {

enum class SessionStatus { scheduled, open, closed };
std::string_view to_string(SessionStatus s);

struct TestSession {
    Id id = 0;
    Id centre_id = 0;
    std::string unit_code;
    Millis starts_at = 0;
    Millis ends_at = 0;
    std::string room;
    SessionStatus status = SessionStatus::scheduled;
    std::vector<Id> invigilators;
};

struct Booking {
    Id id = 0;
    Id session_id = 0;
    Id candidate_id = 0;
    std::string keycode;
    // Checked in by an invigilator; the candidate may start only once admitted.
    std::optional<Millis> admitted_at;
    std::string admitted_by;
};

// Something an invigilator records about the session or one candidate in it.
struct Incident {
    Id id = 0;
    Id session_id = 0;
    std::optional<Id> candidate_id;
    std::string kind;
    std::string description;
    std::string recorded_by;
    Millis at = 0;
};

// booked: the candidate has logged in and waits to be admitted.
enum class AttemptState { booked, admitted, in_progress, paused, submitted, marked, void_ };
std::string_view to_string(AttemptState s);
std::optional<AttemptState> parse_attempt_state(std::string_view s);

enum class SubmittedBy { candidate, time_out, invigilator };
std::string_view to_string(SubmittedBy s);

// One item of the frozen form, as presented.
struct FormEntry {
    std::string item_id;
    int version = 1;
    std::vector<std::string> option_order;
};

struct ResponseState {
    std::vector<std::string> selected;  // option ids
    bool flagged = false;
    std::int64_t sequence = 0;  // the client's sequence number of the last accepted change
};

struct OutcomeScore {
    std::string learning_outcome;
    double marks = 0;  // credit earned; fractional when items carry weights
    int available = 0;
};

struct AttemptResult {
    double raw_score = 0;  // sum of item credit (domain/score.hpp writes it)
    int available = 0;
    double percentage = 0;
    int pass_mark = 0;
    bool passed = false;
    std::vector<OutcomeScore> by_outcome;
    bool released = false;
};

struct Attempt {
    Id id = 0;
    Id booking_id = 0;
    Id session_id = 0;
    Id candidate_id = 0;
    std::string unit_code;
    std::string form_id;
    std::uint64_t form_seed = 0;
    std::vector<FormEntry> form;
    AttemptState state = AttemptState::admitted;
    AttemptTime time;
    std::vector<ResponseState> responses;  // parallel to form
    std::optional<SubmittedBy> submitted_by;
    Millis submitted_at = 0;
    std::optional<AttemptResult> result;
    Millis added_ms = 0;      // extra time granted by invigilators during the sitting
    std::string void_reason;  // set when voided
    // Reports from the candidate's client, by kind ("focus_lost", ...): counts.
    std::map<std::string, std::int64_t> irregularities;
    // The row's revision as this copy knows it: each write of the attempt
    // moves it on by one, and is refused when the row has moved on elsewhere
    // (another node's write), so a stale copy never overwrites a newer one.
    std::int64_t revision = 0;
};

}  // namespace exam::domain
