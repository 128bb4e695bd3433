#include "services/invigilation_service.hpp"

#include <algorithm>
#include <array>
#include <memory>
#include <mutex>
#include <set>

#include "services/access_rules.hpp"

namespace exam::services {

using domain::Error;

namespace {

std::string actor_of(const domain::Principal& p) { return "staff:" + p.username; }

constexpr std::array<std::string_view, 6> incident_kinds = {"disruption", "technical", "illness",
                                                           "suspected_malpractice", "late_arrival", "other"};
constexpr std::array<std::string_view, 5> irregularity_kinds = {"focus_lost", "page_hidden", "fullscreen_exit",
                                                               "copy_attempt", "paste_attempt"};

// Gathers the answers of several attempt actions into one reply.
class RoomChange {
public:
    RoomChange(std::size_t expected, domain::Completion<std::vector<AttemptSnapshot>> done)
        : remaining_(expected), done_(std::move(done)) {}

    void add(domain::Result<AttemptSnapshot> r) {
        std::unique_lock lock(mutex_);
        if (r) {
            changed_.push_back(r.value());
        } else if (r.error().status >= 500 && !failure_) {
            failure_ = r.error();  // a write failed: the room is not as asked
        }
        if (--remaining_ > 0) return;
        lock.unlock();
        if (failure_) return done_(*failure_);
        std::sort(changed_.begin(), changed_.end(),
                  [](const auto& a, const auto& b) { return a.attempt_id < b.attempt_id; });
        done_(std::move(changed_));
    }

private:
    std::mutex mutex_;
    std::size_t remaining_;
    std::vector<AttemptSnapshot> changed_;
    std::optional<Error> failure_;
    domain::Completion<std::vector<AttemptSnapshot>> done_;
};

}  // namespace

domain::Result<domain::TestSession> InvigilationService::session_for_staff(const domain::Principal& actor,
                                                                          domain::Id id) {
    auto s = sessions_.session(id);
    if (!s) return domain::not_found("no such session");
    if (auto e = require_session_staff(actor, *s)) return *e;
    return *s;
}

bool is_incident_kind(std::string_view kind) {
    return std::find(incident_kinds.begin(), incident_kinds.end(), kind) != incident_kinds.end();
}

bool is_irregularity_kind(std::string_view kind) {
    return std::find(irregularity_kinds.begin(), irregularity_kinds.end(), kind) != irregularity_kinds.end();
}

std::optional<RoomView> InvigilationService::room_unchecked(domain::Id session_id) {
    auto s = sessions_.session(session_id);
    if (!s) return std::nullopt;
    RoomView view;
    view.session = *s;
    view.at = clock_.now_ms();
    std::map<domain::Id, AttemptSnapshot> by_booking;
    for (auto& snap : attempts_.snapshots_of_session(session_id)) by_booking[snap.booking_id] = std::move(snap);
    // One read for the centre's candidates, not one per booking: a room can hold thousands.
    std::map<domain::Id, domain::Candidate> candidates;
    for (auto& c : people_.candidates_of_centre(s->centre_id)) candidates.emplace(c.id, std::move(c));
    for (auto& b : sessions_.bookings(session_id)) {
        auto c = candidates.find(b.candidate_id);
        if (c == candidates.end()) continue;
        RoomCandidate rc{std::move(b), c->second, std::nullopt};
        if (auto it = by_booking.find(rc.booking.id); it != by_booking.end()) rc.attempt = it->second;
        view.candidates.push_back(std::move(rc));
    }
    view.incidents = sessions_.incidents(session_id);
    return view;
}

domain::Result<RoomView> InvigilationService::room(const domain::Principal& actor, domain::Id session_id) {
    auto s = session_for_staff(actor, session_id);
    if (!s) return s.error();
    auto view = room_unchecked(session_id);
    if (!view) return domain::not_found("no such session");
    return std::move(*view);
}

void InvigilationService::admit(const domain::Principal& actor, domain::Id session_id, std::vector<domain::Id> ids,
                                domain::Completion<std::vector<domain::Booking>> done) {
    auto s = session_for_staff(actor, session_id);
    if (!s) return done(s.error());
    if (s->status == domain::SessionStatus::closed) return done(domain::conflict("the session is closed"));
    if (ids.empty()) return done(domain::invalid("/bookings", "at least one booking"));
    const auto all = sessions_.bookings(session_id);
    std::set<domain::Id> seen;
    std::vector<domain::Booking> chosen;
    for (std::size_t i = 0; i < ids.size(); ++i) {
        auto it = std::find_if(all.begin(), all.end(), [&](const domain::Booking& b) { return b.id == ids[i]; });
        if (it == all.end()) return done(domain::invalid("/bookings/" + std::to_string(i), "no such booking in this session"));
        if (!seen.insert(ids[i]).second) {
            return done(domain::invalid("/bookings/" + std::to_string(i), "booking " + std::to_string(ids[i]) + " is listed twice"));
        }
        chosen.push_back(*it);
    }
    const domain::Millis now = clock_.now_ms();
    const std::string by = actor_of(actor);
    sessions_.admit(ids, now, by, [this, chosen, now, by, done](domain::Result<domain::Done> r) {
        if (!r) return done(r.error());
        auto admitted = chosen;
        for (auto& b : admitted) {
            if (!b.admitted_at) {
                b.admitted_at = now;
                b.admitted_by = by;
            }
            attempts_.admitted(b.id);
            if (observer_) observer_->booking_admitted(b);
        }
        done(std::move(admitted));
    });
}

void InvigilationService::change_room(const domain::Principal& actor, domain::Id session_id, bool pause,
                                      std::string reason, domain::Completion<std::vector<AttemptSnapshot>> done) {
    auto s = session_for_staff(actor, session_id);
    if (!s) return done(s.error());
    // Only attempts in the state the action applies to are touched; the rest of the room is left as it is.
    std::vector<domain::Id> targets;
    for (const auto& snap : attempts_.unfinished_snapshots_of_session(session_id)) {
        const auto wanted = pause ? domain::AttemptState::in_progress : domain::AttemptState::paused;
        if (snap.state == wanted) targets.push_back(snap.attempt_id);
    }
    if (targets.empty()) return done(std::vector<AttemptSnapshot>{});
    auto change = std::make_shared<RoomChange>(targets.size(), std::move(done));
    for (auto id : targets) {
        auto add = [change](domain::Result<AttemptSnapshot> r) { change->add(std::move(r)); };
        if (pause) {
            attempts_.pause(id, actor_of(actor), reason.empty() ? "whole room" : "whole room: " + reason, add);
        } else {
            attempts_.resume(id, actor_of(actor), add);
        }
    }
}

void InvigilationService::pause_room(const domain::Principal& actor, domain::Id session, std::string reason,
                                     domain::Completion<std::vector<AttemptSnapshot>> done) {
    change_room(actor, session, true, std::move(reason), std::move(done));
}

void InvigilationService::resume_room(const domain::Principal& actor, domain::Id session,
                                      domain::Completion<std::vector<AttemptSnapshot>> done) {
    change_room(actor, session, false, {}, std::move(done));
}

std::optional<domain::Error> InvigilationService::check_attempt_staff(const domain::Principal& actor, domain::Id id) {
    if (auto e = require_role(actor, {domain::Role::ao_admin, domain::Role::centre_admin, domain::Role::invigilator})) {
        return e;
    }
    auto a = attempts_.get(id);
    if (!a) return a.error();
    auto s = sessions_.session(a->session_id);
    if (!s || require_session_staff(actor, *s)) return domain::not_found("no such attempt");
    return std::nullopt;
}

void InvigilationService::add_time(const domain::Principal& actor, domain::Id attempt, int minutes, std::string reason,
                                   domain::Completion<AttemptSnapshot> done) {
    if (auto e = check_attempt_staff(actor, attempt)) return done(*e);
    attempts_.add_time(attempt, static_cast<domain::Millis>(minutes) * 60'000, actor_of(actor), std::move(reason),
                       std::move(done));
}

void InvigilationService::void_attempt(const domain::Principal& actor, domain::Id attempt, std::string reason,
                                       domain::Completion<AttemptSnapshot> done) {
    if (auto e = check_attempt_staff(actor, attempt)) return done(*e);
    attempts_.void_attempt(attempt, actor_of(actor), std::move(reason), std::move(done));
}

void InvigilationService::record_incident(const domain::Principal& actor, domain::Id session_id, NewIncident n,
                                          domain::Completion<domain::Incident> done) {
    auto s = session_for_staff(actor, session_id);
    if (!s) return done(s.error());
    if (n.candidate_id) {
        const auto bookings = sessions_.bookings(session_id);
        const bool booked = std::any_of(bookings.begin(), bookings.end(),
                                        [&](const domain::Booking& b) { return b.candidate_id == *n.candidate_id; });
        if (!booked) return done(domain::invalid("/candidate", "no such candidate booked on this session"));
    }
    domain::Incident incident{0, session_id, n.candidate_id, std::move(n.kind), std::move(n.description),
                              actor_of(actor), clock_.now_ms()};
    sessions_.add_incident(std::move(incident), [this, done](domain::Result<domain::Incident> r) {
        if (!r) return done(r.error());
        done(r.value());
        if (observer_) observer_->incident_recorded(r.value());
    });
}

domain::Result<std::vector<domain::Incident>> InvigilationService::incidents(const domain::Principal& actor,
                                                                             domain::Id session_id) {
    auto s = session_for_staff(actor, session_id);
    if (!s) return s.error();
    return sessions_.incidents(session_id);
}

void InvigilationService::session_changed(const domain::TestSession& session) {
    if (observer_) observer_->session_changed(session);
}

}  // namespace exam::services
