#pragma once
// Test sessions: booking a unit's test for a time window and a room with its
// invigilators, booking candidates (each gets a keycode), opening and closing,
// and the candidate's log-in with centre number, candidate number and keycode.

#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "domain/clock.hpp"
#include "domain/result.hpp"
#include "domain/sitting.hpp"
#include "item_bank/bank.hpp"
#include "services/attempt_service.hpp"
#include "services/identity_service.hpp"
#include "services/room_observer.hpp"
#include "services/throttle.hpp"
#include "storage/people_store.hpp"
#include "storage/session_store.hpp"

namespace exam::services {

struct NewSession {
    std::string unit_code;
    domain::Millis starts_at = 0;
    domain::Millis ends_at = 0;
    std::string room;
    std::vector<domain::Id> invigilators;
};

struct CandidateLogin {
    std::string token;
    domain::Attempt attempt;
    domain::Candidate candidate;
    domain::TestSession session;
};

class SessionService {
public:
    SessionService(storage::PeopleStore& people, storage::SessionStore& sessions, AttemptService& attempts,
                   IdentityService& identity, Throttle& throttle, const domain::Clock& clock,
                   std::shared_ptr<const item_bank::Bank> bank)
        : people_(people), sessions_(sessions), attempts_(attempts), identity_(identity), throttle_(throttle),
          clock_(clock), bank_(std::move(bank)) {}

    // Set once, before serving: told when a session opens or closes.
    void set_observer(RoomObserver* observer) { observer_ = observer; }

    void create_session(const domain::Principal& actor, domain::Id centre, NewSession s,
                        domain::Completion<domain::TestSession> done);
    domain::Result<std::vector<domain::TestSession>> sessions_of_centre(const domain::Principal& actor, domain::Id centre);
    domain::Result<domain::TestSession> session(const domain::Principal& actor, domain::Id id);
    domain::Result<std::vector<domain::Booking>> bookings(const domain::Principal& actor, domain::Id session);

    void book(const domain::Principal& actor, domain::Id session, std::vector<domain::Id> candidates,
              domain::Completion<std::vector<domain::Booking>> done);
    // Centre admins and AO admins assign the session's invigilators (the whole list).
    void set_invigilators(const domain::Principal& actor, domain::Id session, std::vector<domain::Id> users,
                          domain::Completion<domain::TestSession> done);
    void set_status(const domain::Principal& actor, domain::Id session, domain::SessionStatus status,
                    domain::Completion<domain::TestSession> done);

    // Attempts of a session, for its staff.
    domain::Result<domain::Attempt> attempt_for_staff(const domain::Principal& actor, domain::Id attempt);

    void candidate_login(std::string centre_number, std::string candidate_number, std::string keycode,
                         std::string remote_address, domain::Completion<CandidateLogin> done);

private:
    std::optional<domain::Error> check_invigilators(const std::vector<domain::Id>& users, domain::Id centre);

    storage::PeopleStore& people_;
    storage::SessionStore& sessions_;
    AttemptService& attempts_;
    IdentityService& identity_;
    Throttle& throttle_;
    const domain::Clock& clock_;
    std::shared_ptr<const item_bank::Bank> bank_;
    RoomObserver* observer_ = nullptr;
};

}  // namespace exam::services
