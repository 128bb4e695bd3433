// The invigilator's controls over a session's room: the room as it is now,
// admitting, pausing and resuming the whole room, extra time, voiding and
// incidents. (Opening, closing and one candidate's pause live in session_routes.)
#include <boost/json.hpp>

#include "api/json_body.hpp"
#include "api/json_views.hpp"
#include "api/reply_with.hpp"
#include "api/room_json.hpp"
#include "api/route_params.hpp"
#include "services/invigilation_service.hpp"

namespace exam::api {
namespace json = boost::json;

namespace {

json::value snapshots_json(const std::vector<services::AttemptSnapshot>& list) {
    json::array a;
    for (const auto& s : list) a.push_back(room_attempt_json(s));
    return json::object{{"changed", std::move(a)}};
}

json::value bookings_json(const std::vector<domain::Booking>& list) {
    json::array a;
    for (const auto& b : list) a.push_back(booking_json(b));
    return json::object{{"bookings", std::move(a)}};
}

// An optional JSON body read with `read`; an empty body reads as {}.
template <class Read>
bool read_optional_body(const net::HttpRequest& req, const net::Responder& respond, Read read) {
    json::value empty = json::object{};
    json::value parsed;
    if (!req.body.empty()) {
        auto body = parse_json_body(req);
        if (!body) {
            respond(error_response(body.error()));
            return false;
        }
        parsed = std::move(body.value());
    }
    JsonObjectReader r(req.body.empty() ? empty.as_object() : parsed.as_object(), "");
    read(r);
    if (auto e = r.finish()) {
        respond(error_response(*e));
        return false;
    }
    return true;
}

using Handler = void (*)(ApiContext&, const net::HttpRequest&, const domain::Principal&, domain::Id, net::Responder);

// Authenticates, reads the {name} id and hands both on.
RouteHandler with_id(ApiContext& ctx, const char* name, Handler handler) {
    return [&ctx, name, handler](const net::HttpRequest& req, const RouteParams& params, net::Responder respond) {
        with_principal(ctx, req, respond, [&](const domain::Principal& p) {
            auto id = id_param(params, name, respond);
            if (!id) return;
            handler(ctx, req, p, *id, respond);
        });
    };
}

}  // namespace

void add_invigilation_routes(Router& router, ApiContext& ctx) {
    router.add("GET", "/api/v1/sessions/{session}/room",
               with_id(ctx, "session", [](ApiContext& c, const net::HttpRequest&, const domain::Principal& p, domain::Id id,
                                          net::Responder respond) {
                   auto room = c.invigilation.room(p, id);
                   if (!room) return respond(error_response(room.error()));
                   respond(json_reply(200, room_json(room.value())));
               }));
    router.add("POST", "/api/v1/sessions/{session}/admit",
               with_id(ctx, "session", [](ApiContext& c, const net::HttpRequest& req, const domain::Principal& p,
                                          domain::Id id, net::Responder respond) {
                   auto body = parse_json_body(req);
                   if (!body) return respond(error_response(body.error()));
                   JsonObjectReader r(body->as_object(), "");
                   auto bookings = r.integer_array("bookings", true, 1000);
                   if (auto e = r.finish()) return respond(error_response(*e));
                   c.invigilation.admit(p, id, std::move(*bookings),
                                        reply_with<std::vector<domain::Booking>>(respond, 200, bookings_json));
               }));
    router.add("POST", "/api/v1/sessions/{session}/pause",
               with_id(ctx, "session", [](ApiContext& c, const net::HttpRequest& req, const domain::Principal& p,
                                          domain::Id id, net::Responder respond) {
                   std::string reason;
                   if (!read_optional_body(req, respond, [&](JsonObjectReader& r) {
                           reason = r.string("reason", false, 500).value_or("");
                       })) {
                       return;
                   }
                   c.invigilation.pause_room(p, id, std::move(reason),
                                             reply_with<std::vector<services::AttemptSnapshot>>(respond, 200, snapshots_json));
               }));
    router.add("POST", "/api/v1/sessions/{session}/resume",
               with_id(ctx, "session", [](ApiContext& c, const net::HttpRequest& req, const domain::Principal& p,
                                          domain::Id id, net::Responder respond) {
                   if (!read_optional_body(req, respond, [](JsonObjectReader&) {})) return;
                   c.invigilation.resume_room(p, id,
                                              reply_with<std::vector<services::AttemptSnapshot>>(respond, 200, snapshots_json));
               }));
    router.add("POST", "/api/v1/attempts/{attempt}/extra-time",
               with_id(ctx, "attempt", [](ApiContext& c, const net::HttpRequest& req, const domain::Principal& p,
                                          domain::Id id, net::Responder respond) {
                   if (auto e = c.invigilation.check_attempt_staff(p, id)) return respond(error_response(*e));
                   auto body = parse_json_body(req);
                   if (!body) return respond(error_response(body.error()));
                   JsonObjectReader r(body->as_object(), "");
                   auto minutes = r.integer("minutes", true, 1, 240);
                   auto reason = r.string("reason", true, 500);
                   if (auto e = r.finish()) return respond(error_response(*e));
                   if (reason->empty()) return respond(error_response(domain::invalid("/reason", "a reason for the extra time")));
                   c.invigilation.add_time(p, id, static_cast<int>(*minutes), std::move(*reason),
                                           reply_with<services::AttemptSnapshot>(respond, 200, room_attempt_json));
               }));
    router.add("POST", "/api/v1/attempts/{attempt}/void",
               with_id(ctx, "attempt", [](ApiContext& c, const net::HttpRequest& req, const domain::Principal& p,
                                          domain::Id id, net::Responder respond) {
                   if (auto e = c.invigilation.check_attempt_staff(p, id)) return respond(error_response(*e));
                   auto body = parse_json_body(req);
                   if (!body) return respond(error_response(body.error()));
                   JsonObjectReader r(body->as_object(), "");
                   auto reason = r.string("reason", true, 500);
                   if (auto e = r.finish()) return respond(error_response(*e));
                   if (reason->empty()) return respond(error_response(domain::invalid("/reason", "a reason for voiding")));
                   c.invigilation.void_attempt(p, id, std::move(*reason),
                                               reply_with<services::AttemptSnapshot>(respond, 200, room_attempt_json));
               }));
    router.add("POST", "/api/v1/sessions/{session}/incidents",
               with_id(ctx, "session", [](ApiContext& c, const net::HttpRequest& req, const domain::Principal& p,
                                          domain::Id id, net::Responder respond) {
                   auto body = parse_json_body(req);
                   if (!body) return respond(error_response(body.error()));
                   JsonObjectReader r(body->as_object(), "");
                   services::NewIncident n;
                   n.candidate_id = r.integer("candidate", false, 1, std::numeric_limits<std::int64_t>::max());
                   n.kind = r.string("kind", true, 40).value_or("");
                   n.description = r.string("description", true, 2000).value_or("");
                   if (auto e = r.finish()) return respond(error_response(*e));
                   if (!services::is_incident_kind(n.kind)) {
                       return respond(error_response(domain::invalid(
                           "/kind", "one of disruption, technical, illness, suspected_malpractice, late_arrival, other")));
                   }
                   if (n.description.empty()) return respond(error_response(domain::invalid("/description", "what happened")));
                   c.invigilation.record_incident(p, id, std::move(n),
                                                  reply_with<domain::Incident>(respond, 201, incident_json));
               }));
    router.add("GET", "/api/v1/sessions/{session}/incidents",
               with_id(ctx, "session", [](ApiContext& c, const net::HttpRequest&, const domain::Principal& p, domain::Id id,
                                          net::Responder respond) {
                   auto list = c.invigilation.incidents(p, id);
                   if (!list) return respond(error_response(list.error()));
                   json::array a;
                   for (const auto& i : list.value()) a.push_back(incident_json(i));
                   respond(json_reply(200, json::object{{"incidents", std::move(a)}}));
               }));
}

}  // namespace exam::api
