// Health, metrics and the API's own description.
#include <boost/json.hpp>

#include "api/api_context.hpp"
#include "api/json_reply.hpp"
#include "app/metrics.hpp"
#include "services/attempt_service.hpp"

namespace exam::api {

void add_system_routes(Router& router, ApiContext& ctx) {
    router.add("GET", "/healthz", [](const net::HttpRequest&, const RouteParams&, net::Responder respond) {
        respond(json_reply(200, boost::json::object{{"status", "ok"}}));
    });
    router.add("GET", "/metrics", [&ctx](const net::HttpRequest&, const RouteParams&, net::Responder respond) {
        ctx.metrics.set_attempts_in_progress(static_cast<double>(ctx.attempts.unfinished_count()));
        net::HttpResponse r;
        r.content_type = "text/plain; version=0.0.4";
        r.body = ctx.metrics.render();
        respond(std::move(r));
    });
    router.add("GET", "/api/v1/openapi.json", [&ctx](const net::HttpRequest&, const RouteParams&, net::Responder respond) {
        net::HttpResponse r;
        r.body = ctx.openapi_document();
        respond(std::move(r));
    });
}

}  // namespace exam::api
