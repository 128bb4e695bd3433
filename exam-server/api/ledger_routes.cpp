// The credit ledger (achievements by every route, voided with a reason) and
// each registration's progress toward its qualification.
#include <boost/json.hpp>

#include "api/json_body.hpp"
#include "api/reply_with.hpp"
#include "api/route_params.hpp"
#include "services/credit_ledger.hpp"

namespace exam::api {
namespace json = boost::json;

namespace {

json::value achievement_json(const domain::Achievement& a) {
    json::object o{{"id", a.id},
                   {"candidate", a.candidate_id},
                   {"unit", a.unit_code},
                   {"achieved_on", a.achieved_on},
                   {"route", domain::to_string(a.route)},
                   {"evidence", a.evidence},
                   {"status", a.active ? "active" : "voided"},
                   {"recorded_by", a.recorded_by}};
    if (a.attempt_id) o["attempt"] = *a.attempt_id;
    if (!a.active) o["void_reason"] = a.void_reason;
    return o;
}

json::array strings(const std::vector<std::string>& list) {
    json::array a;
    for (const auto& s : list) a.push_back(json::value(s));
    return a;
}

json::value progress_json(const services::QualificationProgress& p) {
    const auto& o = p.outcome;
    return json::object{{"qualification", p.qualification->id},
                        {"title", p.qualification->title},
                        {"achieved", o.achieved},
                        {"credits", o.credits},
                        {"counted_units", strings(o.counted_units)},
                        {"uncounted_units", strings(o.uncounted_units)},
                        {"missing", strings(o.missing)}};
}

}  // namespace

void add_ledger_routes(Router& router, ApiContext& ctx) {
    router.add("GET", "/api/v1/candidates/{candidate}/achievements",
               [&ctx](const net::HttpRequest& req, const RouteParams& params, net::Responder respond) {
                   with_principal(ctx, req, respond, [&](const domain::Principal& p) {
                       auto id = id_param(params, "candidate", respond);
                       if (!id) return;
                       auto list = ctx.ledger.achievements(p, *id);
                       if (!list) return respond(error_response(list.error()));
                       json::array a;
                       for (const auto& x : list.value()) a.push_back(achievement_json(x));
                       respond(json_reply(200, json::object{{"achievements", std::move(a)}}));
                   });
               });
    router.add("POST", "/api/v1/candidates/{candidate}/achievements",
               [&ctx](const net::HttpRequest& req, const RouteParams& params, net::Responder respond) {
                   with_principal(ctx, req, respond, [&](const domain::Principal& p) {
                       auto id = id_param(params, "candidate", respond);
                       if (!id) return;
                       auto body = parse_json_body(req);
                       if (!body) return respond(error_response(body.error()));
                       JsonObjectReader r(body->as_object(), "");
                       services::NewAchievement a;
                       a.unit_code = r.string("unit", true, 32).value_or("");
                       auto route = r.string("route", true, 40);
                       a.evidence = r.string("evidence", true, 200).value_or("");
                       a.achieved_on = r.string("achieved_on", true, 10).value_or("");
                       if (auto e = r.finish()) return respond(error_response(*e));
                       auto parsed = domain::parse_achievement_route(*route);
                       if (!parsed) {
                           return respond(error_response(domain::invalid(
                               "/route", "expected internal_assessment, recognition_of_prior_learning or credit_transfer")));
                       }
                       a.route = *parsed;
                       ctx.ledger.record(p, *id, std::move(a), reply_with<domain::Achievement>(respond, 201, achievement_json));
                   });
               });
    router.add("POST", "/api/v1/achievements/{achievement}/void",
               [&ctx](const net::HttpRequest& req, const RouteParams& params, net::Responder respond) {
                   with_principal(ctx, req, respond, [&](const domain::Principal& p) {
                       auto id = id_param(params, "achievement", respond);
                       if (!id) return;
                       auto body = parse_json_body(req);
                       if (!body) return respond(error_response(body.error()));
                       JsonObjectReader r(body->as_object(), "");
                       auto reason = r.string("reason", true, 500);
                       if (auto e = r.finish()) return respond(error_response(*e));
                       ctx.ledger.void_achievement(p, *id, *reason, reply_with<domain::Done>(respond, 200, [](const domain::Done&) {
                                                       return json::object{{"status", "voided"}};
                                                   }));
                   });
               });
    router.add("GET", "/api/v1/candidates/{candidate}/progress",
               [&ctx](const net::HttpRequest& req, const RouteParams& params, net::Responder respond) {
                   with_principal(ctx, req, respond, [&](const domain::Principal& p) {
                       auto id = id_param(params, "candidate", respond);
                       if (!id) return;
                       auto list = ctx.ledger.progress(p, *id);
                       if (!list) return respond(error_response(list.error()));
                       json::array a;
                       for (const auto& x : list.value()) a.push_back(progress_json(x));
                       respond(json_reply(200, json::object{{"registrations", std::move(a)}}));
                   });
               });
}

}  // namespace exam::api
