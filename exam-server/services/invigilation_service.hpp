#pragma once
// What invigilators do in the room (DESIGN, "Who uses it"): admit candidates,
// pause and resume one candidate or the whole room, add extra time, void an
// attempt, record incidents, and see the room as it is now. Each action is
// checked against the session's staff (invariant 6), audited, and told to
// the live feed once committed.

#include <optional>
#include <string>
#include <vector>

#include "domain/clock.hpp"
#include "domain/people.hpp"
#include "domain/result.hpp"
#include "domain/sitting.hpp"
#include "services/attempt_service.hpp"
#include "services/room_observer.hpp"
#include "storage/people_store.hpp"
#include "storage/session_store.hpp"

namespace exam::services {

struct RoomCandidate {
    domain::Booking booking;
    domain::Candidate candidate;
    std::optional<AttemptSnapshot> attempt;  // none until the candidate first logs in
};

struct RoomView {
    domain::TestSession session;
    domain::Millis at = 0;
    std::vector<RoomCandidate> candidates;
    std::vector<domain::Incident> incidents;
};

struct NewIncident {
    std::optional<domain::Id> candidate_id;
    std::string kind;
    std::string description;
};

// The kinds of incident a session's record distinguishes.
bool is_incident_kind(std::string_view kind);
// The irregularities a candidate's client may report.
bool is_irregularity_kind(std::string_view kind);

class InvigilationService {
public:
    InvigilationService(storage::PeopleStore& people, storage::SessionStore& sessions, AttemptService& attempts,
                        const domain::Clock& clock)
        : people_(people), sessions_(sessions), attempts_(attempts), clock_(clock) {}

    // Set once, before serving.
    void set_observer(RoomObserver* observer) { observer_ = observer; }

    domain::Result<RoomView> room(const domain::Principal& actor, domain::Id session);
    // The session, if the actor may run it (AO admin, its centre's admin, an assigned invigilator).
    domain::Result<domain::TestSession> session_for_staff(const domain::Principal& actor, domain::Id id);
    // The room for a caller already checked with session_for_staff.
    std::optional<RoomView> room_unchecked(domain::Id session);

    void admit(const domain::Principal& actor, domain::Id session, std::vector<domain::Id> bookings,
               domain::Completion<std::vector<domain::Booking>> done);
    // Pauses every attempt in progress (resumes every paused one); answers with those it changed.
    void pause_room(const domain::Principal& actor, domain::Id session, std::string reason,
                    domain::Completion<std::vector<AttemptSnapshot>> done);
    void resume_room(const domain::Principal& actor, domain::Id session,
                     domain::Completion<std::vector<AttemptSnapshot>> done);

    // Checks the actor may act on the attempt (its session's staff); the error otherwise.
    std::optional<domain::Error> check_attempt_staff(const domain::Principal& actor, domain::Id attempt);
    void add_time(const domain::Principal& actor, domain::Id attempt, int minutes, std::string reason,
                  domain::Completion<AttemptSnapshot> done);
    void void_attempt(const domain::Principal& actor, domain::Id attempt, std::string reason,
                      domain::Completion<AttemptSnapshot> done);

    void record_incident(const domain::Principal& actor, domain::Id session, NewIncident incident,
                         domain::Completion<domain::Incident> done);
    domain::Result<std::vector<domain::Incident>> incidents(const domain::Principal& actor, domain::Id session);

    // Opening and closing are told to the feed from here too.
    void session_changed(const domain::TestSession& session);

private:
    void change_room(const domain::Principal& actor, domain::Id session, bool pause, std::string reason,
                     domain::Completion<std::vector<AttemptSnapshot>> done);

    storage::PeopleStore& people_;
    storage::SessionStore& sessions_;
    AttemptService& attempts_;
    const domain::Clock& clock_;
    RoomObserver* observer_ = nullptr;
};

}  // namespace exam::services
