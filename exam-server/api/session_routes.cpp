// Test sessions, bookings, opening and closing, and the invigilator's basic
// controls over one attempt (pause, resume).
#include <boost/json.hpp>

#include "api/json_body.hpp"
#include "api/json_views.hpp"
#include "api/reply_with.hpp"
#include "api/route_params.hpp"
#include "services/access_rules.hpp"
#include "services/attempt_service.hpp"
#include "services/session_service.hpp"

namespace exam::api {
namespace json = boost::json;

namespace {

json::value bookings_json(const std::vector<domain::Booking>& bookings) {
    json::array a;
    for (const auto& b : bookings) a.push_back(booking_json(b));
    return json::object{{"bookings", std::move(a)}};
}

std::string staff_actor(const domain::Principal& p) { return "staff:" + p.username; }

void session_action(ApiContext& ctx, const net::HttpRequest& req, const RouteParams& params, net::Responder respond,
                    domain::SessionStatus status) {
    with_principal(ctx, req, respond, [&](const domain::Principal& p) {
        auto id = id_param(params, "session", respond);
        if (!id) return;
        ctx.sessions.set_status(p, *id, status, reply_with<domain::TestSession>(respond, 200, session_json));
    });
}

using AttemptAction = void (*)(ApiContext&, const domain::Principal&, domain::Id, const std::string& reason,
                               domain::Completion<services::AttemptSnapshot>);

void attempt_action(ApiContext& ctx, const net::HttpRequest& req, const RouteParams& params, net::Responder respond,
                    AttemptAction action) {
    with_principal(ctx, req, respond, [&](const domain::Principal& p) {
        auto id = id_param(params, "attempt", respond);
        if (!id) return;
        auto allowed = ctx.sessions.attempt_for_staff(p, *id);
        if (!allowed) return respond(error_response(allowed.error()));
        std::string reason;
        if (!req.body.empty()) {
            auto body = parse_json_body(req);
            if (!body) return respond(error_response(body.error()));
            JsonObjectReader r(body->as_object(), "");
            reason = r.string("reason", false, 500).value_or("");
            if (auto e = r.finish()) return respond(error_response(*e));
        }
        action(ctx, p, *id, reason, reply_with<services::AttemptSnapshot>(respond, 200, snapshot_json));
    });
}

}  // namespace

void add_session_routes(Router& router, ApiContext& ctx) {
    router.add("POST", "/api/v1/centres/{centre}/sessions",
               [&ctx](const net::HttpRequest& req, const RouteParams& params, net::Responder respond) {
                   with_principal(ctx, req, respond, [&](const domain::Principal& p) {
                       auto centre = id_param(params, "centre", respond);
                       if (!centre) return;
                       auto body = parse_json_body(req);
                       if (!body) return respond(error_response(body.error()));
                       JsonObjectReader r(body->as_object(), "");
                       services::NewSession s;
                       s.unit_code = r.string("unit", true, 32).value_or("");
                       auto starts = r.string("starts_at", true, 30);
                       auto ends = r.string("ends_at", true, 30);
                       s.room = r.string("room", true, 100).value_or("");
                       s.invigilators = r.integer_array("invigilators", false, 50).value_or(std::vector<std::int64_t>{});
                       if (auto e = r.finish()) return respond(error_response(*e));
                       if (!domain::parse_utc(*starts, s.starts_at)) {
                           return respond(error_response(domain::invalid("/starts_at", "a UTC time such as 2026-11-25T09:00:00Z")));
                       }
                       if (!domain::parse_utc(*ends, s.ends_at)) {
                           return respond(error_response(domain::invalid("/ends_at", "a UTC time such as 2026-11-25T11:00:00Z")));
                       }
                       ctx.sessions.create_session(p, *centre, std::move(s),
                                                   reply_with<domain::TestSession>(respond, 201, session_json));
                   });
               });
    router.add("GET", "/api/v1/centres/{centre}/sessions",
               [&ctx](const net::HttpRequest& req, const RouteParams& params, net::Responder respond) {
                   with_principal(ctx, req, respond, [&](const domain::Principal& p) {
                       auto centre = id_param(params, "centre", respond);
                       if (!centre) return;
                       auto list = ctx.sessions.sessions_of_centre(p, *centre);
                       if (!list) return respond(error_response(list.error()));
                       json::array a;
                       for (const auto& s : list.value()) a.push_back(session_json(s));
                       respond(json_reply(200, json::object{{"sessions", std::move(a)}}));
                   });
               });
    router.add("GET", "/api/v1/sessions/{session}",
               [&ctx](const net::HttpRequest& req, const RouteParams& params, net::Responder respond) {
                   with_principal(ctx, req, respond, [&](const domain::Principal& p) {
                       auto id = id_param(params, "session", respond);
                       if (!id) return;
                       auto s = ctx.sessions.session(p, *id);
                       if (!s) return respond(error_response(s.error()));
                       json::object o = session_json(s.value()).as_object();
                       o["bookings"] = bookings_json(ctx.sessions.bookings(p, *id).value()).as_object()["bookings"];
                       respond(json_reply(200, o));
                   });
               });
    router.add("POST", "/api/v1/sessions/{session}/bookings",
               [&ctx](const net::HttpRequest& req, const RouteParams& params, net::Responder respond) {
                   with_principal(ctx, req, respond, [&](const domain::Principal& p) {
                       auto id = id_param(params, "session", respond);
                       if (!id) return;
                       auto body = parse_json_body(req);
                       if (!body) return respond(error_response(body.error()));
                       JsonObjectReader r(body->as_object(), "");
                       auto candidates = r.integer_array("candidates", true, 1000);
                       if (auto e = r.finish()) return respond(error_response(*e));
                       ctx.sessions.book(p, *id, std::move(*candidates),
                                         reply_with<std::vector<domain::Booking>>(respond, 201, bookings_json));
                   });
               });
    router.add("PUT", "/api/v1/sessions/{session}/invigilators",
               [&ctx](const net::HttpRequest& req, const RouteParams& params, net::Responder respond) {
                   with_principal(ctx, req, respond, [&](const domain::Principal& p) {
                       auto id = id_param(params, "session", respond);
                       if (!id) return;
                       auto body = parse_json_body(req);
                       if (!body) return respond(error_response(body.error()));
                       JsonObjectReader r(body->as_object(), "");
                       auto users = r.integer_array("invigilators", true, 50);
                       if (auto e = r.finish()) return respond(error_response(*e));
                       ctx.sessions.set_invigilators(p, *id, std::move(*users),
                                                     reply_with<domain::TestSession>(respond, 200, session_json));
                   });
               });
    router.add("POST", "/api/v1/sessions/{session}/open",
               [&ctx](const net::HttpRequest& req, const RouteParams& params, net::Responder respond) {
                   session_action(ctx, req, params, std::move(respond), domain::SessionStatus::open);
               });
    router.add("POST", "/api/v1/sessions/{session}/close",
               [&ctx](const net::HttpRequest& req, const RouteParams& params, net::Responder respond) {
                   session_action(ctx, req, params, std::move(respond), domain::SessionStatus::closed);
               });
    router.add("GET", "/api/v1/attempts/{attempt}",
               [&ctx](const net::HttpRequest& req, const RouteParams& params, net::Responder respond) {
                   with_principal(ctx, req, respond, [&](const domain::Principal& p) {
                       auto id = id_param(params, "attempt", respond);
                       if (!id) return;
                       auto a = ctx.sessions.attempt_for_staff(p, *id);
                       if (!a) return respond(error_response(a.error()));
                       respond(json_reply(200, attempt_staff_json(a.value(), ctx.attempts.snapshot(*id).value())));
                   });
               });
    router.add("POST", "/api/v1/attempts/{attempt}/release",
               [&ctx](const net::HttpRequest& req, const RouteParams& params, net::Responder respond) {
                   with_principal(ctx, req, respond, [&](const domain::Principal& p) {
                       auto id = id_param(params, "attempt", respond);
                       if (!id) return;
                       // Releasing results is the awarding organisation's decision.
                       if (auto e = services::require_role(p, {domain::Role::ao_admin})) return respond(error_response(*e));
                       ctx.attempts.release_result(*id, staff_actor(p),
                                                   reply_with<domain::Attempt>(respond, 200, [&ctx](const domain::Attempt& a) {
                                                       return attempt_staff_json(a, ctx.attempts.snapshot(a.id).value());
                                                   }));
                   });
               });
    router.add("POST", "/api/v1/attempts/{attempt}/pause",
               [&ctx](const net::HttpRequest& req, const RouteParams& params, net::Responder respond) {
                   attempt_action(ctx, req, params, std::move(respond),
                                  [](ApiContext& c, const domain::Principal& p, domain::Id id, const std::string& reason,
                                     domain::Completion<services::AttemptSnapshot> done) {
                                      c.attempts.pause(id, staff_actor(p), reason, std::move(done));
                                  });
               });
    router.add("POST", "/api/v1/attempts/{attempt}/resume",
               [&ctx](const net::HttpRequest& req, const RouteParams& params, net::Responder respond) {
                   attempt_action(ctx, req, params, std::move(respond),
                                  [](ApiContext& c, const domain::Principal& p, domain::Id id, const std::string&,
                                     domain::Completion<services::AttemptSnapshot> done) {
                                      c.attempts.resume(id, staff_actor(p), std::move(done));
                                  });
               });
}

}  // namespace exam::api
