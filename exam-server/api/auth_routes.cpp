// Staff log-in, log-out and "who am I".
#include <boost/json.hpp>

#include "api/json_body.hpp"
#include "api/json_views.hpp"
#include "api/reply_with.hpp"
#include "services/identity_service.hpp"

namespace exam::api {
namespace json = boost::json;

void add_auth_routes(Router& router, ApiContext& ctx) {
    router.add("POST", "/api/v1/auth/login", [&ctx](const net::HttpRequest& req, const RouteParams&, net::Responder respond) {
        auto body = parse_json_body(req);
        if (!body) return respond(error_response(body.error()));
        JsonObjectReader r(body->as_object(), "");
        auto username = r.string("username", true, 64);
        auto password = r.string("password", true, 1024);
        if (auto e = r.finish()) return respond(error_response(*e));
        ctx.identity.staff_login(*username, *password, req.remote_address,
                                 reply_with<services::StaffLogin>(std::move(respond), 200, [](const services::StaffLogin& l) {
                                     return json::object{{"token", l.token},
                                                         {"expires_at", domain::format_utc(l.expires_at)},
                                                         {"user", staff_json(l.user)}};
                                 }));
    });
    router.add("POST", "/api/v1/auth/logout", [&ctx](const net::HttpRequest& req, const RouteParams&, net::Responder respond) {
        with_principal(ctx, req, respond, [&](const domain::Principal& p) {
            ctx.identity.logout(*bearer_token(req), p,
                                reply_with<domain::Done>(respond, 200, [](const domain::Done&) {
                                    return json::object{{"logged_out", true}};
                                }));
        });
    });
    router.add("GET", "/api/v1/me", [&ctx](const net::HttpRequest& req, const RouteParams&, net::Responder respond) {
        with_principal(ctx, req, respond, [&](const domain::Principal& p) {
            if (p.kind != domain::Principal::Kind::staff) {
                return respond(error_response(domain::forbidden("staff only")));
            }
            json::object o{{"id", p.user_id}, {"username", p.username}, {"role", domain::to_string(p.role)}};
            o["centre"] = p.centre_id ? json::value(*p.centre_id) : json::value(nullptr);
            respond(json_reply(200, o));
        });
    });
}

}  // namespace exam::api
