#pragma once
// The invigilator's room as JSON: the snapshot the live feed starts with (also
// GET /sessions/{id}/room) and the events that follow it. Staff-only views:
// the candidate's own screen uses candidate_status_json.

#include <boost/json/value.hpp>

#include <string>

#include "domain/sitting.hpp"
#include "services/attempt_service.hpp"
#include "services/invigilation_service.hpp"

namespace exam::api {

boost::json::value room_json(const services::RoomView& room);
boost::json::value room_attempt_json(const services::AttemptSnapshot& s);
boost::json::value incident_json(const domain::Incident& i);

// Feed messages, serialised once and sent to every subscriber.
std::string room_snapshot_message(const services::RoomView& room);
std::string attempt_event_message(const services::AttemptSnapshot& s);
std::string admitted_event_message(const domain::Booking& b, domain::Millis now);
std::string incident_event_message(const domain::Incident& i);
std::string session_event_message(const domain::TestSession& s, domain::Millis now);

// What the candidate's own screen is told: state and clock, nothing of other candidates or marks.
boost::json::value candidate_status_json(const services::AttemptSnapshot& s);
std::string candidate_status_message(const services::AttemptSnapshot& s);

}  // namespace exam::api
