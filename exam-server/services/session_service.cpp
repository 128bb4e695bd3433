#include "services/session_service.hpp"

#include <algorithm>
#include <set>

#include "security/keycode.hpp"
#include "services/access_rules.hpp"

namespace exam::services {

using domain::Error;
using domain::Role;

namespace {

Error wrong_login() {
    return Error{401, "invalid_credentials",
                 "check your centre number, candidate number and keycode, and try again", {}};
}

// Sessions run for at most a day: a typo in a date must not book a month.
constexpr domain::Millis max_session_ms = 24LL * 60 * 60 * 1000;

}  // namespace

std::optional<domain::Error> SessionService::check_invigilators(const std::vector<domain::Id>& users, domain::Id centre) {
    std::set<domain::Id> seen;
    for (std::size_t i = 0; i < users.size(); ++i) {
        auto u = people_.user(users[i]);
        if (!u || u->centre_id != centre || u->role == Role::ao_admin || !u->active) {
            return domain::invalid("/invigilators/" + std::to_string(i), "no such member of this centre's staff");
        }
        if (!seen.insert(users[i]).second) {
            return domain::invalid("/invigilators/" + std::to_string(i), "listed twice");
        }
    }
    return std::nullopt;
}

void SessionService::create_session(const domain::Principal& actor, domain::Id centre, NewSession s,
                                    domain::Completion<domain::TestSession> done) {
    if (auto e = require_centre(actor, centre, {Role::ao_admin, Role::centre_admin})) return done(*e);
    if (!people_.centre(centre)) return done(domain::not_found("no such centre"));
    if (bank_->unit(s.unit_code) == nullptr) return done(domain::invalid("/unit", "no unit " + s.unit_code));
    if (bank_->test_specification(s.unit_code) == nullptr) {
        return done(domain::invalid("/unit", "unit " + s.unit_code + " has no onscreen test"));
    }
    if (s.ends_at <= s.starts_at) return done(domain::invalid("/ends_at", "the session must end after it starts"));
    if (s.ends_at - s.starts_at > max_session_ms) return done(domain::invalid("/ends_at", "a session lasts at most 24 hours"));
    if (s.room.empty() || s.room.size() > 100) return done(domain::invalid("/room", "a room name of 1 to 100 characters"));
    if (auto e = check_invigilators(s.invigilators, centre)) return done(*e);
    domain::TestSession session{0, centre, s.unit_code, s.starts_at, s.ends_at, s.room,
                                domain::SessionStatus::scheduled, s.invigilators};
    sessions_.create_session(std::move(session),
                             {clock_.now_ms(), "staff:" + actor.username, "session.create",
                              "centre:" + std::to_string(centre), R"({"unit":")" + s.unit_code + "\"}"},
                             std::move(done));
}

domain::Result<std::vector<domain::TestSession>> SessionService::sessions_of_centre(const domain::Principal& actor,
                                                                                   domain::Id centre) {
    if (auto e = require_centre(actor, centre, {Role::ao_admin, Role::centre_admin, Role::invigilator})) return *e;
    if (!people_.centre(centre)) return domain::not_found("no such centre");
    auto all = sessions_.sessions_of_centre(centre);
    if (actor.role == Role::invigilator) {
        std::erase_if(all, [&](const domain::TestSession& s) { return require_session_staff(actor, s).has_value(); });
    }
    return all;
}

domain::Result<domain::TestSession> SessionService::session(const domain::Principal& actor, domain::Id id) {
    auto s = sessions_.session(id);
    if (!s) return domain::not_found("no such session");
    if (auto e = require_session_staff(actor, *s)) return *e;
    return *s;
}

domain::Result<std::vector<domain::Booking>> SessionService::bookings(const domain::Principal& actor, domain::Id id) {
    auto s = session(actor, id);
    if (!s) return s.error();
    return sessions_.bookings(id);
}

void SessionService::book(const domain::Principal& actor, domain::Id session_id, std::vector<domain::Id> candidates,
                          domain::Completion<std::vector<domain::Booking>> done) {
    if (auto e = require_role(actor, {Role::ao_admin, Role::centre_admin})) return done(*e);
    auto s = sessions_.session(session_id);
    if (!s || require_centre(actor, s->centre_id, {Role::ao_admin, Role::centre_admin})) {
        return done(domain::not_found("no such session"));
    }
    if (s->status == domain::SessionStatus::closed) return done(domain::conflict("the session is closed"));
    if (candidates.empty()) return done(domain::invalid("/candidates", "at least one candidate"));
    std::set<domain::Id> already;
    for (const auto& b : sessions_.bookings(session_id)) already.insert(b.candidate_id);
    const auto quals = bank_->qualifications_containing(s->unit_code);
    std::vector<domain::Booking> bookings;
    std::set<domain::Id> seen;
    for (std::size_t i = 0; i < candidates.size(); ++i) {
        const std::string field = "/candidates/" + std::to_string(i);
        auto c = people_.candidate(candidates[i]);
        if (!c || c->centre_id != s->centre_id) return done(domain::invalid(field, "no such candidate in this centre"));
        if (already.count(c->id) || !seen.insert(c->id).second) {
            return done(domain::invalid(field, "candidate " + c->candidate_number + " is already booked on this session"));
        }
        const auto regs = people_.registrations(c->id);
        const bool registered = std::any_of(quals.begin(), quals.end(), [&](const item_bank::Qualification* q) {
            return std::find(regs.begin(), regs.end(), q->id) != regs.end();
        });
        if (!registered) {
            return done(domain::invalid(field, "candidate " + c->candidate_number +
                                                   " is not registered on a qualification containing unit " +
                                                   s->unit_code));
        }
        bookings.push_back({0, session_id, c->id, security::generate_keycode(), std::nullopt, {}});
    }
    sessions_.add_bookings(std::move(bookings),
                           {clock_.now_ms(), "staff:" + actor.username, "session.book",
                            "session:" + std::to_string(session_id),
                            R"({"count":)" + std::to_string(candidates.size()) + "}"},
                           std::move(done));
}

void SessionService::set_invigilators(const domain::Principal& actor, domain::Id session_id, std::vector<domain::Id> users,
                                      domain::Completion<domain::TestSession> done) {
    if (auto e = require_role(actor, {Role::ao_admin, Role::centre_admin})) return done(*e);
    auto s = sessions_.session(session_id);
    if (!s || require_centre(actor, s->centre_id, {Role::ao_admin, Role::centre_admin})) {
        return done(domain::not_found("no such session"));
    }
    if (s->status == domain::SessionStatus::closed) return done(domain::conflict("the session is closed"));
    if (auto e = check_invigilators(users, s->centre_id)) return done(*e);
    std::string ids;
    for (auto u : users) ids += (ids.empty() ? "" : ",") + std::to_string(u);
    auto updated = *s;
    updated.invigilators = users;
    std::sort(updated.invigilators.begin(), updated.invigilators.end());
    sessions_.set_invigilators(session_id, std::move(users),
                               {clock_.now_ms(), "staff:" + actor.username, "session.invigilators",
                                "session:" + std::to_string(session_id), R"({"invigilators":[)" + ids + "]}"},
                               [this, updated, done](domain::Result<domain::Done> r) {
                                   if (!r) return done(r.error());
                                   done(updated);
                                   if (observer_) observer_->session_changed(updated);
                               });
}

void SessionService::set_status(const domain::Principal& actor, domain::Id session_id, domain::SessionStatus status,
                                domain::Completion<domain::TestSession> done) {
    auto s = session(actor, session_id);
    if (!s) return done(s.error());
    auto current = s.value();
    if (current.status == domain::SessionStatus::closed) return done(domain::conflict("the session is already closed"));
    if (current.status == status) return done(current);
    current.status = status;
    const char* action = status == domain::SessionStatus::open ? "session.open" : "session.close";
    sessions_.set_status(session_id, status,
                         {clock_.now_ms(), "staff:" + actor.username, action, "session:" + std::to_string(session_id), "{}"},
                         [this, current, done](domain::Result<domain::Done> r) {
                             if (!r) return done(r.error());
                             done(current);
                             if (observer_) observer_->session_changed(current);
                         });
}

domain::Result<domain::Attempt> SessionService::attempt_for_staff(const domain::Principal& actor, domain::Id id) {
    if (auto e = require_role(actor, {Role::ao_admin, Role::centre_admin, Role::invigilator})) return *e;
    auto a = attempts_.get(id);
    if (!a) return a.error();
    auto s = sessions_.session(a->session_id);
    if (!s || require_session_staff(actor, *s)) return domain::not_found("no such attempt");
    return a;
}

void SessionService::candidate_login(std::string centre_number, std::string candidate_number, std::string keycode,
                                     std::string remote, domain::Completion<CandidateLogin> done) {
    const std::string address_key = "candidate-address:" + remote;
    const std::string who_key = "candidate:" + centre_number + "/" + candidate_number;
    for (const auto* key : {&address_key, &who_key}) {
        if (auto wait = throttle_.retry_after(*key)) {
            return done(Error{429, "too_many_attempts",
                              "too many tries: wait " + std::to_string(wait->count()) +
                                  " seconds, or ask the invigilator to check your details",
                              {}});
        }
    }
    auto fail = [&] {
        throttle_.failed(address_key);
        throttle_.failed(who_key);
        done(wrong_login());
    };
    auto centre = people_.centre_by_number(centre_number);
    if (!centre) return fail();
    auto candidate = people_.candidate_by_number(centre->id, candidate_number);
    if (!candidate) return fail();
    std::optional<domain::Booking> booking;
    for (const auto& b : sessions_.bookings_of_candidate(candidate->id)) {
        if (security::keycodes_match(keycode, b.keycode)) booking = b;
    }
    if (!booking) return fail();
    auto session = sessions_.session(booking->session_id);
    if (!session) return fail();
    throttle_.succeeded(who_key);
    const domain::Millis now = clock_.now_ms();
    if (session->status != domain::SessionStatus::open) {
        return done(Error{403, "session_not_open",
                          session->status == domain::SessionStatus::closed
                              ? "this test session has closed"
                              : "the invigilator has not opened this test session yet",
                          {}});
    }
    if (now < session->starts_at || now >= session->ends_at) {
        return done(Error{403, "outside_session_window", "this test session is not running at this time", {}});
    }
    attempts_.open_for_booking(
        *booking, *session, *candidate,
        [this, candidate = *candidate, session = *session, done](domain::Result<domain::Attempt> attempt) {
            if (!attempt) return done(attempt.error());
            // The token outlives the window by the attempt's own length, so a
            // late start with extra time is never cut off by its token.
            const domain::Millis expires = session.ends_at + attempt->time.allowed_ms;
            identity_.issue_candidate_token(
                attempt->id, candidate.id, expires,
                [attempt = attempt.value(), candidate, session, done](domain::Result<std::string> token) {
                    if (!token) return done(token.error());
                    done(CandidateLogin{token.value(), attempt, candidate, session});
                });
        });
}

}  // namespace exam::services
