#include "api/room_json.hpp"

#include <boost/json.hpp>

#include "api/json_views.hpp"
#include "domain/clock.hpp"

namespace exam::api {
namespace json = boost::json;

namespace {

json::value utc_or_null(domain::Millis at) {
    return at > 0 ? json::value(domain::format_utc(at)) : json::value(nullptr);
}

std::string message(std::string_view type, domain::Millis now, std::string_view field, json::value body) {
    return json::serialize(json::object{{"type", type}, {"server_time_ms", now}, {field, std::move(body)}});
}

}  // namespace

json::value room_attempt_json(const services::AttemptSnapshot& s) {
    json::object irregularities;
    for (const auto& [kind, count] : s.irregularities) irregularities[kind] = count;
    json::object o{{"attempt", s.attempt_id},
                   {"booking", s.booking_id},
                   {"candidate", s.candidate_id},
                   {"state", domain::to_string(s.state)},
                   {"items", s.item_count},
                   {"answered", s.answered},
                   {"flagged", s.flagged},
                   {"allowed_seconds", s.allowed_ms / 1000},
                   {"remaining_ms", s.remaining_ms},
                   {"added_minutes", s.added_ms / 60'000},
                   {"running", s.running},
                   {"connected", s.connected},
                   {"last_heard_at", utc_or_null(s.last_heard_ms)},
                   {"irregularities", std::move(irregularities)}};
    o["submitted_by"] = s.submitted_by ? json::value(domain::to_string(*s.submitted_by)) : json::value(nullptr);
    if (!s.void_reason.empty()) o["void_reason"] = s.void_reason;
    return o;
}

json::value incident_json(const domain::Incident& i) {
    json::object o{{"id", i.id},
                   {"session", i.session_id},
                   {"kind", i.kind},
                   {"description", i.description},
                   {"recorded_by", i.recorded_by},
                   {"at", domain::format_utc(i.at)}};
    o["candidate"] = i.candidate_id ? json::value(*i.candidate_id) : json::value(nullptr);
    return o;
}

json::value room_json(const services::RoomView& room) {
    json::array candidates;
    for (const auto& rc : room.candidates) {
        json::object row{{"booking", rc.booking.id},
                         {"candidate", rc.candidate.id},
                         {"candidate_number", rc.candidate.candidate_number},
                         {"given_name", rc.candidate.given_name},
                         {"family_name", rc.candidate.family_name},
                         {"extra_time_percent", rc.candidate.extra_time_percent},
                         {"keycode", rc.booking.keycode}};
        row["admitted_at"] = rc.booking.admitted_at ? utc_or_null(*rc.booking.admitted_at) : json::value(nullptr);
        // Before the first log-in there is no attempt: the booking's own state stands in.
        if (rc.attempt) {
            row["state"] = domain::to_string(rc.attempt->state);
            row["attempt"] = room_attempt_json(*rc.attempt);
        } else {
            row["state"] = rc.booking.admitted_at ? "admitted" : "booked";
            row["attempt"] = nullptr;
        }
        candidates.push_back(std::move(row));
    }
    json::array incidents;
    for (const auto& i : room.incidents) incidents.push_back(incident_json(i));
    return json::object{{"session", session_json(room.session)},
                        {"server_time_ms", room.at},
                        {"candidates", std::move(candidates)},
                        {"incidents", std::move(incidents)}};
}

std::string room_snapshot_message(const services::RoomView& room) {
    json::object o = room_json(room).as_object();
    o.emplace("type", "snapshot");
    return json::serialize(o);
}

std::string attempt_event_message(const services::AttemptSnapshot& s) {
    return message("attempt", s.at, "attempt", room_attempt_json(s));
}

std::string admitted_event_message(const domain::Booking& b, domain::Millis now) {
    return message("admitted", now, "booking", booking_json(b));
}

std::string incident_event_message(const domain::Incident& i) { return message("incident", i.at, "incident", incident_json(i)); }

std::string session_event_message(const domain::TestSession& s, domain::Millis now) {
    return message("session", now, "session", session_json(s));
}

json::value candidate_status_json(const services::AttemptSnapshot& s) {
    json::object o = snapshot_json(s).as_object();
    o["remaining_ms"] = s.remaining_ms;
    o["running"] = s.running;
    return o;
}

std::string candidate_status_message(const services::AttemptSnapshot& s) {
    return message("attempt", s.at, "attempt", candidate_status_json(s));
}

}  // namespace exam::api
